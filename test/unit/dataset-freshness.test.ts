// How fresh the data says it is: the headline is the oldest verification date, a ruling is stale
// after 180 days, and the data report prints both.
import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { dataset } from '../../src/core/dataset';
import { STALE_AFTER_DAYS, daysSinceVerified, isStale, reviewedThrough } from '../../src/core/dataset/freshness';
import { dataReport } from '../../scripts/data-report';

describe('reviewedThrough', () => {
  it('is the oldest lastVerified, not the review or build date', () => {
    const oldest = dataset.rulings.map((r) => r.lastVerified).sort()[0];
    expect(reviewedThrough(dataset)).toBe(oldest);
    expect(reviewedThrough(dataset)! < dataset.meta.reviewedOn).toBe(true);
    const one = { rulings: [{ lastVerified: '2026-06-26' }, { lastVerified: '2025-01-01' }, { lastVerified: '2026-04-30' }] };
    expect(reviewedThrough(one as never)).toBe('2025-01-01');
  });
  it('every bundled ruling says when it was last verified, no later than the review day', () => {
    for (const r of dataset.rulings) {
      expect(r.lastVerified, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.lastVerified <= dataset.meta.reviewedOn, r.id).toBe(true);
    }
  });
});

describe('isStale', () => {
  const r = { lastVerified: '2026-06-03' };
  it(`turns stale after ${STALE_AFTER_DAYS} days`, () => {
    expect(daysSinceVerified(r, '2026-11-30')).toBe(180);
    expect(isStale(r, '2026-11-30')).toBe(false);
    expect(isStale(r, '2026-12-01')).toBe(true);
  });
  it('does not judge a ruling without a date (an organisation ruling)', () => {
    expect(daysSinceVerified({}, '2030-01-01')).toBeNull();
    expect(isStale({}, '2030-01-01')).toBe(false);
  });
  it('on the review day the FAR-based and drone-challenge rulings are the stale ones', () => {
    const stale = dataset.rulings.filter((r) => isStale(r, '2026-11-30')).map((r) => r.id).sort();
    expect(stale).toEqual(['ndaa-fy2018-sec-1634', 'ndaa-fy2019-sec-889', 'ndaa-fy2025-sec-1709']);
  });
});

describe('npm run data:report', () => {
  it('prints the headline, per-ruling freshness and sources, open questions and per-vendor domain evidence', () => {
    const report = dataReport(raw, '2026-11-30');
    expect(report).toContain(`reviewed through ${reviewedThrough(dataset)} (oldest lastVerified)`);
    expect(report).toMatch(/ndaa-fy2018-sec-1634\n    last verified 2026-04-30 \(214 days ago\)  STALE; primary sources \d+ \(\d+ read\)/);
    expect(report).toMatch(/open: Affiliates Rule after November 9, 2026: unknown/);
    expect(report).toMatch(/kaspersky\s+5 \/ 13/);
    expect(report).toMatch(/china-mobile-international-usa\s+0 \/ 0\s+\(no domain: name matches only\)/);
  });
  it('reports invalid data instead of a summary', () => {
    const bad = structuredClone(raw) as { rulings: { lastVerified?: string }[] };
    delete bad.rulings[0]!.lastVerified;
    expect(dataReport(bad, '2026-11-30')).toMatch(/^INVALID dataset:\n  rulings\.0\.lastVerified/);
  });
});
