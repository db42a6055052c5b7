// The one place supplier screening asks "what does this entry mean for this reader?": severity,
// the rulings with citations and dates, and the "for you" line, as the popup answers them (every
// authority counted, for the chosen audience). Everything else in core/screen goes through
// `verdictFor`, so moving to another verdict function changes this file only.
import type { Authority, Dataset, Ruling, Vendor } from '../dataset/schema';
import type { Audience, Severity } from '../dataset/severity';
import { defaults } from '../settings';
import { buildWarning } from '../warning';

export type Source = Ruling['sources'][number];

export interface RulingLine {
  id: string;
  shortName: string;
  agency: string;
  authority: Authority;
  citations: string[];
  /** The vendor's listing date, or the first phase in force (ISO day). */
  since: string | null;
  /** Where the ruling stands today (in-force, partly-in-force, paused …). */
  state: string;
  effect: Ruling['effect'];
  severity: Severity;
  forYou: string;
  sources: Source[];
}

export type Verdict =
  | {
      kind: 'vendor';
      id: string;
      name: string;
      origin: 'bundled' | 'organisation';
      /** Null when nothing on record is in force today. */
      severity: Severity | null;
      /** Most relevant first: rulings[0] is the headline. */
      rulings: RulingLine[];
      forYou: string | null;
    }
  | { kind: 'not-restricted'; id: string; name: string; reason: string; sources: Source[] }
  | { kind: 'reported-link'; id: string; name: string; vendorId: string; vendorName: string; relationship: string; sources: Source[] };

export interface VerdictData {
  dataset: Pick<Dataset, 'rulings' | 'vendors' | 'notRestricted' | 'reportedLinks'>;
  /** An organisation's own vendors (one with a bundled id replaces it) and rulings. */
  orgVendors?: readonly Vendor[];
  orgRulings?: readonly Ruling[];
}

export interface EntryRef {
  kind: Verdict['kind'];
  id: string;
}

const ALL_AUTHORITIES = Object.fromEntries(Object.keys(defaults.authorities).map((a) => [a, true])) as Record<Authority, boolean>;

/** The verdict for one entry, or null when the id is unknown. */
export function verdictFor(ref: EntryRef, data: VerdictData, audience: Audience, today: string): Verdict | null {
  const { dataset } = data;
  if (ref.kind === 'not-restricted') {
    const item = dataset.notRestricted.find((n) => n.id === ref.id);
    return item ? { kind: 'not-restricted', id: item.id, name: item.name, reason: item.reason, sources: item.sources } : null;
  }
  if (ref.kind === 'reported-link') {
    const item = dataset.reportedLinks.find((r) => r.id === ref.id);
    if (!item) return null;
    const vendor = data.orgVendors?.find((v) => v.id === item.vendor) ?? dataset.vendors.find((v) => v.id === item.vendor);
    return { kind: 'reported-link', id: item.id, name: item.name, vendorId: item.vendor, vendorName: vendor?.name ?? item.vendor, relationship: item.relationship, sources: item.sources };
  }
  const org = data.orgVendors?.find((v) => v.id === ref.id);
  const vendor = org ?? dataset.vendors.find((v) => v.id === ref.id);
  if (!vendor) return null;
  const origin = org ? 'organisation' : 'bundled';
  const rulings = data.orgRulings?.length ? [...dataset.rulings, ...data.orgRulings] : dataset.rulings;
  const match = { kind: 'vendor', vendorId: vendor.id, domain: '', host: '', evidence: 'sourced', origin } as const;
  const view = buildWarning({ rulings }, vendor, match, { ...defaults, audience, authorities: ALL_AUTHORITIES }, today, origin);
  const authorityOf = new Map(rulings.map((r) => [r.id, r.authority]));
  return {
    kind: 'vendor',
    id: vendor.id,
    name: vendor.name,
    origin,
    severity: view?.severity ?? null,
    rulings: (view?.rulings ?? []).map((r) => ({
      id: r.id,
      shortName: r.shortName,
      agency: r.agency,
      authority: authorityOf.get(r.id)!,
      citations: r.citations,
      since: r.since,
      state: r.state,
      effect: r.effect,
      severity: r.severity,
      forYou: r.forYou,
      sources: r.sources,
    })),
    forYou: view?.rulings[0]?.forYou ?? null,
  };
}
