// Decides whether a page gets a warning and builds the plain, serialisable model the banner,
// the strict-mode page and the badge render. Pure: the background passes in the data, the
// user's settings and today's date.
import type { Authority, Ruling, Vendor } from './dataset/schema';
import { phasesFor, statusOn } from './dataset/status';
import { compareSeverity, primaryDomain, vendorSeverity, vendorSignature, type Severity } from './dataset/severity';
import { isStale } from './dataset/freshness';
import { timelineFor, type TimelineEntry } from './dataset/timeline';
import type { Settings } from './settings';
import type { MatchResult } from './match';

export interface PhaseView {
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

export interface WarningModel {
  vendorId: string;
  vendorName: string;
  origin: 'bundled' | 'organisation';
  severity: Severity;
  rulings: RulingView[]; // most relevant first; rulings[0] is the headline
  why: { host: string; domain: string; evidence: string; source: string | null };
  /** Rulings that name the vendor but, by their own terms, do not reach this domain. */
  notOnThisDomain: { id: string; shortName: string; note: string }[];
  signature: string;
}

/** Why a matched page gets no warning, for tests and the popup. */
export type Suppressed = 'disabled' | 'allowlisted' | 'hidden' | 'snoozed' | 'below-threshold' | 'no-ruling';

const FOR_YOU_KEY = { consumer: 'consumer', business: 'business', 'federal-contractor': 'federalContractor', everything: 'federalContractor' } as const;

/** Is `host` on the allowlist (the listed host itself or a subdomain of it)? */
export function isAllowlisted(host: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => host === a || host.endsWith(`.${a}`));
}

export function buildWarning(
  data: { rulings: readonly Ruling[] },
  vendor: Vendor,
  match: Extract<MatchResult, { kind: 'vendor' }>,
  settings: Settings,
  today: string,
  origin: 'bundled' | 'organisation' = 'bundled',
): WarningModel | null {
  const enabled = (Object.keys(settings.authorities) as Authority[]).filter((a) => settings.authorities[a]);
  const domain = primaryDomain(vendor, match.domain);
  const result = vendorSeverity(vendor, data, settings.audience, today, enabled, domain);
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
  const referenced = rulings.map((r) => data.rulings.find((x) => x.id === r.id)).filter((r): r is Ruling => !!r);
  return {
    vendorId: vendor.id,
    vendorName: vendor.name,
    origin,
    severity: result.severity,
    rulings,
    why: { host: match.host, domain: match.domain, evidence: match.evidence, source: match.source ?? null },
    notOnThisDomain: result.excludedOnDomain.map(({ ruling, note }) => ({ id: ruling.id, shortName: ruling.shortName, note })),
    signature: vendorSignature(vendor, referenced),
  };
}

/** Applies the user's choices to a built warning: null means "say nothing on this page". */
export function suppression(warning: WarningModel, host: string, settings: Settings): Suppressed | null {
  if (!settings.enabled) return 'disabled';
  if (isAllowlisted(host, settings.allowedSites)) return 'allowlisted';
  if (settings.hiddenVendors.includes(warning.vendorId)) return 'hidden';
  if (settings.snoozed[warning.vendorId] === warning.signature) return 'snoozed';
  if (compareSeverity(warning.severity, settings.minSeverity) < 0) return 'below-threshold';
  return null;
}
