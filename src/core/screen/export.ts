// The screening result as CSV: one line per row, in the order given, with the dataset version and
// date on every line (a file that travels without its context still says what it was checked
// against). Cells are formula-safe (core/csv.ts): a supplier called "=HYPERLINK(…)" stays text.
import { csvLines } from '../csv';
import type { Audience } from '../dataset/severity';
import { audienceText, confidenceText, forYouText, resultText, rulingText, sourcesOf, whyText, type Msg } from './describe';
import type { RowResult } from './screen';

interface ExportContext {
  msg: Msg;
  audience: Audience;
  /** Dataset version and review date (ISO). */
  version: string;
  asOf: string;
  /** Column titles of the looked-up cells ("Supplier name", "Website"). */
  columns: readonly string[];
  /** The separator: the input's, so a `;` list opens in the same spreadsheet as it came from. */
  separator?: string;
}

const isoDay = (d: string) => d;

export function exportCsv(rows: readonly RowResult[], c: ExportContext): string {
  const { msg } = c;
  const header = [
    msg('screenCsv_row'),
    ...c.columns,
    msg('screenCsv_result'),
    msg('screenCsv_entry'),
    msg('screenCsv_why'),
    msg('screenCsv_confidence'),
    msg('screenCsv_rulings'),
    msg('screenCsv_for_you'),
    msg('screenCsv_sources'),
    msg('screenCsv_audience'),
    msg('screenCsv_dataset'),
    msg('screenCsv_as_of'),
  ];
  const audience = audienceText(c.audience, msg);
  const lines = rows.map((r) => {
    const m = r.match;
    const rulings = m?.verdict.kind === 'vendor' ? m.verdict.rulings.map((x) => rulingText(x, msg, isoDay)).join(' | ') : '';
    return [
      String(r.row),
      ...c.columns.map((_, i) => r.cells[i] ?? ''),
      resultText(r, msg, c.asOf, isoDay),
      m ? m.verdict.name : '',
      m ? whyText(m, msg) : '',
      m ? confidenceText(m, msg) : '',
      rulings,
      m ? forYouText(m) : '',
      m ? sourcesOf(m).map((s) => s.url).join(' ') : '',
      audience,
      c.version,
      c.asOf,
    ];
  });
  return csvLines([header, ...lines], c.separator ?? ',');
}
