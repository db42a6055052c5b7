// How sure a name match is, in words a person can check: the lookup finds "Dahua" for "Dahlia"
// (two letters apart) and "TP-Link" for "Archer Daniels Midland" (TP-Link sells Archer routers).
// In the popup, where a person is typing, showing such near names is helpful; on a supplier list
// they must not read as findings. Each hit is graded by comparing the words of the query with the
// words of the entry's names:
//
//   high    the query is one of the entry's names, give or take legal forms and common words
//           ("Hikvision USA Inc." → Hikvision, "EZVIZ Store Europe" → EZVIZ)
//   medium  the entry's own name inside a longer name ("Huawei Marine Networks"), a shortened
//           name ("Yangtze Memory" for Yangtze Memory Technologies), or a one-letter typo of a
//           long name ("kasperski", "hikvison")
//   low     a brand word inside another name ("Archer Daniels Midland"), other typos ("Mavis",
//           "Dahlia", "Hyster"), or some of the words of a name ("Anzu Partners")
//   null    nothing but a prefix or common words in common ("Dah Sing Bank", "China Construction
//           Bank"): the popup still lists it while someone types, screening ignores it.
//
// Pure: no browser API.
import { nameWords } from './words';

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Why a hit matched, for the reader. */
type Basis = 'domain' | 'name' | 'name-in-longer-name' | 'shortened-name' | 'similar-spelling' | 'partial-name';

/** Which of an entry's names: its name, a legal name, a brand or product (alias), or a domain. */
export type NameField = 'name' | 'legal-name' | 'alias' | 'domain';

export interface Grade {
  confidence: Confidence;
  basis: Basis;
  /** The entry's name (or domain) that decided, and which kind of name it is. */
  name: string;
  field: NameField;
}

/** One of an entry's names, split into words for grading. */
export interface GradedName {
  text: string;
  field: NameField;
  words: readonly string[];
}

export const gradedName = (text: string, field: NameField, display = text): GradedName => ({ text: display, field, words: nameWords(text) });

/** Its own name or legal name, rather than a brand or a domain. */
const own = (n: GradedName) => n.field === 'name' || n.field === 'legal-name';

// Words too common in company names to tell one company from another: places, and the words of
// "Acme Digital Technology Solutions Group". A name made of them still matches in full; they
// neither make a partial match nor count as "more" in a longer name.
const COMMON = new Set(
  (
    'ai sz vision video china chinese usa us america americas american north south east west europe european eu asia asian pacific international global world ' +
    'worldwide uk britain germany deutschland france japan india canada australia hong kong hk taiwan korea singapore mexico brazil hangzhou ' +
    'zhejiang shenzhen beijing shanghai guangdong guangzhou jiangsu wuhan hefei national united new first general group holdings holding ' +
    'companies enterprises enterprise industries industry industrial technology technologies tech digital systems system solutions solution ' +
    'services service products product manufacturing semiconductor semiconductors memory electronics electronic electric electrical ' +
    'communications communication telecom telecommunications networks network wireless mobile cloud software security secure information data ' +
    'science sciences scientific research innovation innovations intelligence artificial basic device devices robotics robot labs lab ' +
    'laboratory laboratories store shop online official trading partners capital supply supplies distribution distributors parts components ' +
    'equipment engineering energy power media smart home life logistics express operations consulting management resources bank financial ' +
    'foods health healthcare medical motors auto automotive chemicals materials air mini watch chat standard plus premium total internet ' +
    'password manager safe kids small office endpoint connect magic pro connection vpn anti virus engine suite app apps web sales reseller ' +
    'dealer wholesale retail imports import export'
  ).split(' '),
);

const isCommon = (w: string) => COMMON.has(w) || /^\d+$/.test(w);

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };
const BASIS_ORDER: Basis[] = ['domain', 'name', 'name-in-longer-name', 'shortened-name', 'similar-spelling', 'partial-name'];

/** The typos the lookup tolerates in a word of this length (as its fuzzy search does). */
const allowedTypos = (w: string) => (w.length <= 3 ? 0 : w.length === 4 ? 1 : 2);
/** Grading is stricter: the shorter of the two words decides ("depot" is not "Deco"). */
const typosBetween = (a: string, b: string) => Math.min(allowedTypos(a), allowedTypos(b));

// Three rows of the edit-distance table, reused: grading runs for every hit of every row of a
// 10,000-row list, and allocating per call was most of its cost.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Edit distance counting a swap of two neighbouring letters as one typo ("hikvisoin"), or
 * max + 1 once it is certainly above max.
 */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length + 1));
  let [before, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length]!;
}

interface Found {
  /** Query word positions used by the name. */
  used: Set<number>;
  /** Edit distances of the typo'd words (empty: all exact), with the indexed word's length. */
  typos: { dist: number; length: number }[];
}

/**
 * Finds every word of the name among the query words (each query word used once), exactly or, when
 * `fuzzy`, within the typos the lookup allows. The name's words run together may also be spelt
 * by a run of query words ("Hik Vision", "hikconnect").
 */
function findName(query: readonly string[], name: readonly string[], fuzzy: boolean): Found | null {
  const joined = name.join('');
  for (let start = 0; start < query.length; start++) {
    let run = '';
    for (let end = start; end < query.length && run.length < joined.length + 2; end++) {
      run += query[end];
      const max = fuzzy ? typosBetween(run, joined) : 0;
      const dist = run === joined ? 0 : max ? distance(run, joined, max) : 1;
      if (dist <= max) {
        const used = new Set<number>();
        for (let k = start; k <= end; k++) used.add(k);
        return { used, typos: dist ? [{ dist, length: joined.length }] : [] };
      }
    }
  }
  const used = new Set<number>();
  const typos: Found['typos'] = [];
  for (const w of name) {
    let pick = -1;
    let pickDist = Infinity;
    query.forEach((q, i) => {
      if (used.has(i) || pickDist === 0) return;
      const max = fuzzy ? typosBetween(q, w) : 0;
      const d = q === w ? 0 : max ? distance(q, w, max) : 1;
      if (d <= max && d < pickDist) [pick, pickDist] = [i, d];
    });
    if (pick < 0) return null;
    used.add(pick);
    if (pickDist > 0) typos.push({ dist: pickDist, length: w.length });
  }
  return { used, typos };
}

function gradeOne(query: readonly string[], n: GradedName): Grade | null {
  const name = n.words;
  if (name.length === 0) return null;
  const extrasCommon = (used: Set<number>) => query.every((q, i) => used.has(i) || isCommon(q));
  const exact = findName(query, name, false);
  if (exact) {
    if (extrasCommon(exact.used)) return { confidence: 'high', basis: 'name', name: n.text, field: n.field };
    // More words than the name: the entry's own name, or a brand of several words, is a fair
    // lead; a one-word brand inside another company's name is not ("Archer Daniels Midland").
    return { confidence: own(n) || name.length > 1 ? 'medium' : 'low', basis: 'name-in-longer-name', name: n.text, field: n.field };
  }
  // A domain is answered by the matcher; a name merely spelt like one of its labels is no lead
  // ("Cisco" and ByteDance's cici.com).
  if (n.field === 'domain') return null;
  // The query is a shortened form of the entry's own name: distinctive words of it ("Yangtze
  // Memory"), or, when all its words are common ones, the name's first words ("China Mobile";
  // "Memory Technologies" is no shortened "Memtrix Memory Technologies").
  const short = own(n) && findName(name, query, false);
  const leading = query.every((q, i) => name[i] === q);
  if (short && (query.some((q) => !isCommon(q)) || (leading && query.length > 1)) && query.length * 2 >= name.length) {
    return { confidence: 'medium', basis: 'shortened-name', name: n.text, field: n.field };
  }
  const typo = findName(query, name, true);
  if (typo) {
    const alone = extrasCommon(typo.used);
    const slight = typo.typos.every((t) => t.dist === 1 && t.length >= 6);
    // A word spelt like a one-word name, inside another company's name, is no lead ("Mavis Tire").
    if (!alone && name.length === 1) return null;
    return { confidence: slight && alone ? 'medium' : 'low', basis: 'similar-spelling', name: n.text, field: n.field };
  }
  // Some distinctive word of the name, spelt exactly ("Anzu Partners").
  if (name.some((w) => !isCommon(w) && query.includes(w))) return { confidence: 'low', basis: 'partial-name', name: n.text, field: n.field };
  return null;
}

/** The best grade of a name query against an entry's names, or null when only common words or prefixes are shared. */
export function gradeNames(query: readonly string[], names: readonly GradedName[]): Grade | null {
  if (query.length === 0) return null;
  let best: Grade | null = null;
  let bestName: GradedName | null = null;
  for (const n of names) {
    const g = gradeOne(query, n);
    if (!g) continue;
    // Between equal grades the fuller name says more ("Hangzhou Hikvision Digital Technology" over
    // "Hikvision"), and its own name more than a brand.
    const order = compareGrades(g, best) || (bestName ? bestName.words.length - n.words.length || Number(own(bestName)) - Number(own(n)) : -1);
    if (order < 0) [best, bestName] = [g, n];
    if (best!.basis === 'name' && bestName!.words.length >= query.length && own(bestName!)) break; // the query is its own name: nothing beats it
  }
  return best;
}

/** Orders grades, best first (null last). */
export function compareGrades(a: Grade | null, b: Grade | null): number {
  const ra = a ? RANK[a.confidence] : 0;
  const rb = b ? RANK[b.confidence] : 0;
  if (ra !== rb) return rb - ra;
  if (!a || !b) return 0;
  return BASIS_ORDER.indexOf(a.basis) - BASIS_ORDER.indexOf(b.basis);
}

/** True when `c` is at least `min`. */
export const atLeast = (c: Confidence, min: Confidence) => RANK[c] >= RANK[min];
