// The dataset split for what each context needs when (issue 14): a *lean* index that every page
// and the service worker load at start (ids, names and domains: enough to tell which entry a site
// or an id is, to name it, and to count), and one *record* per entry (the entry in full, with
// every ruling it cites) that a page loads for the one entry it shows, and the worker for the
// entries a message asks about (merged into one with `mergeRecords`). The worker also carries the
// brand names, to tell which entry a marketplace's brand field names. The build (scripts/
// dataset-split-plugin.ts) writes all of them from the bundled data (and, for the options page,
// what it says about the data); a dataset replaced at run time can be split the same way in
// memory. Pure.
import type { Dataset, NotRestricted, ReportedLink, Ruling, Vendor } from './schema';
import { reviewedThrough } from './freshness';

export interface LeanDataset {
  meta: { version: string; reviewedOn: string; reviewedThrough: string };
  /** Only what tells which entry a host is (the page then reads the entry's record) and its name. */
  vendors: { id: string; name: string; domains: string[]; exclusions?: string[] }[];
  notRestricted: Pick<NotRestricted, 'id' | 'domains'>[];
  reportedLinks: Pick<ReportedLink, 'id' | 'domains' | 'vendor'>[];
}

/** What the options page says about the data (its version, freshness, counts, changelog). */
interface DatasetAbout {
  meta: Dataset['meta'];
  reviewedThrough: string;
  vendorCount: number;
  rulings: Pick<Dataset['rulings'][number], 'shortName' | 'lastVerified'>[];
}

/** The names a marketplace's brand field may equal, per entry (core/shopping/brand-matcher.ts). */
export interface BrandNames {
  vendors: Pick<Vendor, 'id' | 'name' | 'legalNames' | 'aliases'>[];
  notRestricted: Pick<NotRestricted, 'id' | 'name' | 'aliases'>[];
  reportedLinks: Pick<ReportedLink, 'id' | 'name' | 'aliases' | 'vendor'>[];
}

/** An entry in full and what its verdict and its page need: a dataset of one entry. */
export interface EntryRecord {
  vendors: Vendor[];
  rulings: Ruling[];
  notRestricted: NotRestricted[];
  reportedLinks: ReportedLink[];
}

export function leanOf(ds: Dataset): LeanDataset {
  return {
    meta: { version: ds.meta.version, reviewedOn: ds.meta.reviewedOn, reviewedThrough: reviewedThrough(ds) ?? ds.meta.reviewedOn },
    vendors: ds.vendors.map(({ id, name, domains, exclusions }) => ({
      id,
      name,
      domains: domains.map((d) => d.domain),
      ...(exclusions && { exclusions: exclusions.map((x) => x.domain) }),
    })),
    notRestricted: ds.notRestricted.map(({ id, domains }) => ({ id, domains })),
    reportedLinks: ds.reportedLinks.map(({ id, domains, vendor }) => ({ id, domains, vendor })),
  };
}

export function brandNamesOf(ds: Pick<Dataset, 'vendors' | 'notRestricted' | 'reportedLinks'>): BrandNames {
  return {
    vendors: ds.vendors.map(({ id, name, legalNames, aliases }) => ({ id, name, legalNames, aliases })),
    notRestricted: ds.notRestricted.map(({ id, name, aliases }) => ({ id, name, aliases })),
    reportedLinks: ds.reportedLinks.map(({ id, name, aliases, vendor }) => ({ id, name, aliases, vendor })),
  };
}

export function aboutOf(ds: Dataset): DatasetAbout {
  return {
    meta: ds.meta,
    reviewedThrough: reviewedThrough(ds) ?? ds.meta.reviewedOn,
    vendorCount: ds.vendors.length,
    rulings: ds.rulings.map(({ shortName, lastVerified }) => ({ shortName, lastVerified })),
  };
}

/**
 * The record of entry `id`, or null when there is none: a vendor with the rulings it cites and
 * the reported links alleged to it; a not-restricted entry; a reported link with the vendor it
 * is alleged to belong to.
 */
export function recordOf(ds: Pick<Dataset, 'vendors' | 'rulings' | 'notRestricted' | 'reportedLinks'>, id: string): EntryRecord | null {
  const vendor = ds.vendors.find((v) => v.id === id);
  if (vendor) {
    const cited = new Set(vendor.rulings.map((r) => r.ruling));
    return { vendors: [vendor], rulings: ds.rulings.filter((r) => cited.has(r.id)), notRestricted: [], reportedLinks: ds.reportedLinks.filter((l) => l.vendor === id) };
  }
  const item = ds.notRestricted.find((n) => n.id === id);
  if (item) return { vendors: [], rulings: [], notRestricted: [item], reportedLinks: [] };
  const link = ds.reportedLinks.find((l) => l.id === id);
  if (link) return { vendors: ds.vendors.filter((v) => v.id === link.vendor), rulings: [], notRestricted: [], reportedLinks: [link] };
  return null;
}

/** Every entry id (the build writes one record for each). */
export function entryIds(ds: Pick<Dataset, 'vendors' | 'notRestricted' | 'reportedLinks'>): string[] {
  return [...ds.vendors, ...ds.notRestricted, ...ds.reportedLinks].map((e) => e.id);
}

/** Several records as one (each vendor, ruling and entry once): the data for a message about several entries. */
export function mergeRecords(records: readonly EntryRecord[]): EntryRecord {
  const once = <T extends { id: string }>(lists: T[][]) => [...new Map(lists.flat().map((x) => [x.id, x])).values()];
  return {
    vendors: once(records.map((r) => r.vendors)),
    rulings: once(records.map((r) => r.rulings)),
    notRestricted: once(records.map((r) => r.notRestricted)),
    reportedLinks: once(records.map((r) => r.reportedLinks)),
  };
}
