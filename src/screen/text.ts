// The screening page's words for a row, from the core's describe.ts with the extension's strings
// and the reader's date format.
import { dataset } from '../core/dataset';
import { resultText, rulingText, whyText, type Msg } from '../core/screen/describe';
import type { RowMatch, RowResult } from '../core/screen/screen';
import type { RulingLine } from '../core/screen/verdict';
import { formatDay, t } from '../shared/format';

export const msg: Msg = t;
export const asOf = dataset.meta.reviewedOn;
// formatDay builds an Intl.DateTimeFormat on every call; the page names a handful of days, in
// every row and on every render, so each is formatted once.
const days = new Map<string, string>();
export const day = (iso: string) => days.get(iso) ?? days.set(iso, formatDay(iso)).get(iso)!;
export const rowResult = (r: RowResult) => resultText(r, msg, asOf, day);
export const rowWhy = (m: RowMatch) => whyText(m, msg);
export const ruling = (r: RulingLine) => rulingText(r, msg, day);
/** The looked-up cells of a row, as one line. */
export const looked = (r: RowResult) => r.cells.filter(Boolean).join(' · ');
