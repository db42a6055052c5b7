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

const SEPARATORS = [',', ';', '\t', '|'] as const;
type Separator = (typeof SEPARATORS)[number];
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

/**
 * The text in pieces of about `records` records each, cut only at a line break outside quotes
 * (where an even number of quote marks precede it), so that each piece parses on its own.
 */
function* pieces(text: string, records = 300): Generator<string> {
  let start = 0;
  let quotes = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quotes++;
    else if (c === 10 && quotes % 2 === 0 && ++count === records) {
      yield text.slice(start, i + 1);
      start = i + 1;
      count = 0;
    }
  }
  if (start < text.length) yield text.slice(start);
}

type Read = { table: Table } | { error: TableError };

/** Reads the text a piece at a time, calling `between` after each: the page yields there, the CLI does not. */
function* reading(text: string, choice: SeparatorChoice): Generator<void, Read> {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { error: { code: 'empty' } };
  const separator = choice === 'auto' ? guessSeparator(clean) : choice === 'line' ? null : choice;
  const rows: string[][] = [];
  let filled = 0;
  for (const piece of pieces(clean)) {
    // One cell a line still honours quotes ("Hikvision, Inc." stays whole); U+001E never occurs in text.
    const parsed = parse(piece, separator ?? '\u001e');
    // A piece's closing line break is the end of its last record, not the start of another.
    if (piece.endsWith('\n') && parsed.length && isBlank(parsed.at(-1)!)) parsed.pop();
    for (const r of parsed) {
      if (isBlank(r)) rows.push([]);
      else {
        rows.push(r.map((c) => c.trim()));
        filled++;
      }
    }
    // MAX_ROWS plus a header row; screen.ts checks again once it knows whether there is a header.
    if (filled > MAX_ROWS + 1) return { error: { code: 'too-many-rows' } };
    yield;
  }
  while (rows.length && rows.at(-1)!.length === 0) rows.pop();
  return { table: { rows, separator } };
}

/** Text to rows of trimmed cells. */
export function readTable(text: string, choice: SeparatorChoice = 'auto'): Read {
  const steps = reading(text, choice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** readTable in pieces of a few hundred records, awaiting `breathe` between them (a page stays responsive). */
export async function readTableInPieces(text: string, choice: SeparatorChoice, breathe: () => Promise<void>): Promise<Read> {
  const steps = reading(text, choice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await breathe();
  }
}
