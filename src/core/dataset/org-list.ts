// An organisation's own vendor list (enterprise policy), validated the way the bundled data is:
// its shape (org-shape.ts, no zod, so the service worker and pages stay small), then the
// cross-checks (checks.ts).
import { checkRulings, checkVendors, isPlausibleHost, type HostCheck, type ValidationResult } from './checks';
import { checkOrgListShape } from './org-shape';
import type { OrgList } from './schema';

/**
 * An organisation's own list. Its vendors may reference its own rulings or the bundled ones
 * (`knownRulingIds`); its ruling ids must not collide with bundled ids.
 */
export function validateOrgList(
  raw: unknown,
  knownRulingIds: Iterable<string> = [],
  isHost: HostCheck = isPlausibleHost,
): ValidationResult<OrgList> {
  const shape = checkOrgListShape(raw);
  if (!shape.list) return { errors: shape.errors };
  const list = shape.list;
  const errors: string[] = [];
  const known = new Set(knownRulingIds);
  const own = list.rulings ?? [];
  checkRulings(own, 'rulings', errors);
  own.forEach((r, i) => {
    if (known.has(r.id)) errors.push(`rulings.${i} (${r.id}): id collides with a bundled ruling id`);
  });
  const rulingIds = new Set([...known, ...own.map((r) => r.id)]);
  checkVendors(list.vendors, rulingIds, 'vendors', errors, new Map(), isHost);
  return errors.length ? { errors } : { dataset: list, errors };
}
