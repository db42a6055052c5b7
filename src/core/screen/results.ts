// The results table's model: one result class per row, filters, sorting, counts, and the
// pipeline check behind the CLI's --fail-at. Pure, and cheap enough for 10,000 rows per keystroke.
import { atLeast, CONFIDENCES, type Confidence } from '../confidence';
import type { Authority } from '../dataset/schema';
import { compareSeverity, SEVERITIES, type Severity } from '../dataset/severity';
import { normalise } from '../words';
import type { RowResult } from './screen';

/** What a row comes to, most serious first. */
export const RESULT_CLASSES = [...SEVERITIES, 'nothing-in-force', 'reported-link', 'not-restricted', 'none'] as const;
export type ResultClass = (typeof RESULT_CLASSES)[number];

export function resultClass(r: RowResult): ResultClass {
  const v = r.match?.verdict;
  if (!v) return 'none';
  if (v.kind !== 'vendor') return v.kind;
  return v.severity ?? 'nothing-in-force';
}

export interface RowFilter {
  show: 'all' | 'matched' | 'unmatched';
  result: ResultClass | 'any';
  authority: Authority | 'any';
  /** Matches below this are hidden ('low' hides none). */
  minConfidence: Confidence;
}

export const NO_FILTER: RowFilter = { show: 'all', result: 'any', authority: 'any', minConfidence: 'low' };

// Per verdict, not per row: a 10,000-row list names a few dozen entries.
const authorities = new WeakMap<object, Authority[]>();
export function authoritiesOf(r: RowResult): Authority[] {
  const v = r.match?.verdict;
  if (v?.kind !== 'vendor') return [];
  let a = authorities.get(v);
  if (!a) authorities.set(v, (a = [...new Set(v.rulings.map((x) => x.authority))]));
  return a;
}

function keep(r: RowResult, f: RowFilter): boolean {
  if (f.show === 'matched' && !r.match) return false;
  if (f.show === 'unmatched' && r.match) return false;
  if (f.result !== 'any' && resultClass(r) !== f.result) return false;
  if (f.authority !== 'any' && !authoritiesOf(r).includes(f.authority)) return false;
  if (r.match && !atLeast(r.match.grade.confidence, f.minConfidence)) return false;
  return true;
}

const keepsAll = (f: RowFilter) => f.show === 'all' && f.result === 'any' && f.authority === 'any' && f.minConfidence === 'low';

export const filterRows = (rows: readonly RowResult[], f: RowFilter) => (keepsAll(f) ? [...rows] : rows.filter((r) => keep(r, f)));

const SORT_KEYS = ['row', 'input', 'result', 'entry', 'confidence'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const confidenceRank = (r: RowResult) => (r.match ? CONFIDENCES.indexOf(r.match.grade.confidence) : CONFIDENCES.length);

// Text sort keys, worked out once per row: comparing them is a plain string comparison, which
// keeps a 10,000-row sort within a frame (Intl.Collator.compare is many times slower).
const textKeys = new WeakMap<RowResult, { input: string; entry: string }>();
// ASCII text (most of it) needs no Unicode normalisation, which is the slow part.
const keyText = (s: string) => (/[^\x00-\x7f]/.test(s) ? normalise(s) : s.toLowerCase()).trim();
function textKey(r: RowResult, key: 'input' | 'entry'): string {
  let k = textKeys.get(r);
  if (!k) textKeys.set(r, (k = { input: keyText(r.cells.find(Boolean) ?? ''), entry: keyText(r.match?.verdict.name ?? '') }));
  return k[key];
}

/** Works out a row's text sort keys ahead of the first sort by text (the page does it as rows arrive). */
export const prepareSortKeys = (r: RowResult): void => void textKey(r, 'input');

/**
 * Rows sorted by `key` (ascending: row number, A–Z, most serious first, surest first); ties keep
 * row order. Each row's key is looked up once, before sorting, not in every comparison.
 */
export function sortRows(rows: readonly RowResult[], key: SortKey, descending = false): RowResult[] {
  const sign = descending ? -1 : 1;
  if (key === 'row') return descending ? [...rows].reverse() : [...rows];
  const order = rows.map((_, i) => i);
  if (key === 'input' || key === 'entry') {
    const texts = rows.map((r) => textKey(r, key));
    // Empty text last either way.
    order.sort((a, b) => {
      const ta = texts[a]!;
      const tb = texts[b]!;
      if (!ta !== !tb) return ta ? -1 : 1;
      return (ta < tb ? -sign : ta > tb ? sign : 0) || rows[a]!.row - rows[b]!.row;
    });
  } else {
    const ranks = rows.map((r) => (key === 'result' ? RESULT_CLASSES.indexOf(resultClass(r)) : confidenceRank(r)));
    order.sort((a, b) => sign * (ranks[a]! - ranks[b]!) || rows[a]!.row - rows[b]!.row);
  }
  return order.map((i) => rows[i]!);
}

type Counts = Record<ResultClass, number> & { total: number; matched: number; low: number };

export function countRows(rows: readonly RowResult[]): Counts {
  const counts = Object.fromEntries(RESULT_CLASSES.map((c) => [c, 0])) as Counts;
  counts.total = rows.length;
  counts.matched = 0;
  counts.low = 0;
  for (const r of rows) {
    counts[resultClass(r)]++;
    if (r.match) counts.matched++;
    if (r.match?.grade.confidence === 'low') counts.low++;
  }
  return counts;
}

/**
 * The rows that fail a pipeline set to fail at `severity`: a restricted vendor at that severity
 * or above. Low-confidence matches (a typo'd or partial name) count only with `includeLow`.
 */
export function failingRows(rows: readonly RowResult[], severity: Severity, includeLow = false): RowResult[] {
  return rows.filter((r) => {
    const v = r.match?.verdict;
    if (v?.kind !== 'vendor' || !v.severity || compareSeverity(v.severity, severity) < 0) return false;
    return includeLow || r.match!.grade.confidence !== 'low';
  });
}
