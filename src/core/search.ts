// The lookup behind the popup's search field: "is vendor X restricted?" for any name a person
// might type: vendor and legal names, brand and product names ("EZVIZ", "Kaspersky Premium",
// "Mavic"), domains and pasted URLs, with typos ("hikvison") and half-typed words ("hikv").
//
// Names that are *not* restricted (Honor, TP-Link …) and reported-but-unestablished links
// (Anzu, SkyRover …) are indexed too, so such a query gets an honest answer with its reason
// instead of an empty list.
//
// A domain or URL query is answered by the same matcher as a visited page (matchVendor), so the
// lookup can never disagree with the banner. Only when the domain is not listed does it fall back
// to a name search on the domain's labels ("hikvision.de" → Hikvision, flagged as a name match).
//
// Why MiniSearch: it gives prefix and edit-distance (fuzzy) search over a radix tree plus BM25
// ranking in ~20 KB minified (~7 KB gzip) with no dependencies, well under the size of the data
// it indexes. A hand-written scan with Levenshtein over ~400 names would be smaller but slower
// at 10× the data and would need its own ranking; Fuse.js-style bitap scoring is larger and
// scales linearly with the number of names. Each name is its own small document, so the result
// can say *which* name matched ("EZVIZ, a Hikvision brand").
//
// Pure: no browser API. Runs in the popup, the details page, Node tests and the bench.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Dataset, NotRestricted, ReportedLink, Vendor } from './dataset/schema';
import { parseLookupInput } from './host';
import { buildMatchIndex, matchVendor, type MatchIndex, type Origin } from './match';
import { gradedName, gradeNames, type Grade, type GradedName, type NameField } from './confidence';
import { nameWords, STOP, words } from './words';

/** Which kind of name a result was found by. */
type MatchedField = NameField | 'url';

interface Matched {
  field: MatchedField;
  /** The indexed name or domain (for url: the host looked up). */
  text: string;
  /** For domain and url matches: the listed domain that decided. */
  domain?: string;
}

/** `grade`: how sure the match is (./confidence.ts); null when only a prefix or common words are shared. */
export type SearchHit = (
  | { kind: 'vendor'; id: string; name: string; origin: Origin }
  | { kind: 'not-restricted'; id: string; name: string }
  | { kind: 'reported-link'; id: string; name: string; vendorId: string }
) & { matched: Matched; score: number; grade: Grade | null };

export interface SearchAnswer {
  query: string;
  /** The host, when the query was a domain or URL. */
  host: string | null;
  /** For a domain/URL query: whether the matcher knows the domain (else hits are name matches). */
  domainListed: boolean;
  hits: SearchHit[];
}

interface SearchSources {
  dataset: Pick<Dataset, 'vendors' | 'notRestricted' | 'reportedLinks'>;
  /** An organisation's own vendors; one with a bundled vendor's id replaces it. */
  organisationVendors?: readonly Vendor[];
  /** A match index already built from the same sources (the popup has one for the current tab). */
  matchIndex?: MatchIndex;
}

type Entity =
  | { kind: 'vendor'; item: Vendor; origin: Origin }
  | { kind: 'not-restricted'; item: NotRestricted }
  | { kind: 'reported-link'; item: ReportedLink };

interface Doc {
  id: number;
  text: string;
}

interface DocInfo {
  entity: number;
  field: Exclude<MatchedField, 'url'>;
  display: string;
  /** Normalised text, for the exact / starts-with bonus. */
  norm: string;
}

export interface SearchIndex {
  readonly mini: MiniSearch<Doc>;
  readonly docs: readonly DocInfo[];
  readonly entities: readonly Entity[];
  readonly matchIndex: MatchIndex;
  /** Entity position by kind and id, to turn a domain match into a hit. */
  readonly byKey: ReadonlyMap<string, number>;
  /** Each entity's names and domains, split into words for grading. */
  readonly names: readonly (readonly GradedName[])[];
}

// A vendor's own name is the strongest signal, then its brands, then legal names and domains.
const FIELD_WEIGHT: Record<DocInfo['field'], number> = { name: 1.6, alias: 1.3, 'legal-name': 1.0, domain: 1.1 };

/** Index side: the words, plus the words run together ("Hik-Connect" is also "hikconnect"). */
function tokenizeIndex(text: string): string[] {
  const w = words(text);
  return w.length > 1 ? [...w, w.join('')] : w;
}

const processTerm = (term: string): string | null => (STOP.has(term) ? null : term);

/** One or two typos allowed, by word length; none for very short words ("dji", "zte"). */
const fuzziness = (term: string): number | false => (term.length <= 3 ? false : term.length === 4 ? 1 : 2);

/** The labels of a domain that carry its name: "kaspersky-labs.com" → "kaspersky-labs". */
function domainLabels(domain: string): string {
  const labels = domain.split('.');
  labels.pop(); // the top-level label is never a name
  return labels.filter((l) => !STOP.has(l)).join(' ');
}

/** Restricted vendors' weight against not-restricted entries and reported links. */
const KIND_WEIGHT = 1.3;

/** Hits scoring under this fraction of the best one are dropped. */
const RELATIVE_FLOOR = 0.2;

const keyOf = (kind: Entity['kind'], id: string) => `${kind}:${id}`;

export function buildSearchIndex(sources: SearchSources): SearchIndex {
  const { dataset } = sources;
  const org = sources.organisationVendors ?? [];
  const orgIds = new Set(org.map((v) => v.id));
  const entities: Entity[] = [
    ...org.map((item): Entity => ({ kind: 'vendor', item, origin: 'organisation' })),
    ...dataset.vendors.filter((v) => !orgIds.has(v.id)).map((item): Entity => ({ kind: 'vendor', item, origin: 'bundled' })),
    ...dataset.notRestricted.map((item): Entity => ({ kind: 'not-restricted', item })),
    ...dataset.reportedLinks.map((item): Entity => ({ kind: 'reported-link', item })),
  ];

  const docs: DocInfo[] = [];
  const texts: Doc[] = [];
  const byKey = new Map<string, number>();
  const names: GradedName[][] = entities.map(() => []);
  const add = (entity: number, field: DocInfo['field'], display: string, text = display) => {
    if (!text.trim()) return;
    texts.push({ id: docs.length, text });
    docs.push({ entity, field, display, norm: words(display).join(' ') });
    names[entity]!.push(gradedName(text, field, display));
  };
  entities.forEach((e, i) => {
    byKey.set(keyOf(e.kind, e.item.id), i);
    add(i, 'name', e.item.name);
    for (const alias of e.item.aliases) add(i, 'alias', alias);
    if (e.kind === 'vendor') {
      for (const legal of e.item.legalNames) add(i, 'legal-name', legal);
      for (const d of e.item.domains) add(i, 'domain', d.domain, domainLabels(d.domain));
    } else {
      for (const d of e.item.domains) add(i, 'domain', d, domainLabels(d));
    }
  });

  const mini = new MiniSearch<Doc>({
    fields: ['text'],
    storeFields: [],
    tokenize: tokenizeIndex,
    processTerm,
    searchOptions: { tokenize: words, processTerm, prefix: true, fuzzy: fuzziness, maxFuzzy: 2 },
  });
  mini.addAll(texts);

  const matchIndex =
    sources.matchIndex ??
    buildMatchIndex({
      vendors: dataset.vendors,
      notRestricted: dataset.notRestricted,
      reportedLinks: dataset.reportedLinks,
      organisationVendors: org,
    });
  return { mini, docs, entities, matchIndex, byKey, names };
}

function hitFor(entity: Entity, matched: Matched, score: number, grade: Grade | null): SearchHit {
  const common = { id: entity.item.id, name: entity.item.name, matched, score, grade };
  switch (entity.kind) {
    case 'vendor':
      return { kind: 'vendor', ...common, origin: entity.origin };
    case 'not-restricted':
      return { kind: 'not-restricted', ...common };
    case 'reported-link':
      return { kind: 'reported-link', ...common, vendorId: entity.item.vendor };
  }
}

function textSearch(index: SearchIndex, text: string, limit: number): SearchHit[] {
  const terms = words(text).filter((w) => !STOP.has(w));
  if (terms.length === 0) return [];
  const joined = terms.join(' ');
  // All words must match (each may be a prefix or have a typo); the words run together may
  // match a compound name ("tp link" → "TP-Link", "hik connect" → "Hik-Connect").
  const queries: (string | { queries: string[]; combineWith: 'AND' })[] = [{ queries: [joined], combineWith: 'AND' }];
  if (terms.length > 1) queries.push(terms.join(''));
  let results: SearchResult[] = index.mini.search({ queries, combineWith: 'OR' });
  if (results.length === 0 && terms.length > 1) results = index.mini.search(joined, { combineWith: 'OR' });

  // Per entity: the best score ranks it; the name the query spells out or starts (covering most
  // of it) is the one shown, so "hon" shows "Honor" rather than "HONOR Magic".
  const best = new Map<number, { doc: DocInfo; score: number; closeness: number }>();
  for (const r of results) {
    const doc = index.docs[r.id as number]!;
    const closeness = doc.norm === joined ? 3 : doc.norm.startsWith(joined) ? 1 + joined.length / doc.norm.length : 0;
    // A name the query spells out, or starts, outranks one that merely contains a similar word;
    // between otherwise equal prefix matches the restricted vendor comes first (it is what the
    // lookup is for; "kas" is more likely Kaspersky than TP-Link's Kasa brand).
    const kind = index.entities[doc.entity]!.kind === 'vendor' ? KIND_WEIGHT : 1;
    const score = r.score * FIELD_WEIGHT[doc.field] * kind * (closeness === 3 ? 4 : closeness > 0 ? 1 + closeness / 2 : 1);
    const prev = best.get(doc.entity);
    if (!prev) best.set(doc.entity, { doc, score, closeness });
    else {
      if (closeness > prev.closeness || (closeness === prev.closeness && score > prev.score)) {
        prev.doc = doc;
        prev.closeness = closeness;
      }
      prev.score = Math.max(prev.score, score);
    }
  }
  const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
  // Far weaker hits next to a strong one are typo noise ("mavic" ~ "magic"): leave them out.
  const floor = (ranked[0]?.[1].score ?? 0) * RELATIVE_FLOOR;
  const query = nameWords(text);
  return ranked
    .filter(([, { score }]) => score >= floor)
    .slice(0, limit)
    .map(([entity, { doc, score }]) => hitFor(index.entities[entity]!, { field: doc.field, text: doc.display }, score, gradeNames(query, index.names[entity]!)));
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Answer a lookup query. An empty query gives no hits. */
export function search(index: SearchIndex, query: string, limit = 8): SearchAnswer {
  const q = query.trim();
  if (q === '') return { query, host: null, domainListed: false, hits: [] };
  const host = parseLookupInput(q);
  if (host !== null) {
    const match = matchVendor(host, index.matchIndex);
    if (match) {
      const key = match.kind === 'vendor' ? keyOf('vendor', match.vendorId) : keyOf(match.kind, match.id);
      const entity = index.byKey.get(key);
      if (entity !== undefined) {
        const field: MatchedField = HAS_SCHEME.test(q) || q.includes('/') ? 'url' : 'domain';
        const hit = hitFor(index.entities[entity]!, { field, text: host, domain: match.domain }, Infinity, { confidence: 'high', basis: 'domain', name: match.domain, field: 'domain' });
        return { query, host, domainListed: true, hits: [hit] };
      }
    }
    // Not a listed domain: vendors whose names appear in it, flagged by domainListed = false. A
    // name in someone else's domain is a lead, never certain ("hikvision-parts.example").
    const hits = textSearch(index, domainLabels(host), limit).map((h) =>
      h.grade?.confidence === 'high' ? { ...h, grade: { ...h.grade, confidence: 'medium' as const } } : h,
    );
    return { query, host, domainListed: false, hits };
  }
  return { query, host: null, domainListed: false, hits: textSearch(index, q, limit) };
}
