// Writing CSV that spreadsheets read safely: shared by the decision log and supplier screening.

/** Leading characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds the separator, a quote or a line break. A cell a
 * spreadsheet would read as a formula (=, +, -, @, or a tab/CR first) gets a leading apostrophe.
 */
export function csvCell(value: string, separator = ','): string {
  let v = value;
  if (FORMULA_START.test(v)) v = `'${v}`;
  return v.includes(separator) || /["\r\n]/.test(v) || v !== value ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Rows as CSV with CRLF line ends (what spreadsheets expect). */
export function csvLines(rows: readonly (readonly string[])[], separator = ','): string {
  return rows.map((r) => r.map((c) => csvCell(c, separator)).join(separator)).join('\r\n') + '\r\n';
}
