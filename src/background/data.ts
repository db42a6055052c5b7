// The data the background matches against: the bundled dataset plus, when an administrator
// supplies one, the organisation's own vendor list. Rebuilt when the worker starts (a few ms).
import { dataset } from '../core/dataset';
import type { Vendor } from '../core/dataset/schema';
import { buildMatchIndex, type MatchIndex } from '../core/match';
import { loadOrgVendors } from '../shared/policy-store';

export interface Data {
  index: MatchIndex;
  vendors: Map<string, { vendor: Vendor; origin: 'bundled' | 'organisation' }>;
}

let cached: Promise<Data> | null = null;

async function build(): Promise<Data> {
  const org = await loadOrgVendors();
  const vendors = new Map<string, { vendor: Vendor; origin: 'bundled' | 'organisation' }>();
  for (const v of dataset.vendors) vendors.set(v.id, { vendor: v, origin: 'bundled' });
  for (const v of org) vendors.set(v.id, { vendor: v, origin: 'organisation' });
  const index = buildMatchIndex({
    vendors: dataset.vendors,
    notRestricted: dataset.notRestricted,
    reportedLinks: dataset.reportedLinks,
    organisationVendors: org,
  });
  return { index, vendors };
}

/** A cache of derived data, not state: losing it when the worker stops costs only a rebuild. */
export function getData(): Promise<Data> {
  cached ??= build();
  return cached;
}

export function invalidateData(): void {
  cached = null;
}
