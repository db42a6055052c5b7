// How fresh the data is. Each ruling carries `lastVerified`: the latest day its status was
// confirmed against its sources. The dataset as a whole is only as fresh as its stalest ruling,
// so the headline date is the oldest of them ("reviewed through …"), never the build date.
import type { Ruling } from './schema';
import { daysBetween } from '../dates';

/** After this many days without verification a ruling is shown as possibly out of date. */
export const STALE_AFTER_DAYS = 180;

/** The oldest `lastVerified` among the rulings: the day through which all of them were reviewed. */
export function reviewedThrough(data: { rulings: readonly Ruling[] }): string | undefined {
  return data.rulings.map((r) => r.lastVerified).sort()[0];
}

/** Days since the ruling was last verified, as of `today` (null when it carries no date). */
export function daysSinceVerified(ruling: Pick<Ruling, 'lastVerified'>, today: string): number | null {
  return ruling.lastVerified ? daysBetween(ruling.lastVerified, today) : null;
}

/**
 * Not verified for more than STALE_AFTER_DAYS days on `today`. Every bundled ruling carries a
 * date; an organisation's own ruling without one is not judged.
 */
export function isStale(ruling: Pick<Ruling, 'lastVerified'>, today: string): boolean {
  const days = daysSinceVerified(ruling, today);
  return days !== null && days > STALE_AFTER_DAYS;
}
