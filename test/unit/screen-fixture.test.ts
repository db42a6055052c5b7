// The 253-row supplier list (test/fixtures/screen/suppliers.csv, as Excel's "CSV UTF-8" writes
// it: BOM, CRLF, quoted fields, line breaks inside notes) against its expectations file, which the
// CLI test and the page's end-to-end test read too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import expectations from '../fixtures/screen/expectations.json';
import { dataset } from '../../src/core/dataset';
import { defaults } from '../../src/core/settings';
import { search, buildSearchIndex } from '../../src/core/search';
import { columnTitles, guessColumns } from '../../src/core/screen/columns';
import { createScreener, inputRows, type RowResult } from '../../src/core/screen/screen';
import { decodeBytes, readTable } from '../../src/core/screen/table';
import { buildCatalog } from '../../src/core/catalog';
import { verdict } from '../../src/core/verdict';

interface Expectation {
  row: number;
  name: string;
  website: string;
  group: string;
  expect: string | null;
  confidence?: string;
}
const rowsExpected = expectations.rows as Expectation[];
const TODAY = '2026-12-01';
const AUDIENCE = 'federal-contractor';

function screenFixture(): { rows: RowResult[]; titles: string[]; header: boolean; columns: number[] } {
  const decoded = decodeBytes(readFileSync('test/fixtures/screen/suppliers.csv'));
  if ('error' in decoded) throw new Error(decoded.error.code);
  const read = readTable(decoded.text);
  if ('error' in read) throw new Error(read.error.code);
  const guess = guessColumns(read.table.rows);
  const input = inputRows(read.table, guess.header);
  if ('error' in input) throw new Error(input.error.code);
  const screener = createScreener({ dataset }, { audience: AUDIENCE, today: TODAY });
  const titles = columnTitles(read.table.rows, guess.header, (l) => l);
  return { rows: input.rows.map((r) => screener.row(r, guess.columns)), titles, header: guess.header, columns: guess.columns };
}

const screened = screenFixture();
const byRow = new Map(screened.rows.map((r) => [r.row, r]));
const outcome = (r: RowResult | undefined) => (r?.match ? `${r.match.verdict.kind}:${r.match.verdict.id}` : null);

describe('supplier list fixture', () => {
  it('is a real test: over 200 rows, at least 50 unrelated companies, every kind of input', () => {
    expect(rowsExpected.length).toBeGreaterThanOrEqual(200);
    expect(rowsExpected.filter((r) => r.group === 'unrelated').length).toBeGreaterThanOrEqual(50);
    for (const g of ['vendor-name', 'misspelling', 'domain', 'url', 'brand', 'lookalike', 'reported-link', 'unrelated', 'hostile']) {
      expect(rowsExpected.some((r) => r.group === g), g).toBe(true);
    }
    for (const name of ['ZTS', 'Nico', 'Dahlia', 'BYK']) expect(rowsExpected.some((r) => r.name === name), name).toBe(true);
  });

  it('guesses the header and the name and website columns', () => {
    expect(screened.header).toBe(expectations.header);
    expect(screened.columns.map((c) => screened.titles[c])).toEqual(expectations.columns);
  });

  it('reads every row, numbered as in a spreadsheet, with the cells the expectations name', () => {
    expect(screened.rows.map((r) => r.row)).toEqual(rowsExpected.map((e) => e.row));
    for (const e of rowsExpected) expect(byRow.get(e.row)?.cells, `row ${e.row}`).toEqual([e.name, e.website]);
  });

  it.each(rowsExpected.map((e) => [e.row, e.name || e.website || '(blank)', e] as const))('row %i %s', (row, _label, e) => {
    const r = byRow.get(row);
    expect(outcome(r)).toBe(e.expect);
    expect(r?.match?.grade.confidence ?? null).toBe(e.confidence ?? null);
  });

  it('matches no unrelated company at high confidence', () => {
    const high = rowsExpected.filter((e) => e.group === 'unrelated' && byRow.get(e.row)?.match?.grade.confidence === 'high');
    expect(high.map((e) => e.name)).toEqual([]);
  });

  it('answers every match as the popup does: the same entry among its lookup hits, the same severity, headline and "for you" line', () => {
    const index = buildSearchIndex({ dataset });
    const inputs = { catalog: buildCatalog(dataset), settings: { ...defaults, audience: AUDIENCE } as typeof defaults, today: TODAY };
    let vendors = 0;
    for (const r of screened.rows) {
      const m = r.match;
      if (!m) continue;
      const hits = search(index, m.query).hits;
      expect(hits.map((h) => `${h.kind}:${h.id}`), `row ${r.row}`).toContain(`${m.verdict.kind}:${m.verdict.id}`);
      if (m.verdict.kind !== 'vendor') continue;
      const v = verdict(inputs, { id: m.verdict.id });
      if (v.kind !== 'vendor') throw new Error(m.verdict.id);
      const view = v.explained;
      expect(m.verdict.severity, `row ${r.row}`).toBe(view?.severity ?? null);
      expect(m.verdict.rulings.map((x) => x.id)).toEqual(view?.rulings.map((x) => x.id) ?? []);
      expect(m.verdict.forYou).toBe(view?.rulings[0]?.forYou ?? null);
      vendors++;
    }
    expect(vendors).toBeGreaterThan(100);
  });
});
