// Enterprise policy from storage.managed. Placeholder until the options/policy work lands:
// no organisation vendors.
import type { Vendor } from '../core/dataset/schema';

export async function loadOrgVendors(): Promise<Vendor[]> {
  return [];
}
