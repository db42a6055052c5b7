// The screening page's words for a row, from the core's describe.ts with the extension's strings
// and the reader's date format.
import { dataset } from '../core/dataset';
import { resultText, rulingText, whyText, type Msg } from '../core/screen/describe';
import type { RowMatch, RowResult } from '../core/screen/screen';
import type { RulingLine } from '../core/screen/verdict';
import { formatDay, t } from '../shared/format';

export const msg: Msg = t;
export const asOf = dataset.meta.reviewedOn;
export const rowResult = (r: RowResult) => resultText(r, msg, asOf, formatDay);
export const rowWhy = (m: RowMatch) => whyText(m, msg);
export const ruling = (r: RulingLine) => rulingText(r, msg, formatDay);
/** The looked-up cells of a row, as one line. */
export const looked = (r: RowResult) => r.cells.filter(Boolean).join(' · ');
