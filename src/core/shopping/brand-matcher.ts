// "Is this product's brand field one of the restricted vendors' brands?" Pure: no browser API.
//
// What is matched: structured brand fields only (JSON-LD Product.brand / manufacturer, product
// meta tags, a marketplace's own byline such as Amazon's "Visit the Hikvision Store"). Never a
// page's free text: "Hikvision-compatible wall mount" in a title by another brand must not warn.
//
// How: the field must *be* a name, after normalisation, so the matcher is a Map from every
// normalised vendor name, legal name and alias to its entity, plus a handful of anchored
// marketplace forms ("visit the X store", "brand: X", "X store", "by X") that are stripped
// before the same exact lookup. Why not Aho–Corasick or one RegExp alternation:
//  - correctness: a multi-pattern *search* finds names inside text and then needs word-boundary
//    and "is it the whole field?" checks; an exact lookup answers the question actually asked
//    ("is the field this brand?") and cannot match "Hikvision-compatible" or "HikvisionPro";
//  - speed: a field is a few dozen characters; normalising it and one hash lookup per form costs
//    O(field length), independent of how many names are listed (2,000 or 40,000), with nothing to
//    compile per page. bench/brands.bench.ts measures it against a RegExp alternation baseline.
// Overlapping names ("DJI" and "DJI Mavic", "Kaspersky" and "Kaspersky Lab") are simply separate
// keys; a name listed by two entities is resolved like match.ts resolves a shared domain: an
// organisation's vendor beats a not-restricted entry, which beats a reported link, which beats a
// bundled vendor (we err towards not accusing a brand).
import type { NotRestricted, ReportedLink, Vendor } from '../dataset/schema';
import type { Origin } from '../match';

export type BrandEntity =
  | { kind: 'vendor'; id: string; name: string; origin: Origin }
  | { kind: 'not-restricted'; id: string; name: string }
  | { kind: 'reported-link'; id: string; name: string; vendorId: string };

export interface BrandHit {
  entity: BrandEntity;
  /** The listed name or alias the field equals, as spelled in the data (e.g. "EZVIZ"). */
  name: string;
  /** The field as found on the page, trimmed (e.g. "Visit the EZVIZ Store"). */
  field: string;
  /** 'exact': the whole field is the name; otherwise the marketplace form that was stripped. */
  form: 'exact' | 'visit-store' | 'brand-label' | 'store' | 'by';
}

/** What the index reads of each entry: its names (the service worker carries just these, core/dataset/split.ts). */
type Named = Pick<Vendor, 'id' | 'name' | 'legalNames' | 'aliases'>;

interface BrandSources {
  vendors: readonly Named[];
  notRestricted?: readonly Pick<NotRestricted, 'id' | 'name' | 'aliases'>[];
  reportedLinks?: readonly Pick<ReportedLink, 'id' | 'name' | 'aliases' | 'vendor'>[];
  organisationVendors?: readonly Named[];
}

interface Entry {
  entity: BrandEntity;
  name: string;
  rank: number;
}

export interface BrandIndex {
  readonly names: ReadonlyMap<string, Entry>;
}

/** Longest field considered: brand fields are short; anything longer is prose, not a brand. */
export const MAX_FIELD = 120;

const MARKS = /[\u2122\u2120\u00AE\u00A9]/g; // ™ ℠ ® © (before NFKC, which would spell ™ as "TM")
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g; // soft hyphen, zero-width chars
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const EDGE_PUNCT = /^[\s"'“”«».,;:!?()[\]{}|*·•–-]+|[\s"'“”«».,;:!?()[\]{}|*·•–-]+$/g;

/**
 * Canonical form of a brand string: trademark signs and invisible characters dropped, Unicode
 * compatibility forms folded (full-width letters, ligatures, NBSP), dashes and apostrophes unified,
 * lowercase, whitespace collapsed, surrounding punctuation trimmed. "HIKVISION®", "Hikvision™"
 * and "  hikvision " all give "hikvision"; "Hik‑Connect" (non-breaking hyphen) gives "hik-connect".
 */
export function normaliseBrand(text: string): string {
  return text
    .replace(MARKS, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(QUOTES, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCT, '');
}

const RANK = { organisation: 0, 'not-restricted': 1, 'reported-link': 2, bundled: 3 } as const;

/** Builds the name index (microseconds for the bundled data; linear in the number of names). */
export function buildBrandIndex(sources: BrandSources): BrandIndex {
  const names = new Map<string, Entry>();
  const add = (raw: string, entity: BrandEntity, rank: number) => {
    const key = normaliseBrand(raw);
    if (!key) return;
    const existing = names.get(key);
    if (!existing || rank < existing.rank) names.set(key, { entity, name: raw.trim(), rank });
  };
  const addVendors = (vendors: readonly Named[], origin: Origin) => {
    for (const v of vendors) {
      const entity: BrandEntity = { kind: 'vendor', id: v.id, name: v.name, origin };
      // "ByteDance / TikTok": each side of a combined display name is a name of its own.
      for (const n of [v.name, ...v.name.split(' / '), ...v.legalNames, ...v.aliases]) add(n, entity, RANK[origin]);
    }
  };
  addVendors(sources.organisationVendors ?? [], 'organisation');
  addVendors(sources.vendors, 'bundled');
  for (const n of sources.notRestricted ?? []) {
    const entity: BrandEntity = { kind: 'not-restricted', id: n.id, name: n.name };
    for (const name of [n.name, ...n.aliases]) add(name, entity, RANK['not-restricted']);
  }
  for (const r of sources.reportedLinks ?? []) {
    const entity: BrandEntity = { kind: 'reported-link', id: r.id, name: r.name, vendorId: r.vendor };
    for (const name of [r.name, ...r.name.split(' / '), ...r.aliases]) add(name, entity, RANK['reported-link']);
  }
  return { names };
}

// Marketplace spellings of "this is brand X", anchored at both ends so the remainder must be the
// whole name: Amazon "Visit the Hikvision Store" / "Brand: Hikvision", eBay "Brand: DJI",
// store links "Hikvision Store", Walmart / older Amazon "by Hikvision". Applied to the normalised
// field, in this order; the first whose remainder is a listed name wins.
const FORMS: readonly [BrandHit['form'], RegExp][] = [
  ['visit-store', /^visit the (.+?) store$/],
  ['brand-label', /^brand ?: ?(.+)$/],
  ['store', /^(.+?) (?:official )?store$/],
  ['by', /^by (.+)$/],
];

/** The entity a brand field names, or null. The field must equal a name (or a form of one). */
export function matchBrandField(field: string, index: BrandIndex): BrandHit | null {
  if (field.length > MAX_FIELD * 2) return null;
  const key = normaliseBrand(field);
  if (!key || key.length > MAX_FIELD) return null;
  const trimmed = field.trim();
  const exact = index.names.get(key);
  if (exact) return { entity: exact.entity, name: exact.name, field: trimmed, form: 'exact' };
  for (const [form, re] of FORMS) {
    const m = re.exec(key);
    const hit = m?.[1] === undefined ? undefined : index.names.get(m[1].replace(EDGE_PUNCT, ''));
    if (hit) return { entity: hit.entity, name: hit.name, field: trimmed, form };
  }
  return null;
}

/** Same entity? (vendor ids are only unique per kind.) */
export const sameEntity = (a: BrandEntity, b: BrandEntity): boolean => a.kind === b.kind && a.id === b.id;
