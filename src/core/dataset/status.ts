// Where a ruling stands on a given day: which phases are in force, which are still to come, and
// which dated events (a court decision, a pause, a divestiture) change that. A vendor's own entry
// can replace the ruling's phases and add its own events; an event may concern only some of the
// vendor's domains.
import type { Phase, Ruling, RulingStatus, TimelineEvent, Vendor } from './schema';
import { daysBetween } from '../dates';

export type { Phase };
type VendorRuling = Vendor['rulings'][number];

interface RulingStatusOn {
  state: RulingStatus;
  inForce: Phase[];
  upcoming: Phase[];
  next?: Phase;
  daysToNext?: number;
  /** The event that set the state, when one did. */
  decidedBy?: TimelineEvent;
}

/** Where the ruling is looked at: one vendor's entry, and the vendor domain the page is on. */
export interface StatusContext {
  vendorRuling?: VendorRuling;
  /** A listed vendor domain (or a host under it); events limited to other domains are ignored. */
  domain?: string;
}

/** States set by reviewers that no phase arithmetic may override (used when no dated event sets a state). */
export const STICKY_STATES: ReadonlySet<RulingStatus> = new Set<RulingStatus>(['paused', 'proposed', 'litigation-pending', 'lifted', 'superseded']);

const byDate = <T extends { date: string }>(a: T, b: T): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Does an event limited to `domains` concern `domain`? An unlimited event always does. */
export function eventApplies(event: TimelineEvent, domain: string | undefined): boolean {
  if (!event.domains) return true;
  if (!domain) return false;
  return event.domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** The phases that govern: the vendor entry's own, or else the ruling's. Sorted by date. */
export function phasesFor(ruling: Pick<Ruling, 'phases'>, vendorRuling?: VendorRuling): Phase[] {
  return [...(vendorRuling?.phases ?? ruling.phases)].sort(byDate);
}

/** The ruling's events and the vendor entry's, those that concern `domain`, sorted by date. */
export function eventsFor(ruling: Pick<Ruling, 'events'>, ctx: StatusContext = {}): TimelineEvent[] {
  const all = [...(ruling.events ?? []), ...(ctx.vendorRuling?.events ?? [])];
  return all.filter((e) => eventApplies(e, ctx.domain)).sort(byDate);
}

/** Status of `ruling` on `date` (YYYY-MM-DD). A phase or event dated on `date` counts that day. */
export function statusOn(ruling: Pick<Ruling, 'phases' | 'status'> & Partial<Pick<Ruling, 'events'>>, date: string, ctx: StatusContext = {}): RulingStatusOn {
  const phases = phasesFor(ruling, ctx.vendorRuling);
  const inForce = phases.filter((p) => p.date <= date);
  const upcoming = phases.filter((p) => p.date > date);
  const next = upcoming[0];
  const statusEvents = eventsFor(ruling, ctx).filter((e) => e.status);
  const decidedBy = statusEvents.filter((e) => e.date <= date).at(-1);
  const fromPhases: RulingStatus = inForce.length === 0 ? 'upcoming' : upcoming.length ? 'partly-in-force' : 'in-force';
  let state: RulingStatus;
  if (decidedBy && decidedBy.status !== 'in-force') state = decidedBy.status as RulingStatus;
  else if (decidedBy) state = fromPhases; // reinstated: the phases decide again
  // A reviewer-set state applies only to rulings whose timeline has no state-setting events
  // (e.g. an organisation's own ruling); dated events otherwise decide, and before the first of
  // them the phases do.
  else if (statusEvents.length === 0 && STICKY_STATES.has(ruling.status.value)) state = ruling.status.value;
  else state = fromPhases;
  const result: RulingStatusOn = { state, inForce, upcoming };
  if (decidedBy) result.decidedBy = decidedBy;
  if (next) {
    result.next = next;
    result.daysToNext = daysBetween(date, next.date);
  }
  return result;
}

/** Who is bound on `date`: the latest phase in force that says so, else the ruling's `binds`. */
export function bindsOn(ruling: Pick<Ruling, 'phases' | 'binds'>, date: string, vendorRuling?: VendorRuling): Ruling['binds'] {
  const withBinds = phasesFor(ruling, vendorRuling).filter((p) => p.date <= date && p.binds);
  return withBinds.at(-1)?.binds ?? ruling.binds;
}

