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
function authoritiesOf(r: RowResult): Authority[] {
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
type TextKey = 'input' | 'entry';

const confidenceRank = (r: RowResult) => (r.match ? CONFIDENCES.indexOf(r.match.grade.confidence) : CONFIDENCES.length);
// ASCII text (most of it) needs no Unicode normalisation, which is the slow part.
const keyText = (s: string) => (/[^\x00-\x7f]/.test(s) ? normalise(s) : s.toLowerCase()).trim();
const textOf = (r: RowResult, key: TextKey) => keyText(key === 'input' ? (r.cells.find(Boolean) ?? '') : (r.match?.verdict.name ?? ''));

/** Merges two lists of positions, each in order by `keys`. (The order of ties does not matter: equal text gets equal rank.) */
function merge(a: readonly number[], b: readonly number[], keys: readonly string[]): number[] {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = keys[b[j]!]! < keys[a[i]!]! ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * Screened rows, in row order, with what sorting and the filters need worked out as each batch
 * arrives: the counts, a rank per row for result and confidence, and for each text key the rows
 * in order (each batch sorted, and merged with runs of its size as in a binary counter, so each
 * row is merged a few times, not once per batch). Sorting 10,000 rows is then a counting sort on
 * ranks, a few milliseconds, where comparing their text took tens of milliseconds in one frame.
 */
export class ResultSet {
  readonly rows: RowResult[] = [];
  readonly counts = emptyCounts();
  /** The authorities of the rulings the rows name. */
  readonly authorities = new Set<Authority>();
  private readonly position = new Map<RowResult, number>();
  private readonly text: Record<TextKey, string[]> = { input: [], entry: [] };
  /** Sorted runs of positions, oldest first. */
  private readonly runs: Record<TextKey, number[][]> = { input: [], entry: [] };
  private readonly small: Record<'result' | 'confidence', number[]> = { result: [], confidence: [] };
  private dense: Partial<Record<TextKey, { rank: Uint32Array; top: number }>> = {};

  add(batch: readonly RowResult[]): void {
    const first = this.rows.length;
    for (const r of batch) {
      this.position.set(r, this.rows.length);
      this.rows.push(r);
      count(this.counts, r);
      for (const a of authoritiesOf(r)) this.authorities.add(a);
      this.small.result.push(RESULT_CLASSES.indexOf(resultClass(r)));
      this.small.confidence.push(confidenceRank(r));
      for (const key of ['input', 'entry'] as const) this.text[key].push(textOf(r, key));
    }
    for (const key of ['input', 'entry'] as const) {
      const keys = this.text[key];
      const runs = this.runs[key];
      runs.push(batch.map((_, i) => first + i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0)));
      while (runs.length > 1 && runs.at(-2)!.length <= runs.at(-1)!.length) this.mergeLast(key);
    }
    this.dense = {};
  }

  private mergeLast(key: TextKey): void {
    const runs = this.runs[key];
    const b = runs.pop()!;
    runs.push(merge(runs.pop()!, b, this.text[key]));
  }

  /** Text ranks: 0 for empty text, then 1, 2 … in order, equal text equal rank. */
  private ranks(key: TextKey): { rank: Uint32Array; top: number } {
    let d = this.dense[key];
    if (d) return d;
    const keys = this.text[key];
    while (this.runs[key].length > 1) this.mergeLast(key);
    const rank = new Uint32Array(keys.length);
    let top = 0;
    let last = '';
    for (const p of this.runs[key][0] ?? []) {
      const k = keys[p]!;
      if (k !== '' && k !== last) top++;
      rank[p] = k === '' ? 0 : top;
      last = k;
    }
    return (this.dense[key] = d = { rank, top });
  }

  /**
   * `rows` (some of this set's rows, in row order) sorted by `key`: ascending is row number,
   * A–Z, most serious first, surest first; ties keep row order and empty text is last either way.
   */
  sort(rows: readonly RowResult[], key: SortKey, descending = false): RowResult[] {
    if (key === 'row') return descending ? [...rows].reverse() : [...rows];
    const text = key === 'input' || key === 'entry';
    let rank: ArrayLike<number>;
    let top: number;
    if (text) ({ rank, top } = this.ranks(key));
    else [rank, top] = [this.small[key], key === 'result' ? RESULT_CLASSES.length - 1 : CONFIDENCES.length];
    // A row's bucket, in output order: by rank, ascending or descending, and empty text (rank 0) after all.
    const bucket = (k: number) => (text && k === 0 ? top + 1 : descending ? top + (text ? 1 : 0) - k : k);
    const buckets = new Uint32Array(rows.length);
    const starts = new Uint32Array(top + 3);
    rows.forEach((r, i) => {
      const p = this.position.get(r);
      if (p === undefined) throw new Error(`row ${r.row} is not in this result set`);
      starts[(buckets[i] = bucket(rank[p]!)) + 1]!++;
    });
    for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
    const out = new Array<RowResult>(rows.length);
    rows.forEach((r, i) => (out[starts[buckets[i]!]!++] = r));
    return out;
  }
}

/** `rows` (in row order) sorted by `key`; see ResultSet.sort. */
export function sortRows(rows: readonly RowResult[], key: SortKey, descending = false): RowResult[] {
  const set = new ResultSet();
  set.add(rows);
  return set.sort(rows, key, descending);
}

type Counts = Record<ResultClass, number> & { total: number; matched: number; low: number };

function emptyCounts(): Counts {
  return { ...(Object.fromEntries(RESULT_CLASSES.map((c) => [c, 0])) as Record<ResultClass, number>), total: 0, matched: 0, low: 0 };
}

function count(counts: Counts, r: RowResult): void {
  counts.total++;
  counts[resultClass(r)]++;
  if (r.match) counts.matched++;
  if (r.match?.grade.confidence === 'low') counts.low++;
}

export function countRows(rows: readonly RowResult[]): Counts {
  const counts = emptyCounts();
  for (const r of rows) count(counts, r);
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
