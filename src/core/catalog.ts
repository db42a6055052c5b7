// Everything BanWatch knows about vendors: the bundled dataset plus, when an administrator
// supplies one, the organisation's own list. This is the one place the two are merged; the
// match index, the brand index and the popup's search index are built from it. Pure.
import type { NotRestricted, ReportedLink, Ruling, Vendor } from './dataset/schema';
import { buildMatchIndex, type MatchIndex, type Origin } from './match';

/** The organisation's own list, as the policy delivers it (already validated). */
export interface OrganisationList {
  vendors: readonly Vendor[];
  rulings: readonly Ruling[];
}

type Entry =
  | { kind: 'vendor'; vendor: Vendor; origin: Origin }
  | { kind: 'not-restricted'; item: NotRestricted }
  | { kind: 'reported-link'; item: ReportedLink };

/** The data a catalog is built from: the bundled dataset, or a test's or a screening run's. */
interface Data {
  readonly vendors: readonly Vendor[];
  readonly rulings: readonly Ruling[];
  readonly notRestricted: readonly NotRestricted[];
  readonly reportedLinks: readonly ReportedLink[];
}

export interface Catalog {
  readonly dataset: Data;
  readonly org: OrganisationList;
  /** What the match, brand and search indexes are built from. */
  readonly sources: { vendors: readonly Vendor[]; notRestricted: readonly NotRestricted[]; reportedLinks: readonly ReportedLink[]; organisationVendors: readonly Vendor[] };
  /** Every ruling a vendor may cite: the bundled ones, then the organisation's own. */
  readonly rulings: readonly Ruling[];
  /** The hostname index (built on first use: a few milliseconds). */
  readonly index: MatchIndex;
  /** A vendor (the organisation's first), not-restricted entry or reported link by id. */
  entry(id: string): Entry | null;
  ruling(id: string): Ruling | undefined;
}

const NO_ORG: OrganisationList = { vendors: [], rulings: [] };

export function buildCatalog(dataset: Catalog['dataset'], org: OrganisationList = NO_ORG): Catalog {
  const entries = new Map<string, Entry>();
  // Later entries do not replace earlier ones: an organisation's vendor overrides a bundled one
  // with the same id, and vendors come before not-restricted entries and reported links.
  const add = (id: string, e: Entry) => void (entries.has(id) || entries.set(id, e));
  for (const vendor of org.vendors) add(vendor.id, { kind: 'vendor', vendor, origin: 'organisation' });
  for (const vendor of dataset.vendors) add(vendor.id, { kind: 'vendor', vendor, origin: 'bundled' });
  for (const item of dataset.notRestricted) add(item.id, { kind: 'not-restricted', item });
  for (const item of dataset.reportedLinks) add(item.id, { kind: 'reported-link', item });

  const rulings = org.rulings.length ? [...dataset.rulings, ...org.rulings] : dataset.rulings;
  const byRuling = new Map<string, Ruling>();
  for (const r of rulings) if (!byRuling.has(r.id)) byRuling.set(r.id, r);
  const sources: Catalog['sources'] = {
    vendors: dataset.vendors,
    notRestricted: dataset.notRestricted,
    reportedLinks: dataset.reportedLinks,
    organisationVendors: org.vendors,
  };
  let index: MatchIndex | null = null;
  return {
    dataset,
    org,
    sources,
    rulings,
    get index() {
      return (index ??= buildMatchIndex(sources));
    },
    entry: (id) => entries.get(id) ?? null,
    ruling: (id) => byRuling.get(id),
  };
}
