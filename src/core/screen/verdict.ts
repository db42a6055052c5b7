// The one place supplier screening asks "what does this entry mean for this reader?": severity,
// the rulings with citations and dates, and the "for you" line, as the popup answers them (every
// authority counted, for the chosen audience). Everything else in core/screen goes through
// `verdictFor`, which asks the one verdict function (core/verdict.ts).
import type { Authority, Dataset, Ruling, Vendor } from '../dataset/schema';
import type { Audience, Severity } from '../dataset/severity';
import { buildCatalog, type Catalog } from '../catalog';
import { defaults } from '../settings';
import { verdict } from '../verdict';

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

// One catalog per data object: screening 10,000 rows asks for a few dozen entries many times.
const catalogs = new WeakMap<VerdictData, Catalog>();

function catalogOf(data: VerdictData): Catalog {
  let catalog = catalogs.get(data);
  if (!catalog) catalogs.set(data, (catalog = buildCatalog(data.dataset, { vendors: data.orgVendors ?? [], rulings: data.orgRulings ?? [] })));
  return catalog;
}

/** The verdict for one entry, or null when the id is unknown. */
export function verdictFor(ref: EntryRef, data: VerdictData, audience: Audience, today: string): Verdict | null {
  const catalog = catalogOf(data);
  const v = verdict({ catalog, settings: { ...defaults, audience }, today }, { id: ref.id });
  if (v.kind === 'none' || v.kind !== ref.kind) return null;
  if (v.kind === 'not-restricted') return { kind: 'not-restricted', id: v.item.id, name: v.item.name, reason: v.item.reason, sources: v.item.sources };
  if (v.kind === 'reported-link') {
    const linked = catalog.entry(v.item.vendor);
    const vendorName = linked?.kind === 'vendor' ? linked.vendor.name : v.item.vendor;
    return { kind: 'reported-link', id: v.item.id, name: v.item.name, vendorId: v.item.vendor, vendorName, relationship: v.item.relationship, sources: v.item.sources };
  }
  // What the popup explains: every authority counted, whatever the reader switched off.
  const view = v.explained;
  return {
    kind: 'vendor',
    id: v.vendor.id,
    name: v.vendor.name,
    origin: v.origin,
    severity: view?.severity ?? null,
    rulings: (view?.rulings ?? []).map((r) => ({
      id: r.id,
      shortName: r.shortName,
      agency: r.agency,
      authority: catalog.ruling(r.id)!.authority,
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
