// One dated timeline per ruling (and per vendor entry): the phases that make prohibitions take
// effect and the events around them (court decisions, notices, pauses, waivers, divestitures), in
// date order, so the details page can show what happened when and statusOn can answer for any day.
import type { EventKind, Phase, Ruling, RulingStatus, TimelineEvent, Vendor } from './schema';
import { eventsFor, phasesFor, type StatusContext } from './status';

export interface TimelineEntry {
  date: string;
  /** 'phase' for a prohibition taking effect; otherwise the event's kind. */
  kind: 'phase' | EventKind;
  text: string;
  /** Whether it had happened by `today` (an entry dated today has). */
  past: boolean;
  approximate: boolean;
  /** The state the ruling enters on this day, for events that change it. */
  status?: RulingStatus;
  /** The vendor domains an event is limited to. */
  domains?: string[];
  source?: string;
  /** Whether this entry belongs to the vendor's own entry rather than the ruling as a whole. */
  vendorSpecific: boolean;
}

type VendorRuling = Vendor['rulings'][number];

/**
 * The timeline of `ruling` as it concerns one vendor entry (if given), oldest first. Unlike
 * statusOn, domain-limited events are all listed (with their domains), so a reader of the details
 * page sees, for instance, that the TikTok divestiture covers some ByteDance sites and not others.
 */
export function timelineFor(ruling: Ruling, today: string, vendorRuling?: VendorRuling): TimelineEntry[] {
  const own = new Set<Phase | TimelineEvent>([...(vendorRuling?.phases ?? []), ...(vendorRuling?.events ?? [])]);
  const ctx: StatusContext = vendorRuling ? { vendorRuling } : {};
  const phases: TimelineEntry[] = phasesFor(ruling, vendorRuling).map((p) => ({
    date: p.date,
    kind: 'phase',
    text: p.change,
    past: p.date <= today,
    approximate: Boolean(p.approximate),
    vendorSpecific: own.has(p),
  }));
  const allEvents = [...(ruling.events ?? []), ...(vendorRuling?.events ?? [])];
  // eventsFor without a domain drops domain-limited events; add them back for the full picture.
  const events = [...eventsFor(ruling, ctx), ...allEvents.filter((e) => e.domains)];
  const entries: TimelineEntry[] = events.map((e) => {
    const entry: TimelineEntry = {
      date: e.date,
      kind: e.kind,
      text: e.title,
      past: e.date <= today,
      approximate: Boolean(e.approximate),
      vendorSpecific: own.has(e),
    };
    if (e.status) entry.status = e.status;
    if (e.domains) entry.domains = e.domains;
    if (e.source) entry.source = e.source;
    return entry;
  });
  return [...phases, ...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
