// Strict mode's "Proceed this time": the user may browse the site they chose in that tab, and
// is warned again when they come back to it after being away. The background cannot see the
// tab leave (no `tabs` or `webNavigation` permission), so the allowance lapses after a quiet
// spell instead: each page of the site loaded in the tab renews it.
import { isCoveredBy } from './host';
import { isPlainObject } from './values';

export interface ProceedGrant {
  host: string;
  /** When a page of the site last loaded in the tab (ms since the epoch). */
  lastSeen: number;
}

/** How long the tab may stay away from the site before the warning returns. */
export const PROCEED_IDLE_MS = 10 * 60 * 1000;

export function grantCovers(grant: unknown, host: string, now: number): grant is ProceedGrant {
  if (!isPlainObject(grant)) return false;
  const g = grant as Partial<ProceedGrant>;
  return (
    typeof g.host === 'string' &&
    typeof g.lastSeen === 'number' &&
    now - g.lastSeen >= 0 &&
    now - g.lastSeen <= PROCEED_IDLE_MS &&
    isCoveredBy(host, [g.host])
  );
}
