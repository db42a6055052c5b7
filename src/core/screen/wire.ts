// Screened rows as they cross from the screening worker to the page (src/screen/screen.worker.ts):
// a match names its entry ({ kind, id }) instead of carrying the verdict, and each verdict crosses
// once, with the first batch that names it; so a message is small to copy, the page works out no
// verdict itself, and its rows share one verdict object per entry, as rows screened there would.
import type { Audience } from '../dataset/severity';
import type { Ruling, Vendor } from '../dataset/schema';
import type { RowMatch, RowResult } from './screen';
import type { SeparatorChoice } from './table';
import type { EntryRef, Verdict } from './verdict';

/**
 * Page → worker: screen this text. The page has read it already (to pick the columns); the worker
 * reads it again with the separator found, which is cheaper for the page than copying its rows.
 */
export interface ScreenRequest {
  text: string;
  separator: SeparatorChoice;
  header: boolean;
  columns: number[];
  audience: Audience;
  today: string;
  orgVendors: Vendor[];
  orgRulings: Ruling[];
}

type WireMatch = Omit<RowMatch, 'verdict'> & { ref: EntryRef };
interface WireRow {
  row: number;
  cells: string[];
  match: WireMatch | null;
}

/** Worker → page: the next rows screened, in order, the verdicts they name that no batch before sent, how many rows are screened so far, and of how many. */
export interface ScreenBatch {
  rows: WireRow[];
  verdicts: [string, Verdict][];
  done: number;
  total: number;
}

export const entryKey = (ref: EntryRef) => `${ref.kind}:${ref.id}`;

export function toWire(r: RowResult): WireRow {
  if (!r.match) return { row: r.row, cells: r.cells, match: null };
  const { verdict, ...rest } = r.match;
  return { row: r.row, cells: r.cells, match: { ...rest, ref: { kind: verdict.kind, id: verdict.id } } };
}

/** Back to a row, with its verdict from those the worker sent (keyed by entryKey). */
export function fromWire(w: WireRow, verdicts: ReadonlyMap<string, Verdict>): RowResult {
  if (!w.match) return { row: w.row, cells: w.cells, match: null };
  const { ref, ...rest } = w.match;
  const v = verdicts.get(entryKey(ref));
  if (!v) throw new Error(`screening worker named an entry it did not send: ${entryKey(ref)}`);
  return { row: w.row, cells: w.cells, match: { ...rest, verdict: v } };
}
