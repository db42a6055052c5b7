import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import { statusOn } from '../../src/core/dataset/status';

const ruling = (id: string) => {
  const r = dataset.rulings.find((x) => x.id === id);
  if (!r) throw new Error(`no ruling ${id}`);
  return r;
};

function shift(day: string, by: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + by);
  return t.toISOString().slice(0, 10);
}

type Expect = { state: string; inForce: number; next?: string };

/** For each boundary: [phase date, status the day before, on the day, the day after]. */
const boundaries: Array<[string, string, Expect, Expect, Expect]> = [
  // Kaspersky Final Determination: two phases.
  ['commerce-kaspersky-final-determination', '2024-07-20',
    { state: 'upcoming', inForce: 0, next: '2024-07-20' },
    { state: 'partly-in-force', inForce: 1, next: '2024-09-29' },
    { state: 'partly-in-force', inForce: 1, next: '2024-09-29' }],
  ['commerce-kaspersky-final-determination', '2024-09-29',
    { state: 'partly-in-force', inForce: 1, next: '2024-09-29' },
    { state: 'in-force', inForce: 2 },
    { state: 'in-force', inForce: 2 }],
  // Section 889: Part A then Part B.
  ['ndaa-fy2019-sec-889', '2019-08-13',
    { state: 'upcoming', inForce: 0, next: '2019-08-13' },
    { state: 'partly-in-force', inForce: 1, next: '2020-08-13' },
    { state: 'partly-in-force', inForce: 1, next: '2020-08-13' }],
  ['ndaa-fy2019-sec-889', '2020-08-13',
    { state: 'partly-in-force', inForce: 1, next: '2020-08-13' },
    { state: 'in-force', inForce: 2 },
    { state: 'in-force', inForce: 2 }],
  // Section 805: DoD contracting bans in 2026 and 2027.
  ['ndaa-fy2024-sec-805', '2026-06-30',
    { state: 'upcoming', inForce: 0, next: '2026-06-30' },
    { state: 'partly-in-force', inForce: 1, next: '2027-06-30' },
    { state: 'partly-in-force', inForce: 1, next: '2027-06-30' }],
  ['ndaa-fy2024-sec-805', '2027-06-30',
    { state: 'partly-in-force', inForce: 1, next: '2027-06-30' },
    { state: 'in-force', inForce: 2 },
    { state: 'in-force', inForce: 2 }],
  // Connected vehicles: rule effective, then the hardware date for units without a model year.
  ['commerce-connected-vehicles', '2025-03-17',
    { state: 'upcoming', inForce: 0, next: '2025-03-17' },
    { state: 'partly-in-force', inForce: 1, next: '2029-01-01' },
    { state: 'partly-in-force', inForce: 1, next: '2029-01-01' }],
  ['commerce-connected-vehicles', '2029-01-01',
    { state: 'partly-in-force', inForce: 1, next: '2029-01-01' },
    { state: 'in-force', inForce: 2 },
    { state: 'in-force', inForce: 2 }],
  // FCC foreign-drone category: listing, then the end of the January 2026 exemption (the
  // exemption itself is a waiver event, not a phase).
  ['fcc-covered-list-foreign-uas', '2025-12-22',
    { state: 'upcoming', inForce: 0, next: '2025-12-22' },
    { state: 'partly-in-force', inForce: 1, next: '2027-01-01' },
    { state: 'partly-in-force', inForce: 1, next: '2027-01-01' }],
  ['fcc-covered-list-foreign-uas', '2027-01-01',
    { state: 'partly-in-force', inForce: 1, next: '2027-01-01' },
    { state: 'in-force', inForce: 2 },
    { state: 'in-force', inForce: 2 }],
  // Single-phase rulings.
  ['fcc-covered-list-foreign-routers', '2026-03-23',
    { state: 'upcoming', inForce: 0, next: '2026-03-23' },
    { state: 'in-force', inForce: 1 },
    { state: 'in-force', inForce: 1 }],
  ['bis-entity-list-kaspersky', '2024-06-24',
    { state: 'upcoming', inForce: 0, next: '2024-06-24' },
    { state: 'in-force', inForce: 1 },
    { state: 'in-force', inForce: 1 }],
];

describe('statusOn around phase boundaries', () => {
  for (const [id, day, before, on, after] of boundaries) {
    it(`${id} around ${day}`, () => {
      const r = ruling(id);
      for (const [date, want] of [[shift(day, -1), before], [day, on], [shift(day, 1), after]] as const) {
        const s = statusOn(r, date);
        expect(s.state, date).toBe(want.state);
        expect(s.inForce.length, date).toBe(want.inForce);
        expect(s.inForce.length + s.upcoming.length).toBe(r.phases.length);
        expect(s.next?.date, date).toBe(want.next);
      }
    });
  }
});

describe('daysToNext', () => {
  it('counts calendar days to the next phase', () => {
    const r = ruling('commerce-kaspersky-final-determination');
    expect(statusOn(r, '2024-07-19').daysToNext).toBe(1);
    expect(statusOn(r, '2024-07-20').daysToNext).toBe(71);
    expect(statusOn(r, '2024-09-29').daysToNext).toBeUndefined();
    expect(statusOn(ruling('ndaa-fy2024-sec-805'), '2026-11-28').daysToNext).toBe(214);
  });
});

describe('reviewer-set states are kept when no dated event decides', () => {
  it('keeps a sticky status.value (organisation rulings without events)', () => {
    const r = { ...ruling('ndaa-fy2019-sec-889'), events: [], status: { value: 'lifted' as const, asOf: '2026-06-30' } };
    expect(statusOn(r, '2019-01-01').state).toBe('lifted');
    expect(statusOn(r, '2026-11-28').state).toBe('lifted');
  });
  it('recomputes in-force, partly-in-force and upcoming from the phases', () => {
    const r = { ...ruling('ndaa-fy2024-sec-805'), status: { value: 'in-force' as const, asOf: '2026-06-30' } };
    expect(statusOn(r, '2026-07-01').state).toBe('partly-in-force');
  });
  it('orders phases even if given out of order', () => {
    const r = ruling('commerce-kaspersky-final-determination');
    const s = statusOn({ ...r, phases: [...r.phases].reverse() }, '2024-08-01');
    expect(s.inForce[0]?.date).toBe('2024-07-20');
    expect(s.next?.date).toBe('2024-09-29');
  });
});
