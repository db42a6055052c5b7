// Which columns of a supplier list hold what can be looked up: a name column and a website (or
// e-mail) column, guessed from the header and from what the cells look like. The user can change
// the choice; this only has to be a sensible start.
import { parseLookupInput } from '../host';
import { isBlank } from './table';

type ColumnKind = 'name' | 'host' | 'other';

interface ColumnGuess {
  /** Whether the first row is a header. */
  header: boolean;
  /** Chosen columns, most telling first (a name column, then a website column). */
  columns: number[];
  kinds: ColumnKind[];
}

const SAMPLE = 500;
const NAME_HEADER = /supplier|vendor|company|manufacturer|brand|name|organi[sz]ation|entity|firm|partner|contractor|reseller|seller|maker|make/i;
const HOST_HEADER = /domain|web|url|site|homepage|e-?mail|link/i;
// Headers that name something else even when they also say "supplier" or "name".
const OTHER_HEADER = /\b(id|no|number|code|country|city|state|address|phone|tel|fax|amount|spend|value|date|notes?|comments?|category|duns|cage|uei|tax|vat|currency|contact|person|buyer|owner|first|last)\b/i;
// A header cell is made of these words only ("Supplier ID", "Annual spend (USD)"); a supplier
// called "Acme Partners Company" is not a header.
const HEADER_WORDS = new Set(
  (
    'supplier suppliers vendor vendors company companies name names legal trading business manufacturer manufacturers maker brand brands ' +
    'organisation organization entity firm partner contractor subcontractor reseller seller distributor website web site url domain homepage ' +
    'home page email e mail address link id no nr number code ref reference country region city state province zip postal phone tel ' +
    'telephone fax amount spend annual usd eur gbp value total currency date since start end notes note comments comment remarks category ' +
    'type status contact person buyer owner first last duns cage uei tax vat ein of the'
  ).split(' '),
);
const isHeaderCell = (cell: string) => {
  const w = cell.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return w.length > 0 && w.every((x) => HEADER_WORDS.has(x));
};
const NUMBER_OR_DATE = /^[\d\s.,:/$€£¥%+()-]+$/;

/** "A", "B" … "Z", "AA": a column as a spreadsheet labels it. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Profile {
  filled: number;
  host: number;
  number: number;
  text: number;
}

function profile(rows: readonly (readonly string[])[], col: number): Profile {
  let filled = 0;
  let host = 0;
  let number = 0;
  let text = 0;
  for (const r of rows) {
    const v = r[col] ?? '';
    if (!v) continue;
    filled++;
    if (parseLookupInput(v) !== null) host++;
    else if (NUMBER_OR_DATE.test(v)) number++;
    else if (/\p{L}/u.test(v) && v.length <= 120) text++;
  }
  const share = (n: number) => (filled ? n / filled : 0);
  return { filled: rows.length ? filled / rows.length : 0, host: share(host), number: share(number), text: share(text) };
}

export function guessColumns(all: readonly (readonly string[])[]): ColumnGuess {
  const rows = all.filter((r) => !isBlank(r));
  const width = Math.max(0, ...rows.slice(0, SAMPLE).map((r) => r.length));
  const first = rows[0] ?? [];
  const body = rows.slice(1, SAMPLE + 1);
  const bodyProfiles = Array.from({ length: width }, (_, c) => profile(body, c));
  // A header: a first row of header words, or one that is not a web address over a column of
  // them. A single row is a header only when every cell of it is one ("Supplier name,Website").
  const titled = first.filter(Boolean);
  const header =
    (rows.length > 1 && titled.some(isHeaderCell)) ||
    (rows.length === 1 && titled.length > 0 && titled.every(isHeaderCell)) ||
    (body.length >= 2 && bodyProfiles.some((p, c) => p.filled >= 0.8 && p.host >= 0.8 && parseLookupInput(first[c] ?? '') === null && (first[c] ?? '') !== ''));
  const data = header ? body : rows.slice(0, SAMPLE);
  const profiles = header ? bodyProfiles : Array.from({ length: width }, (_, c) => profile(data, c));
  const title = (c: number) => (header ? (first[c] ?? '') : '');

  const kinds = profiles.map((p, c): ColumnKind => {
    const h = title(c);
    if (p.filled === 0) return 'other';
    if (p.host >= 0.5 || (HOST_HEADER.test(h) && !OTHER_HEADER.test(h) && p.host >= 0.2)) return 'host';
    if (OTHER_HEADER.test(h) || p.number >= 0.5) return 'other';
    if (p.text >= 0.5) return 'name';
    return 'other';
  });
  const best = (kind: ColumnKind, score: (c: number) => number) => {
    let pick = -1;
    let top = -Infinity;
    kinds.forEach((k, c) => {
      if (k !== kind) return;
      const s = score(c);
      if (s > top) [pick, top] = [c, s];
    });
    return pick;
  };
  // The name column: a "supplier"/"company"/"name" header first, then the fullest text column, leftmost on ties.
  const name = best('name', (c) => (NAME_HEADER.test(title(c)) ? 2 : 0) + profiles[c]!.text * profiles[c]!.filled - c / 1000);
  // The website column: a "web"/"domain" header before an e-mail column, then the most web addresses.
  const host = best('host', (c) => (/web|domain|url|site|homepage/i.test(title(c)) ? 2 : 0) + profiles[c]!.host * profiles[c]!.filled - c / 1000);
  const columns = [name, host].filter((c) => c >= 0);
  if (columns.length === 0 && width > 0) columns.push(Math.max(0, kinds.indexOf('other')));
  return { header, columns, kinds };
}

/** The header's titles, or spreadsheet letters where there is no header or a title is blank. */
export function columnTitles(rows: readonly (readonly string[])[], header: boolean, letterTitle: (letter: string) => string): string[] {
  const first = rows.find((r) => !isBlank(r)) ?? [];
  const width = Math.max(0, ...rows.slice(0, 500).map((r) => r.length));
  return Array.from({ length: width }, (_, c) => (header && first[c] ? first[c] : letterTitle(columnLetter(c))));
}
