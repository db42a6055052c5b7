// How seriously a ruling concerns a given reader. Severity depends on what the instrument does
// (an export control never reads as "you may not buy") and on whom it binds, compared with the
// groups the reader belongs to.
import type { Authority, BoundParty, Ruling, Vendor } from './schema';
import { statusOn } from './status';
import { fingerprint } from '../values';

/** Most to least serious. */
export const SEVERITIES = ['prohibited', 'restricted', 'listed', 'watch'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AUDIENCES = ['consumer', 'business', 'federal-contractor', 'everything'] as const;
export type Audience = (typeof AUDIENCES)[number];

const FEDERAL_GROUPS: readonly BoundParty[] = ['us-persons', 'federal-agencies', 'federal-contractors', 'dod-contractors', 'intelligence-community'];

/** The bound parties each audience counts itself among. */
const AUDIENCE_GROUPS: Readonly<Record<Audience, readonly BoundParty[]>> = {
  consumer: ['us-persons'],
  business: ['us-persons'],
  'federal-contractor': FEDERAL_GROUPS,
  everything: FEDERAL_GROUPS,
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

export function severityFor(ruling: Ruling, audience: Audience, date: string): Severity | null {
  const { state } = statusOn(ruling, date);
  if (state === 'lifted' || state === 'superseded') return null;
  if (state === 'paused' || state === 'proposed' || state === 'litigation-pending' || state === 'upcoming') return 'watch';
  if (LISTED_ONLY_EFFECTS.has(ruling.effect)) return 'listed';
  const groups = AUDIENCE_GROUPS[audience];
  if (ruling.binds.some((b) => groups.includes(b))) return 'prohibited';
  if (ruling.effect === 'use-ban') return audience === 'consumer' ? 'listed' : 'restricted';
  return 'restricted';
}

type VendorRuling = Vendor['rulings'][number];

interface RankedRuling {
  ruling: Ruling;
  vendorRuling: VendorRuling;
  severity: Severity;
  /** The later of the vendor's listing date and the ruling's latest phase in force, if any. */
  effectiveSince?: string;
}

interface VendorSeverity {
  severity: Severity;
  headline: { ruling: Ruling; vendorRuling: VendorRuling };
  rulings: RankedRuling[];
}

/**
 * The rulings that concern `vendor` for `audience` on `date`, most relevant first (severity, then
 * a vendor-specific listing, then the most recent date in force), or null when
 * none applies. A vendor ruling whose `since` lies after `date` does not apply yet. When
 * `enabledAuthorities` is given, rulings from other authorities are ignored.
 */
export function vendorSeverity(
  vendor: Vendor,
  dataset: { readonly rulings: readonly Ruling[] },
  audience: Audience,
  date: string,
  enabledAuthorities?: Iterable<Authority>,
): VendorSeverity | null {
  const enabled = enabledAuthorities ? new Set(enabledAuthorities) : undefined;
  const byId = new Map(dataset.rulings.map((r) => [r.id, r]));
  const ranked: RankedRuling[] = [];
  for (const vendorRuling of vendor.rulings) {
    const ruling = byId.get(vendorRuling.ruling);
    if (!ruling) continue;
    if (enabled && !enabled.has(ruling.authority)) continue;
    if (vendorRuling.since && vendorRuling.since > date) continue;
    const severity = severityFor(ruling, audience, date);
    if (!severity) continue;
    const latestPhase = statusOn(ruling, date).inForce.at(-1)?.date;
    const candidates = [latestPhase, vendorRuling.since].filter((d): d is string => Boolean(d));
    const entry: RankedRuling = { ruling, vendorRuling, severity };
    if (candidates.length) entry.effectiveSince = candidates.sort().at(-1) as string;
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
  return { severity: top.severity, headline: { ruling: top.ruling, vendorRuling: top.vendorRuling }, rulings: ranked };
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
