import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, search } from '../../src/core/search';
import { exportCsv } from '../../src/core/screen/export';
import { countRows, failingRows, filterRows, NO_FILTER, RESULT_CLASSES, resultClass, ResultSet, sortRows, type SortKey } from '../../src/core/screen/results';
import { CONFIDENCES } from '../../src/core/confidence';
import { normalise } from '../../src/core/words';
import { createScreener, type RowResult } from '../../src/core/screen/screen';
import { msg } from '../../src/cli/messages';
import { testData } from './screen-data';

const index = buildSearchIndex({ dataset: testData });
const grade = (q: string) => search(index, q).hits[0]?.grade ?? null;
const screener = createScreener({ dataset: testData }, { audience: 'federal-contractor', today: '2026-12-01', index });
const screen = (names: string[]): RowResult[] => names.map((n, i) => screener.row({ row: i + 2, cells: [n] }, [0]));

describe('confidence', () => {
  it.each([
    ['Zorvex', 'high', 'name'],
    ['Zorvex Software Labs', 'high', 'name'],
    ['Brightlens Store Europe', 'high', 'name'],
    ['quillcam.example', 'high', 'domain'],
    ['https://shop.quillcam.example/x', 'high', 'domain'],
    ['Zorvex Marine', 'medium', 'name-in-longer-name'],
    ['Quill Mini Parts Depot', 'medium', 'name-in-longer-name'],
    ['Memtrix Memory', 'high', 'name'],
    ['Nimbo', 'medium', 'shortened-name'],
    ['Quilcam', 'medium', 'similar-spelling'],
    ['Zorvxe Labs', 'medium', 'similar-spelling'],
    ['Zarvix', 'low', 'similar-spelling'],
    ['Mentrx', 'low', 'similar-spelling'],
    ['Archer Daniels Midland', 'low', 'name-in-longer-name'],
    ['Nimbo Partners', 'low', 'partial-name'],
  ])('%s → %s (%s)', (q, confidence, basis) => {
    expect(grade(q)).toMatchObject({ confidence, basis });
  });

  it('marks a name found in an unlisted web address as no more than medium', () => {
    expect(search(index, 'zorvex.de').hits[0]).toMatchObject({ id: 'zorvex', grade: { confidence: 'medium', basis: 'name' } });
  });

  it('says which name decided, the fullest and its own first', () => {
    expect(grade('Hangzhou Quillcam Vision')).toMatchObject({ name: 'Hangzhou Quillcam Vision Co., Ltd.', field: 'legal-name' });
    expect(grade('Brightlens')).toMatchObject({ name: 'Brightlens', field: 'alias' });
  });

  it('gives no grade for a shared prefix or common words only, which the popup still lists while typing', () => {
    expect(search(index, 'zorv').hits[0]).toMatchObject({ id: 'zorvex', grade: null });
    expect(search(index, 'memory technologies').hits.length).toBeGreaterThan(0);
    expect(search(index, 'memory technologies').hits.every((h) => h.grade === null)).toBe(true);
    expect(screen(['Zorv Bank', 'Vision Memory Technologies']).map((r) => r.match)).toEqual([null, null]);
  });

  it('does not take a typo inside another company\'s name, or a name spelt like a domain, as a lead', () => {
    expect(screen(['Zarvix Tire Express', 'Fairlite Foods', 'Qcamcdm']).map((r) => r.match?.verdict.id ?? null)).toEqual([null, null, null]);
    expect(screen(['qcamcdn'])[0]?.match?.verdict.id).toBe('quillcam');
    expect(screen(['Quillcan Marine'])[0]?.match).toBeNull();
  });
});

describe('results', () => {
  const rows = screen(['Quilcam', 'Zorvex', 'Acme Corp', 'Fairlight', 'Zarvix', 'Nimbo Robotics', 'Memtrix', '']);

  it('classes each row', () => {
    expect(rows.map(resultClass)).toEqual(['restricted', 'prohibited', 'none', 'not-restricted', 'prohibited', 'reported-link', 'listed', 'none']);
  });

  it('screens a row by its surest cell, and a restricted vendor before an equally sure other entry', () => {
    const r = screener.row({ row: 2, cells: ['Fairlight', 'Zarvix', 'https://www.quillcam.example/'] }, [0, 1, 2]);
    expect(r.match).toMatchObject({ column: 2, verdict: { id: 'quillcam' }, grade: { basis: 'domain' } });
    expect(screener.row({ row: 2, cells: ['Fairlight', 'Zorvex'] }, [0, 1]).match?.verdict.id).toBe('zorvex');
    expect(screener.row({ row: 2, cells: ['Zarvix', 'Fairlight'] }, [0, 1]).match?.verdict.id).toBe('fairlight');
  });

  it('filters by outcome, result, authority and confidence', () => {
    const names = (f: Partial<typeof NO_FILTER>) => filterRows(rows, { ...NO_FILTER, ...f }).map((r) => r.cells[0]);
    expect(names({ show: 'unmatched' })).toEqual(['Acme Corp', '']);
    expect(names({ show: 'matched', result: 'prohibited' })).toEqual(['Zorvex', 'Zarvix']);
    expect(names({ minConfidence: 'high' })).toEqual(['Zorvex', 'Acme Corp', 'Fairlight', 'Nimbo Robotics', 'Memtrix', '']);
    expect(names({ minConfidence: 'medium', show: 'matched' })).toEqual(['Quilcam', 'Zorvex', 'Fairlight', 'Nimbo Robotics', 'Memtrix']);
    expect(names({ authority: 'fcc' })).toEqual(['Quilcam']);
    expect(names({ authority: 'commerce' })).toEqual(['Zorvex', 'Zarvix', 'Memtrix']);
    expect(names({ authority: 'treasury' })).toEqual([]);
  });

  it('sorts by result, name, entry and confidence, ties in row order, empty text last', () => {
    expect(sortRows(rows, 'result').map((r) => r.cells[0])).toEqual(['Zorvex', 'Zarvix', 'Quilcam', 'Memtrix', 'Nimbo Robotics', 'Fairlight', 'Acme Corp', '']);
    expect(sortRows(rows, 'input').map((r) => r.cells[0])).toEqual(['Acme Corp', 'Fairlight', 'Memtrix', 'Nimbo Robotics', 'Quilcam', 'Zarvix', 'Zorvex', '']);
    expect(sortRows(rows, 'input', true).map((r) => r.cells[0]).slice(0, 2)).toEqual(['Zorvex', 'Zarvix']);
    expect(sortRows(rows, 'confidence').map((r) => r.cells[0])).toEqual(['Zorvex', 'Fairlight', 'Nimbo Robotics', 'Memtrix', 'Quilcam', 'Zarvix', 'Acme Corp', '']);
    expect(sortRows(rows, 'row', true).map((r) => r.row)).toEqual([9, 8, 7, 6, 5, 4, 3, 2]);
    expect(sortRows(rows, 'entry').map((r) => r.match?.verdict.name ?? '').slice(0, 3)).toEqual(['Fairlight', 'Memtrix', 'Nimbo Robotics']);
  });

  it('sorts rows that arrived in batches as it sorts them all at once: any key, either way, any subset', () => {
    // Names that tie, differ in case and accents, and are empty, over and over in no order.
    const names = ['Zorvex', 'zorvex', 'Quilcam', 'Acme Corp', 'acme corp', '', 'Fairlight', 'Zarvix', 'Nimbo Robotics', 'Memtrix', 'Émile Acme', 'Ácme', 'Bolt'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const all = screen(Array.from({ length: 600 }, () => names[next() % names.length]!));
    const set = new ResultSet();
    for (let i = 0; i < all.length; ) {
      const n = 1 + (next() % 90);
      set.add(all.slice(i, i + n));
      i += n;
    }
    // The oracle: a comparison sort on the same keys, ties in row order, empty text last.
    const text = (r: RowResult, key: SortKey) => normalise(key === 'input' ? r.cells[0]! : (r.match?.verdict.name ?? '')).trim();
    const rank = (r: RowResult, key: SortKey) => (key === 'result' ? RESULT_CLASSES.indexOf(resultClass(r)) : r.match ? CONFIDENCES.indexOf(r.match.grade.confidence) : CONFIDENCES.length);
    const oracle = (rows: RowResult[], key: SortKey, descending: boolean) =>
      [...rows].sort((a, b) => {
        const sign = descending ? -1 : 1;
        if (key === 'row') return sign * (a.row - b.row);
        if (key === 'result' || key === 'confidence') return sign * (rank(a, key) - rank(b, key)) || a.row - b.row;
        const [ta, tb] = [text(a, key), text(b, key)];
        if (!ta !== !tb) return ta ? -1 : 1;
        return (ta < tb ? -sign : ta > tb ? sign : 0) || a.row - b.row;
      });
    const subsets = [all, all.filter((_, i) => i % 3 !== 1), all.filter((r) => r.match), []];
    for (const rows of subsets)
      for (const key of ['row', 'input', 'result', 'entry', 'confidence'] as const)
        for (const descending of [false, true]) {
          const got = set.sort(rows, key, descending).map((r) => r.row);
          expect(got, `${key} ${descending ? 'descending' : 'ascending'} of ${rows.length}`).toEqual(oracle(rows, key, descending).map((r) => r.row));
          expect(sortRows(rows, key, descending).map((r) => r.row)).toEqual(got);
        }
    expect(set.counts).toEqual(countRows(all));
    expect(() => set.sort(screen(['Zorvex']), 'input')).toThrow(/not in this result set/);
  });

  it('counts', () => {
    expect(countRows(rows)).toMatchObject({ total: 8, matched: 6, low: 1, prohibited: 2, restricted: 1, listed: 1, none: 2, 'not-restricted': 1, 'reported-link': 1 });
  });

  it('fails a pipeline only for restricted vendors at or above the level, low-confidence ones only when asked', () => {
    expect(failingRows(rows, 'prohibited').map((r) => r.cells[0])).toEqual(['Zorvex']);
    expect(failingRows(rows, 'prohibited', true).map((r) => r.cells[0])).toEqual(['Zorvex', 'Zarvix']);
    expect(failingRows(rows, 'restricted').map((r) => r.cells[0])).toEqual(['Quilcam', 'Zorvex']);
    expect(failingRows(rows, 'watch').map((r) => r.cells[0])).toEqual(['Quilcam', 'Zorvex', 'Memtrix']);
    expect(failingRows(screen(['Fairlight', 'Nimbo Robotics', 'Acme']), 'watch', true)).toEqual([]);
  });
});

describe('CSV export', () => {
  const hostile = screen(['=HYPERLINK("http://evil.example","x")', '+1 555', '-2+3', '@SUM(A1)', '\tcmd', 'Quillcam', 'Acme; Sons']);
  const csv = exportCsv(hostile, { msg, audience: 'federal-contractor', version: '2026.11.28', asOf: '2026-11-28', columns: ['Supplier'] });
  const parsed = Papa.parse<string[]>(csv.trim()).data;

  it('has a header, a line per row, and the dataset version and date on every line', () => {
    expect(parsed[0]).toEqual(['Row', 'Supplier', 'Result', 'Matched entry', 'Why it matched', 'Confidence', 'Rulings (citation, since)', 'What it means for you', 'Sources', 'Audience', 'Dataset version', 'Data as of']);
    expect(parsed).toHaveLength(hostile.length + 1);
    for (const line of parsed.slice(1)) expect(line.slice(-3)).toEqual(['Federal contractor', '2026.11.28', '2026-11-28']);
  });

  it('says "no match in BanWatch\'s data as of" the date, never "safe"', () => {
    expect(parsed[7]![2]).toBe("No match in BanWatch's data as of 2026-11-28");
    expect(csv.toLowerCase()).not.toContain('safe');
  });

  it('explains a match: result, entry, why, confidence, rulings with citations and dates, for-you line, sources', () => {
    expect(parsed[6]).toEqual([
      '7', 'Quillcam', 'Restricted', 'Quillcam', 'Same as its name “Quillcam”', 'High', 'Rule equipment (EQUIPMENT 1; EQUIPMENT 2), since 2021-03-12',
      'For contractors: equipment', 'https://example.gov/equipment', 'Federal contractor', '2026.11.28', '2026-11-28',
    ]);
  });

  it('defuses formula injection: every cell starting with = + - @ or a tab is text', () => {
    const cells = parsed.slice(1, 6).map((l) => l[1]);
    expect(cells).toEqual([`'=HYPERLINK("http://evil.example","x")`, `'+1 555`, `'-2+3`, `'@SUM(A1)`, `'\tcmd`]);
    for (const line of parsed) for (const cell of line) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes the input\'s separator', () => {
    const semi = exportCsv(hostile, { msg, audience: 'consumer', version: 'v', asOf: 'd', columns: ['Supplier'], separator: ';' });
    const back = Papa.parse<string[]>(semi.trim(), { delimiter: ';' }).data;
    expect(back[7]![1]).toBe('Acme; Sons');
    expect(back[7]!.at(-3)).toBe('Consumer');
  });
});
