// Supplier screening: each row of a supplier list looked up with the popup's own lookup
// (core/search.ts: names, brands, typos, domains and URLs through the same matcher as the
// banner), graded for confidence (core/confidence.ts), and explained with the verdict the popup
// gives (verdict.ts). Pure and synchronous: the page runs it in a worker, the CLI in one loop.
import { compareGrades, type Grade } from '../confidence';
import { parseLookupInput } from '../host';
import { buildSearchIndex, search, type SearchHit, type SearchIndex } from '../search';
import { nameWords } from '../words';
import type { Audience } from '../dataset/severity';
import { verdictFor, type EntryRef, type Verdict, type VerdictData } from './verdict';
import { isBlank, MAX_ROWS, type Table } from './table';

export interface RowMatch {
  verdict: Verdict;
  grade: Grade;
  /** Which of the chosen columns matched (its position among them), and the text looked up. */
  column: number;
  query: string;
  /** For a web address: the host, and the listed domain that decided (null when not listed). */
  host: string | null;
  domain: string | null;
}

export interface RowResult {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** The chosen columns' cells. */
  cells: string[];
  match: RowMatch | null;
}

interface InputRow {
  row: number;
  cells: string[];
}

/** The rows to screen: every non-blank row after the header, numbered as in the spreadsheet. */
export function inputRows(table: Table, header: boolean): { rows: InputRow[] } | { error: { code: 'too-many-rows' } | { code: 'no-rows' } } {
  const rows: InputRow[] = [];
  let headerSkipped = !header;
  table.rows.forEach((cells, i) => {
    if (isBlank(cells)) return;
    if (!headerSkipped) headerSkipped = true;
    else rows.push({ row: i + 1, cells });
  });
  if (rows.length > MAX_ROWS) return { error: { code: 'too-many-rows' } };
  if (rows.length === 0) return { error: { code: 'no-rows' } };
  return { rows };
}

// A cell is a name or a web address; free text beyond this is not a supplier name.
const MAX_CELL = 300;
const MAX_WORDS = 12;
const KIND_ORDER: Record<Verdict['kind'], number> = { vendor: 0, 'reported-link': 1, 'not-restricted': 2 };

interface Screener {
  /** Screen one row's chosen cells. */
  row(input: InputRow, columns: readonly number[]): RowResult;
  /** The verdict for an entry (cached: a list names the same few vendors many times). */
  verdict(ref: EntryRef): Verdict | null;
}

interface ScreenerOptions {
  audience: Audience;
  /** ISO day the rulings are read on. */
  today: string;
  /** A search index built from the same data, if the caller has one. */
  index?: SearchIndex;
}

export function createScreener(data: VerdictData, { audience, today, index: given }: ScreenerOptions): Screener {
  const index = given ?? buildSearchIndex({ dataset: data.dataset, organisationVendors: data.orgVendors ?? [] });
  const verdicts = new Map<string, Verdict | null>();
  const verdict = (ref: EntryRef) => {
    const key = `${ref.kind}:${ref.id}`;
    if (!verdicts.has(key)) verdicts.set(key, verdictFor(ref, data, audience, today));
    return verdicts.get(key)!;
  };

  const lookUp = (cell: string, column: number): RowMatch | null => {
    const text = cell.slice(0, MAX_CELL).trim();
    if (!text) return null;
    const host = parseLookupInput(text);
    const query = host !== null ? text : nameWords(text).slice(0, MAX_WORDS).join(' ');
    if (!query) return null;
    const answer = search(index, query, 5);
    let best: SearchHit | null = null;
    for (const hit of answer.hits) if (hit.grade && compareGrades(hit.grade, best?.grade ?? null) < 0) best = hit;
    if (!best?.grade) return null;
    const v = verdict({ kind: best.kind, id: best.id });
    if (!v) return null;
    return { verdict: v, grade: best.grade, column, query: text, host: answer.host, domain: answer.domainListed ? (best.matched.domain ?? null) : null };
  };

  return {
    verdict,
    row(input, columns) {
      const cells = columns.map((c) => input.cells[c] ?? '');
      let match: RowMatch | null = null;
      cells.forEach((cell, i) => {
        const m = lookUp(cell, i);
        if (!m) return;
        // The surest match wins; between equally sure ones a restricted vendor is the one to report.
        const order = match ? compareGrades(m.grade, match.grade) || KIND_ORDER[m.verdict.kind] - KIND_ORDER[match.verdict.kind] : -1;
        if (order < 0) match = m;
      });
      return { row: input.row, cells, match };
    },
  };
}
