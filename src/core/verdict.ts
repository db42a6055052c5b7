// The one answer to "does this page, link or brand get a warning, and which?". Every surface
// asks it here: the background for a page visit and for shopping marks, the popup for the
// current site and the lookup, the details page, the strict-mode warning page (through the
// background), and a build-time generator can call it in Node. Pure: the caller passes in what
// BanWatch knows (the catalog: bundled data plus the organisation's list from the policy), the
// effective settings (the user's, with the policy applied) and today's date.
import type { Catalog } from './catalog';
import type { NotRestricted, ReportedLink, Ruling, Vendor } from './dataset/schema';
import { phasesFor, statusOn } from './dataset/status';
import { compareSeverity, primaryDomain, vendorSeverity, vendorSignature, type Severity } from './dataset/severity';
import { isStale } from './dataset/freshness';
import { timelineFor, type TimelineEntry } from './dataset/timeline';
import { isCoveredBy, normaliseHost } from './host';
import { matchVendor, type MatchResult, type Origin } from './match';
import { AUTHORITIES } from './dataset/constants';
import type { Settings } from './settings';

interface PhaseView {
  date: string;
  change: string;
  inForce: boolean;
}

export interface RulingView {
  id: string;
  shortName: string;
  officialName: string;
  agency: string;
  citations: string[];
  effect: Ruling['effect'];
  severity: Severity;
  state: string;
  since: string | null; // the vendor's listing date, or the first phase in force
  phases: PhaseView[];
  scope: string | null;
  binds: string[];
  doesNotBind: string | null;
  summary: string;
  forYou: string;
  sources: Ruling['sources'];
  /** The latest day the ruling was confirmed against its sources (null: an organisation's ruling without one). */
  lastVerified: string | null;
  /** Not verified for more than 180 days. */
  stale: boolean;
  /** Phases and dated events (court decisions, notices, pauses, waivers), oldest first. */
  timeline: TimelineEntry[];
  /** Why this ruling reaches the page's domain only in part. */
  domainNote: string | null;
}

/** The plain, serialisable warning the banner, the strict-mode page and the badge render. */
export interface WarningModel {
  vendorId: string;
  vendorName: string;
  origin: Origin;
  severity: Severity;
  rulings: RulingView[]; // most relevant first; rulings[0] is the headline
  /** Why the host matched; null when the vendor was asked for by id (details page, a brand). */
  why: { host: string; domain: string; evidence: string; source: string | null } | null;
  /** Rulings that name the vendor but, by their own terms, do not reach this domain. */
  notOnThisDomain: { id: string; shortName: string; note: string }[];
  /** Changes whenever the vendor's data or a ruling it cites changes ("snooze until the data changes"). */
  signature: string;
}

/** Why a matched vendor or reported link gets no warning. */
type Silence =
  | 'nothing-in-force' // no ruling on record applies today
  | 'authorities-off' // rulings apply, but only from authorities the user switched off
  | 'disabled'
  | 'allowlisted'
  | 'hidden'
  | 'snoozed'
  | 'below-threshold';

interface InactiveRuling {
  ruling: Ruling;
  vendorRuling: Vendor['rulings'][number];
  state: string;
}

export type VendorMatch = Extract<MatchResult, { kind: 'vendor' }>;

export type Verdict =
  | { kind: 'none'; host: string | null }
  | { kind: 'not-restricted'; host: string | null; item: NotRestricted; match: Extract<MatchResult, { kind: 'not-restricted' }> | null }
  | {
      kind: 'reported-link';
      host: string | null;
      item: ReportedLink;
      /** The vendor the link is alleged to (bundled data), when known. */
      linkedVendor: Vendor | null;
      match: Extract<MatchResult, { kind: 'reported-link' }> | null;
      /** Alleged, not established: never more than "watch". */
      severity: 'watch';
      silenced: Silence | null;
    }
  | {
      kind: 'vendor';
      host: string | null;
      vendor: Vendor;
      origin: Origin;
      /** Why the host matched (host subjects only). */
      match: VendorMatch | null;
      /** What applies for the user's settings (the authorities they count): what a warning shows. */
      warning: WarningModel | null;
      /** What applies with every authority counted: what the popup and details page explain. */
      explained: WarningModel | null;
      /** Rulings on record that do not apply today (lifted, superseded, listing not yet dated). */
      inactive: InactiveRuling[];
      /** Null: warn. Otherwise why not. */
      silenced: Silence | null;
    };

/**
 * What the verdict is about: a host (a page visit, the popup's current site, a search result's
 * link), or an entry by id (the details page, a lookup result, a brand on a marketplace page),
 * with the host of the page it is seen on, if any, for the allowlist.
 */
export type Subject = { host: string } | { id: string; seenOn?: string | null };

/** Everything a verdict depends on, read once per message or page load. */
export interface VerdictInputs {
  catalog: Catalog;
  /** The effective settings: the user's, with the administrator's policy applied. */
  settings: Settings;
  /** ISO day. */
  today: string;
}

const FOR_YOU_KEY = { consumer: 'consumer', business: 'business', 'federal-contractor': 'federalContractor', everything: 'federalContractor' } as const;
const ALL_AUTHORITIES = Object.fromEntries(AUTHORITIES.map((a) => [a, true])) as Settings['authorities'];

function buildWarning(
  inputs: VerdictInputs,
  vendor: Vendor,
  origin: Origin,
  match: VendorMatch | null,
  authorities: Settings['authorities'],
): WarningModel | null {
  const { catalog, settings, today } = inputs;
  const enabled = AUTHORITIES.filter((a) => authorities[a]);
  // Judged on the matched domain, or (asked for by id) on the vendor's main site.
  const domain = primaryDomain(vendor, match?.domain);
  const result = vendorSeverity(vendor, catalog, settings.audience, today, enabled, domain);
  if (!result) return null;
  const forYouKey = FOR_YOU_KEY[settings.audience];
  const rulings = result.rulings.map(({ ruling, vendorRuling, severity, domainNote }): RulingView => {
    const status = statusOn(ruling, today, domain ? { vendorRuling, domain } : { vendorRuling });
    return {
      id: ruling.id,
      shortName: ruling.shortName,
      officialName: ruling.officialName,
      agency: ruling.agency,
      citations: ruling.citations,
      effect: vendorRuling.effect ?? ruling.effect,
      severity,
      state: status.state,
      since: vendorRuling.since ?? status.inForce[0]?.date ?? null,
      phases: phasesFor(ruling, vendorRuling).map((p) => ({ date: p.date, change: p.change, inForce: p.date <= today })),
      scope: vendorRuling.scope ?? ruling.scope ?? null,
      binds: ruling.binds,
      doesNotBind: ruling.doesNotBind ?? null,
      summary: ruling.summary,
      forYou: vendorRuling.forYou?.[forYouKey] ?? ruling.forYou[forYouKey],
      sources: ruling.sources,
      lastVerified: ruling.lastVerified ?? null,
      stale: isStale(ruling, today),
      timeline: timelineFor(ruling, today, vendorRuling),
      domainNote: domainNote ?? null,
    };
  });
  // Hashed when first read: it hashes all of the vendor's data (~10–25 ms in a page's first,
  // interpreted run), and only a snooze (made, or to check) reads it. Every ruling the vendor
  // cites, not only those that apply here: one snooze holds on every domain of the vendor (the
  // details page snoozes by id) and whatever the audience, authorities or day.
  let signature: string | undefined;
  return {
    vendorId: vendor.id,
    vendorName: vendor.name,
    origin,
    severity: result.severity,
    rulings,
    why: match && { host: match.host, domain: match.domain, evidence: match.evidence, source: match.source ?? null },
    notOnThisDomain: result.excludedOnDomain.map(({ ruling, note }) => ({ id: ruling.id, shortName: ruling.shortName, note })),
    get signature() {
      return (signature ??= vendorSignature(vendor, catalog.rulings));
    },
  };
}

/**
 * The user's choices that silence a warning of `severity` about the entry `ids[0]` (and any
 * other id that hides it) on `host`; a null host (asked for by id) skips the allowlist, and a
 * snooze counts only while the data still has the signature (of `warning`) it was snoozed with.
 */
function userSilence(settings: Settings, host: string | null, ids: readonly string[], severity: Severity, warning?: WarningModel): Silence | null {
  if (!settings.enabled) return 'disabled';
  if (host !== null && isCoveredBy(host, settings.allowedSites)) return 'allowlisted';
  if (ids.some((id) => settings.hiddenVendors.includes(id))) return 'hidden';
  if (warning && Object.hasOwn(settings.snoozed, ids[0]!) && settings.snoozed[ids[0]!] === warning.signature) return 'snoozed';
  if (compareSeverity(severity, settings.minSeverity) < 0) return 'below-threshold';
  return null;
}

function vendorVerdict(inputs: VerdictInputs, vendor: Vendor, origin: Origin, host: string | null, match: VendorMatch | null): Verdict {
  const { settings } = inputs;
  const allCounted = AUTHORITIES.every((a) => settings.authorities[a]);
  const warning = buildWarning(inputs, vendor, origin, match, settings.authorities);
  const explained = allCounted ? warning : buildWarning(inputs, vendor, origin, match, ALL_AUTHORITIES);
  let silenced: Silence | null;
  if (!explained) silenced = 'nothing-in-force';
  else if (!warning) silenced = 'authorities-off';
  else silenced = userSilence(settings, host, [vendor.id], warning.severity, warning);
  const shown = new Set(explained?.rulings.map((r) => r.id) ?? []);
  const inactive: InactiveRuling[] = [];
  const domain = primaryDomain(vendor, match?.domain);
  for (const vendorRuling of vendor.rulings) {
    if (shown.has(vendorRuling.ruling)) continue;
    const ruling = inputs.catalog.ruling(vendorRuling.ruling);
    if (ruling) inactive.push({ ruling, vendorRuling, state: statusOn(ruling, inputs.today, domain ? { vendorRuling, domain } : { vendorRuling }).state });
  }
  return { kind: 'vendor', host, vendor, origin, match, warning, explained, inactive, silenced };
}

function reportedLinkVerdict(inputs: VerdictInputs, item: ReportedLink, host: string | null, match: Extract<MatchResult, { kind: 'reported-link' }> | null): Verdict {
  const linked = inputs.catalog.dataset.vendors.find((v) => v.id === item.vendor) ?? null;
  const silenced = userSilence(inputs.settings, host, [item.vendor, item.id], 'watch');
  return { kind: 'reported-link', host, item, linkedVendor: linked, match, severity: 'watch', silenced };
}

/** The verdict on `subject` for these inputs. Never throws; anything unknown is `none`. */
export function verdict(inputs: VerdictInputs, subject: Subject): Verdict {
  const { catalog } = inputs;
  if ('host' in subject) {
    const host = normaliseHost(subject.host);
    if (host === null) return { kind: 'none', host: null };
    const match = matchVendor(host, catalog.index);
    if (!match) return { kind: 'none', host };
    if (match.kind === 'vendor') {
      const entry = catalog.entry(match.vendorId);
      return entry?.kind === 'vendor' ? vendorVerdict(inputs, entry.vendor, entry.origin, host, match) : { kind: 'none', host };
    }
    const entry = catalog.entry(match.id);
    if (match.kind === 'not-restricted' && entry?.kind === 'not-restricted') return { kind: 'not-restricted', host, item: entry.item, match };
    if (match.kind === 'reported-link' && entry?.kind === 'reported-link') return reportedLinkVerdict(inputs, entry.item, host, match);
    return { kind: 'none', host };
  }
  const host = subject.seenOn ? normaliseHost(subject.seenOn) : null;
  const entry = catalog.entry(subject.id);
  if (!entry) return { kind: 'none', host };
  if (entry.kind === 'vendor') return vendorVerdict(inputs, entry.vendor, entry.origin, host, null);
  if (entry.kind === 'reported-link') return reportedLinkVerdict(inputs, entry.item, host, null);
  return { kind: 'not-restricted', host, item: entry.item, match: null };
}

/** The warning a page, link or brand shows, or null when it shows none. */
export function shownWarning(v: Verdict): WarningModel | null {
  return v.kind === 'vendor' && v.silenced === null ? v.warning : null;
}
