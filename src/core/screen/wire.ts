// Screened rows as they cross from the screening worker to the page (src/screen/screen.worker.ts):
// a match names its entry ({ kind, id }) instead of carrying the verdict, so a message is small to
// copy and the page's rows share one verdict object per entry, as rows screened in the page would.
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

export type WireMatch = Omit<RowMatch, 'verdict'> & { ref: EntryRef };
export interface WireRow {
  row: number;
  cells: string[];
  match: WireMatch | null;
}

/** Worker → page: the next rows screened, in order, how many are screened so far, and of how many. */
export interface ScreenBatch {
  rows: WireRow[];
  done: number;
  total: number;
}

export function toWire(r: RowResult): WireRow {
  if (!r.match) return { row: r.row, cells: r.cells, match: null };
  const { verdict, ...rest } = r.match;
  return { row: r.row, cells: r.cells, match: { ...rest, ref: { kind: verdict.kind, id: verdict.id } } };
}

/** Back to a row, with the verdict from `verdict` (a cache: the same object for the same entry). */
export function fromWire(w: WireRow, verdict: (ref: EntryRef) => Verdict | null): RowResult {
  if (!w.match) return { row: w.row, cells: w.cells, match: null };
  const { ref, ...rest } = w.match;
  const v = verdict(ref);
  // The worker screened against the same data, so its entries exist here too.
  if (!v) throw new Error(`screening worker named an unknown entry ${ref.kind}:${ref.id}`);
  return { row: w.row, cells: w.cells, match: { ...rest, verdict: v } };
}
