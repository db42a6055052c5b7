// The shape of a whole dataset, checked without zod: the service worker checks the dataset in a
// signed data package (core/data-package/accept.ts), and it cannot carry a schema library (see
// org-shape.ts, whose parts this reuses). schema.ts (`datasetSchema`) stays the one definition of
// the format; test/unit/dataset-shape.test.ts checks that this accepts and refuses exactly what
// it does.
import { domainName, isoDate, list, matching, nonEmpty, record, rulingFields, slug, source, string, vendor, type Check } from './org-shape';
import type { Dataset } from './schema';

const version = matching(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, 'version like 2026.11.28');

const dataset: Check = record({
  meta: record({
    version,
    reviewedOn: isoDate,
    changelog: list(record({ version: string(), date: isoDate, changes: list(nonEmpty, 1) }), 1),
  }),
  rulings: list(record({ ...rulingFields, lastVerified: isoDate })),
  vendors: list(vendor),
  notRestricted: list(record({ id: slug, name: nonEmpty, aliases: list(nonEmpty), domains: list(domainName), reason: nonEmpty, sources: list(source) })),
  reportedLinks: list(
    record({ id: slug, name: nonEmpty, aliases: list(nonEmpty), domains: list(domainName), vendor: slug, relationship: nonEmpty, sources: list(source, 1) }),
  ),
});

/** The dataset as the format defines it (a fresh copy), or every way it is not. */
export function checkDatasetShape(raw: unknown): { dataset?: Dataset; errors: string[] } {
  const errors: string[] = [];
  const checked = dataset(raw, '', errors) as Dataset;
  return errors.length ? { errors } : { dataset: checked, errors };
}
