// The rows the screening worker sends the page: after a structured clone (what postMessage does)
// they are the rows the screener made, and rows naming the same entry share one verdict object.
import { describe, expect, it } from 'vitest';
import { createScreener } from '../../src/core/screen/screen';
import { entryKey, fromWire, toWire } from '../../src/core/screen/wire';
import type { Verdict } from '../../src/core/screen/verdict';
import { testData } from './screen-data';

const screener = createScreener({ dataset: testData }, { audience: 'federal-contractor', today: '2026-12-01' });
const rows = ['Zorvex', 'zorvex.example', 'Quilcam', 'Acme Bakery', ''].map((n, i) => screener.row({ row: i + 2, cells: [n, 'x'] }, [0]));

describe('worker wire format', () => {
  it('gives back the rows the screener made, after a structured clone', () => {
    const verdicts = new Map<string, Verdict>();
    for (const r of rows) if (r.match) verdicts.set(entryKey(r.match.verdict), r.match.verdict);
    const cloned = structuredClone({ rows: rows.map(toWire), verdicts: [...verdicts] });
    const back = cloned.rows.map((w) => fromWire(w, new Map(cloned.verdicts)));
    expect(back).toEqual(rows);
    expect(rows.filter((r) => r.match).length).toBeGreaterThanOrEqual(3);
    expect(back.filter((r) => !r.match).map((r) => r.row)).toEqual(rows.filter((r) => !r.match).map((r) => r.row));
  });

  it('sends a verdict by its entry, not inside every row, and shares it between rows', () => {
    const wire = toWire(rows[0]!);
    expect(wire.match).not.toHaveProperty('verdict');
    const v = rows[0]!.match!.verdict;
    const map = new Map([[entryKey(v), structuredClone(v)]]);
    const a = fromWire(structuredClone(toWire(rows[0]!)), map);
    const b = fromWire(structuredClone(toWire(rows[1]!)), map);
    expect(rows[1]!.match!.verdict.id).toBe(v.id);
    expect(a.match!.verdict).toBe(b.match!.verdict);
  });

  it('refuses a row naming an entry the worker did not send', () => {
    expect(() => fromWire(toWire(rows[0]!), new Map())).toThrow(/did not send/);
  });
});
