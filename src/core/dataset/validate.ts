// Validation of the bundled dataset (at build and in the tests, never in the extension): the zod
// schema first, then the cross-checks a schema cannot express (dataset-checks.ts, shared with the
// service worker's check of a data package, which checks the shape without zod: dataset-shape.ts).
//
// The domain check is passed in: the build and the tests use the full Public Suffix List
// (registrable.ts, via tldts), while the extension itself checks an organisation's list with the
// light `isPlausibleHost`, so the PSL data never ships in the service worker or the pages.
import type { z } from 'zod';
import { datasetSchema, type Dataset } from './schema';
import { checkDataset } from './dataset-checks';
import type { HostCheck, ValidationResult } from './checks';

export { isPlausibleHost, type HostCheck, type ValidationResult } from './checks';

function zodErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

export function validateDataset(raw: unknown, isHost: HostCheck): ValidationResult<Dataset> {
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) return { errors: zodErrors(parsed.error) };
  const errors = checkDataset(parsed.data, isHost);
  return errors.length ? { errors } : { dataset: parsed.data, errors };
}
