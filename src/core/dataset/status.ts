// Where a ruling stands on a given day: which phases are in force, which are still to come.
import type { Ruling, RulingStatus } from './schema';
import { daysBetween } from '../dates';

type Phase = Ruling['phases'][number];

interface RulingStatusOn {
  state: RulingStatus;
  inForce: Phase[];
  upcoming: Phase[];
  next?: Phase;
  daysToNext?: number;
}

/** States set by reviewers that no phase arithmetic may override (a past phase date does not mean "in force"). */
export const STICKY_STATES: ReadonlySet<RulingStatus> = new Set<RulingStatus>(['paused', 'proposed', 'litigation-pending', 'lifted', 'superseded']);

/** Status of `ruling` on `date` (YYYY-MM-DD). A phase dated on `date` is in force that day. */
export function statusOn(ruling: Pick<Ruling, 'phases' | 'status'>, date: string): RulingStatusOn {
  const phases = [...ruling.phases].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const inForce = phases.filter((p) => p.date <= date);
  const upcoming = phases.filter((p) => p.date > date);
  const next = upcoming[0];
  let state: RulingStatus;
  if (STICKY_STATES.has(ruling.status.value)) state = ruling.status.value;
  else if (inForce.length === 0) state = 'upcoming';
  else state = upcoming.length ? 'partly-in-force' : 'in-force';
  const result: RulingStatusOn = { state, inForce, upcoming };
  if (next) {
    result.next = next;
    result.daysToNext = daysBetween(date, next.date);
  }
  return result;
}
