// Runs every case in test/fixtures/match-cases.json (shared with the end-to-end suite) against
// the real bundled dataset. `expect` is the vendor id a warning should name, or null for no
// warning (not restricted, reported link only, excluded, not a web page, or simply not listed).
import { describe, expect, it } from 'vitest';
import cases from '../fixtures/match-cases.json';
import { dataset } from '../../src/core/dataset';
import { buildMatchIndex, matchUrl } from '../../src/core/match';

interface MatchCase {
  url: string;
  expect: string | null;
  note: string;
}

const all = cases as MatchCase[];
const index = buildMatchIndex(dataset);

describe('match fixtures', () => {
  it('has at least 60 cases, each with a note', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const c of all) expect(c.note.length, c.url).toBeGreaterThan(0);
  });

  it('names only vendors that exist in the dataset', () => {
    const ids = new Set(dataset.vendors.map((v) => v.id));
    for (const c of all) if (c.expect !== null) expect(ids.has(c.expect), `${c.url} expects unknown vendor ${c.expect}`).toBe(true);
  });

  it('indexes the bundled data without warnings', () => {
    expect(index.warnings).toEqual([]);
  });

  it.each(all.map((c) => [c.url, c.expect, c.note] as const))('%s → %s (%s)', (url, expected) => {
    const result = matchUrl(url, index);
    expect(result?.kind === 'vendor' ? result.vendorId : null).toBe(expected);
  });
});
