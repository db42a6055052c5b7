// Reads a product page's *structured* brand fields: JSON-LD Product.brand / manufacturer, product
// meta tags and microdata. No extension API: the content script calls these on `document`, the
// unit tests on happy-dom documents. Nothing here reads free text (titles, descriptions).
import { MAX_FIELD, matchBrandField, sameEntity, type BrandHit, type BrandIndex } from './brand-matcher';

export type BrandSource = 'json-ld' | 'meta' | 'microdata' | 'byline';

export interface BrandCandidate {
  /** The field's text, e.g. "Hikvision" or "Visit the Hikvision Store". */
  value: string;
  source: BrandSource;
  /** Which field, for the "why" line and tests: "Product.brand", "product:brand", "#bylineInfo". */
  field: string;
}

const MAX_CANDIDATES = 20;
const MAX_JSONLD_BYTES = 512 * 1024; // per script element; product data is a few KB
const PRODUCT_TYPES = new Set(['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel']);

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A brand value as JSON-LD spells it: "DJI", {"@type":"Brand","name":"DJI"}, or a list of those. */
function names(value: unknown, depth = 0): string[] {
  if (depth > 2 || value == null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.slice(0, 5).flatMap((v) => names(v, depth + 1));
  if (typeof value === 'object') {
    const name = (value as Record<string, unknown>).name;
    if (typeof name === 'string') return [name];
    if (Array.isArray(name)) return names(name, depth + 1);
  }
  return [];
}

const isProduct = (node: Record<string, unknown>): boolean => {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && PRODUCT_TYPES.has(t.replace(/^https?:\/\/schema\.org\//, '')));
};

/**
 * Product nodes of one JSON-LD document: the top level, a top-level array and `@graph`, never
 * products nested in an ItemList or an offer (those are listings, not this page's product).
 */
export function productsInJsonLd(json: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 2 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node.slice(0, 50)) visit(n, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (isProduct(record)) out.push(record);
    if (Array.isArray(record['@graph'])) visit(record['@graph'], depth + 1);
  };
  visit(json, 0);
  return out;
}

/** Brand and manufacturer values from the page's JSON-LD product data. */
export function jsonLdCandidates(doc: ParentNode): BrandCandidate[] {
  const brands: BrandCandidate[] = [];
  const makers: BrandCandidate[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSONLD_BYTES) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue; // a site's broken JSON-LD is its own business
    }
    for (const product of productsInJsonLd(json)) {
      for (const n of names(product.brand)) brands.push({ value: clean(n), source: 'json-ld', field: 'Product.brand' });
      for (const n of names(product.manufacturer)) makers.push({ value: clean(n), source: 'json-ld', field: 'Product.manufacturer' });
    }
  }
  return [...brands, ...makers];
}

const META = ['product:brand', 'og:brand', 'brand'];

/** Open Graph / product meta tags and schema.org microdata (itemprop="brand"). */
export function metaCandidates(doc: ParentNode): BrandCandidate[] {
  const out: BrandCandidate[] = [];
  for (const name of META) {
    for (const m of doc.querySelectorAll(`meta[property="${name}"], meta[name="${name}"]`)) {
      const content = m.getAttribute('content');
      if (content) out.push({ value: clean(content), source: 'meta', field: name });
    }
  }
  // Microdata: on a product page there is one brand; many (a listing's tiles) are not this page's.
  const items = doc.querySelectorAll('[itemprop~="brand"]');
  if (items.length > 0 && items.length <= 2) {
    for (const el of items) {
      const value = el.getAttribute('content') ?? el.querySelector('[itemprop~="name"]')?.textContent ?? el.textContent ?? '';
      if (clean(value)) out.push({ value: clean(value), source: 'microdata', field: 'itemprop=brand' });
    }
  }
  return out;
}

/** Deduplicated, length-capped candidates (the order is the order of trust). */
export function tidy(candidates: BrandCandidate[]): BrandCandidate[] {
  const seen = new Set<string>();
  const out: BrandCandidate[] = [];
  for (const c of candidates) {
    const value = c.value.slice(0, MAX_FIELD * 2);
    const key = `${c.source}\u0000${c.field}\u0000${value}`;
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push({ ...c, value });
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

interface BrandVerdict {
  hit: BrandHit;
  candidate: BrandCandidate;
}

/**
 * The page's brand verdict from its candidates, or null. Precision first: every field that names
 * a listed entity must name the same one; a not-restricted brand among them (Lorex, TP-Link …)
 * or two different entities means no notice. Fields naming nothing listed (an unknown
 * manufacturer's legal name, say) neither help nor hurt.
 */
export function decideBrand(candidates: readonly BrandCandidate[], index: BrandIndex): BrandVerdict | null {
  let first: BrandVerdict | null = null;
  for (const candidate of candidates) {
    const hit = matchBrandField(candidate.value, index);
    if (!hit) continue;
    if (hit.entity.kind === 'not-restricted') return null;
    if (!first) first = { hit, candidate };
    else if (!sameEntity(first.hit.entity, hit.entity)) return null;
  }
  return first;
}
