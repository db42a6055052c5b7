// Reading supplier lists as spreadsheets export them, and guessing which columns to look up.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnLetter, columnTitles, guessColumns } from '../../src/core/screen/columns';
import { inputRows } from '../../src/core/screen/screen';
import Papa from 'papaparse';
import { decodeBytes, MAX_ROWS, readTable, readTableInPieces, type SeparatorChoice, type Table } from '../../src/core/screen/table';

const utf8 = (s: string) => new TextEncoder().encode(s);
const table = (text: string, sep: SeparatorChoice = 'auto'): Table => {
  const r = readTable(text, sep);
  if ('error' in r) throw new Error(r.error.code);
  return r.table;
};
const text = (bytes: Uint8Array) => {
  const d = decodeBytes(bytes);
  if ('error' in d) throw new Error(d.error.code);
  return d.text;
};

const fixtureText = text(readFileSync('test/fixtures/screen/suppliers.csv'));
const fixture = table(fixtureText);

/** The fixture written back out with another separator, as another spreadsheet would save it. */
function reserialise(rows: string[][], sep: string, eol = '\r\n'): string {
  const cell = (c: string) => (c.includes(sep) || /["\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(cell).join(sep)).join(eol) + eol;
}

describe('reading the file', () => {
  it('reads the fixture as Excel writes it: BOM, CRLF, quoted commas and quotes, line breaks inside cells', () => {
    expect(fixture.separator).toBe(',');
    expect(fixture.rows[0]).toEqual(['Supplier ID', 'Supplier name', 'Website', 'Country', 'Annual spend (USD)', 'Notes']);
    expect(fixture.rows.every((r) => r.length === 0 || r.length === 6)).toBe(true);
    expect(fixture.rows.some((r) => r[5]?.includes('\nSecond line'))).toBe(true);
    expect(fixture.rows.some((r) => r[1] === 'Acme "Quoted" Widgets, Inc.')).toBe(true);
    expect(fixture.rows[0]![0]!.charCodeAt(0)).not.toBe(0xfeff);
  });

  it.each([
    ['semicolons (European Excel)', ';', '\r\n'],
    ['tabs', '\t', '\r\n'],
    ['pipes, LF line ends', '|', '\n'],
  ])('reads the same rows from %s', (_, sep, eol) => {
    const again = table(reserialise(fixture.rows.filter((r) => r.length), sep, eol));
    expect(again.separator).toBe(sep);
    expect(again.rows).toEqual(fixture.rows.filter((r) => r.length));
  });

  it('decodes UTF-16 (Excel "Unicode Text") and Windows-1252 (Excel "CSV" in Western locales)', () => {
    const tsv = 'Supplier\tWebsite\r\nHikvisión\thikvision.com\r\n';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...tsv].map((c) => c.charCodeAt(0))).buffer)]);
    expect(table(text(le)).rows).toEqual([['Supplier', 'Website'], ['Hikvisión', 'hikvision.com']]);
    const cp1252 = new Uint8Array([...utf8('Name\r\nSoci'), 0xe9, ...utf8('t'), 0xe9, ...utf8(' G'), 0xe9, ...utf8('n'), 0xe9, ...utf8('rale\r\n')]);
    expect(text(cp1252)).toContain('Société Générale');
    expect(text(utf8('\ufeffName\r\nDJI'))).toBe('Name\r\nDJI'); // the UTF-8 BOM goes
  });

  it('reads a pasted list of names one a line, keeping commas inside names', () => {
    const t = table('Hangzhou Hikvision Digital Technology Co., Ltd.\nDJI\nKaspersky Lab, Inc.\nHonor\n');
    expect(t.separator).toBeNull();
    expect(t.rows).toEqual([['Hangzhou Hikvision Digital Technology Co., Ltd.'], ['DJI'], ['Kaspersky Lab, Inc.'], ['Honor']]);
    expect(table('a,b\nc,d', 'line').rows).toEqual([['a,b'], ['c,d']]);
  });

  it('reads a long list in pieces (the page yields between them) exactly as in one go, line breaks inside quotes too', async () => {
    const lines = ['Name,Notes'];
    for (let i = 0; i < 2500; i++) lines.push(i % 7 === 0 ? `"Supplier ${i}, Inc.","first line\r\nsecond ""line"""` : i % 11 === 0 ? '' : `Supplier ${i},note ${i}`);
    const csv = lines.join('\r\n') + '\r\n';
    let breaths = 0;
    const pieces = await readTableInPieces(csv, 'auto', async () => void breaths++);
    expect(breaths).toBeGreaterThanOrEqual(2);
    expect(pieces).toEqual(readTable(csv));
    const whole = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ',' }).data.map((r) => (r.every((c) => c === '') ? [] : r));
    expect('table' in pieces && pieces.table.rows).toEqual(whole);
  });

  it('keeps the numbering of blank lines, as a spreadsheet would', () => {
    const t = table('Name\n\nDJI\n\n\nHonor\n\n');
    const r = inputRows(t, true);
    expect('rows' in r && r.rows).toEqual([
      { row: 3, cells: ['DJI'] },
      { row: 6, cells: ['Honor'] },
    ]);
  });

  it('refuses what is not a supplier list, with a reason', () => {
    expect(readTable('')).toEqual({ error: { code: 'empty' } });
    expect(readTable(' \r\n\t\n')).toEqual({ error: { code: 'empty' } });
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({ error: { code: 'workbook' } });
    expect(decodeBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toEqual({ error: { code: 'workbook' } });
    expect(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toEqual({ error: { code: 'binary' } });
    expect(decodeBytes(new Uint8Array(20 * 1024 * 1024 + 1))).toMatchObject({ error: { code: 'too-large' } });
    const rows = (n: number) => 'Name\n' + Array.from({ length: n }, (_, i) => `Supplier ${i}`).join('\n');
    expect(readTable(rows(MAX_ROWS))).toHaveProperty('table');
    expect(readTable(rows(MAX_ROWS + 1))).toEqual({ error: { code: 'too-many-rows' } });
    const noHeader = table(rows(MAX_ROWS).replace('Name\n', 'Extra\n'));
    expect(inputRows(noHeader, false)).toEqual({ error: { code: 'too-many-rows' } });
    expect(inputRows(table('Supplier name\n'), true)).toEqual({ error: { code: 'no-rows' } });
  });
});

describe('guessing columns', () => {
  it('picks the name and website columns of a typical export, and says there is a header', () => {
    expect(guessColumns(fixture.rows)).toMatchObject({ header: true, columns: [1, 2] });
  });

  it('reads a headerless list by what the cells look like', () => {
    const g = guessColumns(table('1001,Hikvision USA,https://www.hikvision.com/,US\n1002,Acme Corp,acme.example,DE\n1003,DJI,,CN\n').rows);
    expect(g).toMatchObject({ header: false, columns: [1, 2] });
  });

  it('takes a header over a column of web addresses as a header, even with unknown words', () => {
    expect(guessColumns(table('Lieferant;Webseite\nDJI;dji.com\nHonor;honor.com\n').rows)).toMatchObject({ header: true, columns: [0, 1] });
  });

  it('prefers the website to the e-mail column, and never picks ids, amounts or contact names', () => {
    const t = table('ID,Contact name,Vendor,Contact email,Web site,Spend\n1,Jane Roe,DJI,jane@dji.com,dji.com,"1,000"\n2,John Doe,Honor,john@honor.com,honor.com,"2,000"\n');
    expect(guessColumns(t.rows)).toMatchObject({ header: true, columns: [2, 4] });
  });

  it('does not take a supplier whose name has a header word in it for a header', () => {
    expect(guessColumns(table('Acme Partners Company\nDJI\n').rows).header).toBe(false);
    expect(guessColumns(table('Supplier name,Website\r\n').rows).header).toBe(true);
    expect(guessColumns(table('Acme Company\r\n').rows).header).toBe(false);
    expect(guessColumns(table('Hikvision USA Inc.\nhttps://www.dji.com/\nAcme Widgets\n').rows).header).toBe(false);
  });

  it('falls back to a single column of anything', () => {
    expect(guessColumns(table('DJI\nHonor\n').rows)).toMatchObject({ header: false, columns: [0] });
    expect(guessColumns(table('hikvision.com\ndji.com\n').rows)).toMatchObject({ header: false, columns: [0] });
  });

  it('names columns by their header, or by spreadsheet letter', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(columnTitles([['Name', ''], ['DJI', 'x']], true, (l) => `Column ${l}`)).toEqual(['Name', 'Column B']);
    expect(columnTitles([['DJI', 'x']], false, (l) => l)).toEqual(['A', 'B']);
  });
});
