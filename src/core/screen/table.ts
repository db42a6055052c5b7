// A supplier list as spreadsheets export or copy it, read into rows of cells: CSV with quoted
// fields and `;` separators (Excel in much of Europe), TSV (Excel's "Unicode Text", and what a
// copied range pastes as), UTF-8 with or without a BOM, UTF-16, and the Windows-1252 that
// Excel's plain "CSV" writes in Western locales. A pasted column of names is one cell a line.
//
// Parsing is papaparse's job (quoted fields, escaped quotes, line breaks inside quotes, CRLF,
// separator guessing); this file picks the encoding and the separator and applies the limits.
import Papa from 'papaparse';

export const MAX_ROWS = 10_000;
/** Larger than any real 10,000-row supplier list; a bound so a wrong file fails fast. */
export const MAX_BYTES = 20 * 1024 * 1024;

export const SEPARATORS = [',', ';', '\t', '|'] as const;
export type Separator = (typeof SEPARATORS)[number];
/** 'auto' guesses; 'line' reads each line as one cell (a pasted list of names). */
export type SeparatorChoice = Separator | 'auto' | 'line';

export type TableError =
  | { code: 'empty' }
  | { code: 'too-large'; bytes: number }
  | { code: 'too-many-rows' }
  | { code: 'workbook' }
  | { code: 'binary' };

export interface Table {
  /** Every record, blank ones as [] so that rows keep the numbers a spreadsheet gives them. */
  rows: string[][];
  /** The separator used (null: one cell a line). */
  separator: Separator | null;
}

export const isBlank = (row: readonly string[]) => row.every((c) => c === '');

/** Bytes of a file to text: BOM first, then strict UTF-8, then Windows-1252. */
export function decodeBytes(bytes: Uint8Array): { text: string } | { error: TableError } {
  if (bytes.length > MAX_BYTES) return { error: { code: 'too-large', bytes: bytes.length } };
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  // Workbooks (.xlsx and .ods are zip files, .xls an OLE file), not text: say to save as CSV.
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) return { error: { code: 'workbook' } };
  let text: string;
  if (starts(0xff, 0xfe)) text = new TextDecoder('utf-16le').decode(bytes);
  else if (starts(0xfe, 0xff)) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  if (text.includes('\u0000')) return { error: { code: 'binary' } };
  return { text };
}

const parse = (text: string, delimiter: string, preview = 0) => Papa.parse<string[]>(text, { delimiter, preview }).data;

/** How well a separator splits the first lines: most lines with the same number of cells (> 1). */
function splitScore(sample: string, sep: Separator): number {
  const rows = parse(sample, sep, 50).filter((r) => !isBlank(r));
  if (rows.length === 0) return 0;
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  const [width, n] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  if (width < 2) return 0;
  // Share of consistent lines first; more columns break ties (a comma inside "Co., Ltd." names
  // splits some lines but not consistently).
  return n / rows.length + width / 1000;
}

function guessSeparator(text: string): Separator | null {
  const sample = text.slice(0, 64 * 1024);
  let best: Separator | null = null;
  let bestScore = 0.6; // fewer than 60 % of lines agreeing: a list of names, one a line
  for (const sep of SEPARATORS) {
    const score = splitScore(sample, sep);
    if (score > bestScore) [best, bestScore] = [sep, score];
  }
  return best;
}

/** Text to rows of trimmed cells. */
export function readTable(text: string, choice: SeparatorChoice = 'auto'): { table: Table } | { error: TableError } {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { error: { code: 'empty' } };
  const separator = choice === 'auto' ? guessSeparator(clean) : choice === 'line' ? null : choice;
  // One cell a line still honours quotes ("Hikvision, Inc." stays whole); U+001E never occurs in text.
  const rows = parse(clean, separator ?? '\u001e').map((r) => (isBlank(r) ? [] : r.map((c) => c.trim())));
  while (rows.length && rows.at(-1)!.length === 0) rows.pop();
  // MAX_ROWS plus a header row; screen.ts checks again once it knows whether there is a header.
  if (rows.filter((r) => r.length).length > MAX_ROWS + 1) return { error: { code: 'too-many-rows' } };
  return { table: { rows, separator } };
}
