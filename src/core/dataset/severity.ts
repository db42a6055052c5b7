// How seriously a ruling concerns a given reader. Severity depends on what the instrument does
// (an export control never reads as "you may not buy") and on whom it binds, compared with the
// groups the reader belongs to.
import type { Authority, BoundParty, DomainCap, Ruling, Vendor } from './schema';
import { bindsOn, statusOn, type StatusContext } from './status';
import { fingerprint } from '../values';

/** Most to least serious. */
export const SEVERITIES = ['prohibited', 'restricted', 'listed', 'watch'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AUDIENCES = ['consumer', 'business', 'federal-contractor', 'everything'] as const;
export type Audience = (typeof AUDIENCES)[number];

// A federal contractor is not bound by what binds only the intelligence community's own systems
// (e.g. DeepSeek, NDAA FY2026 section 6604) or the Defense Department as buyer (NDAA FY2024
// section 805 until June 30, 2027): those read as "restricted" for contractors, not "prohibited".
const FEDERAL_GROUPS: readonly BoundParty[] = ['us-persons', 'federal-agencies', 'federal-contractors', 'dod-contractors'];

/** The bound parties each audience counts itself among. */
const AUDIENCE_GROUPS: Readonly<Record<Audience, readonly BoundParty[]>> = {
  consumer: ['us-persons'],
  business: ['us-persons'],
  'federal-contractor': FEDERAL_GROUPS,
  everything: [...FEDERAL_GROUPS, 'intelligence-community', 'defense-department'],
};

const LISTED_ONLY_EFFECTS: ReadonlySet<Ruling['effect']> = new Set<Ruling['effect']>([
  'export-control',
  'investment-ban',
  'individual-sanctions',
  'designation',
]);

/** Positive when `a` is more serious than `b` (sorts descending with `compareSeverity(b, a)`). */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(b) - SEVERITIES.indexOf(a);
}

/** Effects that restrict only some buyers; a reader they do not bind sees "listed" as a consumer. */
const NARROW_EFFECTS: ReadonlySet<Ruling['effect']> = new Set<Ruling['effect']>(['use-ban', 'subsidy-ban']);

/**
 * How seriously `ruling` concerns `audience` on `date`, or null when it does not (lifted,
 * superseded, or a waiver that relaxes a restriction). With a vendor entry, that entry's own
 * effect, phases and events decide; with a domain, events limited to other domains are ignored.
 */
export function severityFor(ruling: Ruling, audience: Audience, date: string, ctx: StatusContext = {}): Severity | null {
  const effect = ctx.vendorRuling?.effect ?? ruling.effect;
  if (effect === 'relief') return null;
  const { state } = statusOn(ruling, date, ctx);
  if (state === 'lifted' || state === 'superseded') return null;
  if (state === 'paused' || state === 'proposed' || state === 'litigation-pending' || state === 'upcoming') return 'watch';
  if (LISTED_ONLY_EFFECTS.has(effect)) return 'listed';
  const groups = AUDIENCE_GROUPS[audience];
  if (bindsOn(ruling, date, ctx.vendorRuling).some((b) => groups.includes(b))) return 'prohibited';
  if (NARROW_EFFECTS.has(effect)) return audience === 'consumer' ? 'listed' : 'restricted';
  return 'restricted';
}

/** The less serious of a severity and a domain's cap for it. */
function capped(severity: Severity, cap: Exclude<DomainCap, 'none'>): Severity {
  return compareSeverity(severity, cap) > 0 ? cap : severity;
}

type DomainEntry = Vendor['domains'][number];

/** The vendor's listed domain that covers `host` (the most specific), if any. */
export function domainEntryFor(vendor: Vendor, host: string): DomainEntry | undefined {
  const covering = vendor.domains.filter((d) => host === d.domain || host.endsWith(`.${d.domain}`));
  return covering.sort((a, b) => b.domain.length - a.domain.length)[0];
}

/**
 * The domain a vendor is judged on: the matched one, or (for a lookup by name, with no page) the
 * vendor's first listed domain, its main site.
 */
export function primaryDomain(vendor: Vendor, domain?: string): string | undefined {
  return domain || vendor.domains[0]?.domain;
}

type VendorRuling = Vendor['rulings'][number];

interface RankedRuling {
  ruling: Ruling;
  vendorRuling: VendorRuling;
  severity: Severity;
  /** The later of the vendor's listing date and the ruling's latest phase in force, if any. */
  effectiveSince?: string;
  /** Why this ruling reaches the page's domain only in part (its severity is capped there). */
  domainNote?: string;
}

/** A ruling that names the vendor but, by its own terms, does not reach this domain. */
interface ExcludedOnDomain {
  ruling: Ruling;
  vendorRuling: VendorRuling;
  note: string;
}

interface VendorSeverity {
  severity: Severity;
  headline: { ruling: Ruling; vendorRuling: VendorRuling };
  rulings: RankedRuling[];
  excludedOnDomain: ExcludedOnDomain[];
}

/**
 * The rulings that concern `vendor` for `audience` on `date`, most relevant first (severity, then
 * a vendor-specific listing, then the most recent date in force), or null when
 * none applies. A vendor ruling whose `since` lies after `date` does not apply yet. When
 * `enabledAuthorities` is given, rulings from other authorities are ignored. `domain` is the
 * listed vendor domain the page matched; without it the vendor's main (first) domain is used, so
 * domain-limited events (the TikTok divestiture) and domain scopes (Kaspersky's research blog)
 * are applied consistently.
 */
export function vendorSeverity(
  vendor: Vendor,
  dataset: { readonly rulings: readonly Ruling[] },
  audience: Audience,
  date: string,
  enabledAuthorities?: Iterable<Authority>,
  domain?: string,
): VendorSeverity | null {
  const enabled = enabledAuthorities ? new Set(enabledAuthorities) : undefined;
  const byId = new Map(dataset.rulings.map((r) => [r.id, r]));
  const host = primaryDomain(vendor, domain);
  const scopes = (host && domainEntryFor(vendor, host)?.scope) || [];
  const ranked: RankedRuling[] = [];
  const excludedOnDomain: ExcludedOnDomain[] = [];
  for (const vendorRuling of vendor.rulings) {
    const ruling = byId.get(vendorRuling.ruling);
    if (!ruling) continue;
    if (enabled && !enabled.has(ruling.authority)) continue;
    if (vendorRuling.since && vendorRuling.since > date) continue;
    const ctx: StatusContext = host ? { vendorRuling, domain: host } : { vendorRuling };
    let severity = severityFor(ruling, audience, date, ctx);
    if (!severity) continue;
    const scope = scopes.find((s) => s.ruling === ruling.id);
    if (scope?.maxSeverity === 'none') {
      excludedOnDomain.push({ ruling, vendorRuling, note: scope.note });
      continue;
    }
    if (scope) severity = capped(severity, scope.maxSeverity);
    const latestPhase = statusOn(ruling, date, ctx).inForce.at(-1)?.date;
    const candidates = [latestPhase, vendorRuling.since].filter((d): d is string => Boolean(d));
    const entry: RankedRuling = { ruling, vendorRuling, severity };
    if (candidates.length) entry.effectiveSince = candidates.sort().at(-1) as string;
    if (scope) entry.domainNote = scope.note;
    ranked.push(entry);
  }
  if (!ranked.length) return null;
  ranked.sort((a, b) => {
    const bySeverity = compareSeverity(b.severity, a.severity);
    if (bySeverity) return bySeverity;
    // A listing that names this vendor on its own date (e.g. its FCC Covered List entry) says
    // more about it than a general instrument that applies through that listing.
    const byListing = Number(Boolean(b.vendorRuling.since)) - Number(Boolean(a.vendorRuling.since));
    if (byListing) return byListing;
    const da = a.effectiveSince ?? '';
    const db = b.effectiveSince ?? '';
    return da < db ? 1 : da > db ? -1 : 0;
  });
  const top = ranked[0] as RankedRuling;
  return { severity: top.severity, headline: { ruling: top.ruling, vendorRuling: top.vendorRuling }, rulings: ranked, excludedOnDomain };
}

/**
 * A short stable hash of a vendor entry and the rulings it references. It changes whenever any of
 * that data changes, so "snooze until the data changes" can compare signatures.
 */
export function vendorSignature(vendor: Vendor, rulings: readonly Ruling[]): string {
  const ids = new Set(vendor.rulings.map((r) => r.ruling));
  const referenced = rulings.filter((r) => ids.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return fingerprint({ vendor, rulings: referenced });
}
