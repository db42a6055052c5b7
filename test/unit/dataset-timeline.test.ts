// Dated events and per-entry phases: statusOn must answer correctly on either side of every
// boundary the November 2026 review added (pauses, divestitures, supersession, sunsets, per-entry
// subsidy bars, per-phase binds), and the timeline must list them in order.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import type { Ruling, Vendor } from '../../src/core/dataset/schema';
import { bindsOn, eventApplies, statusOn } from '../../src/core/dataset/status';
import { addDays } from '../../src/core/dates';
import { timelineFor } from '../../src/core/dataset/timeline';

const ruling = (id: string): Ruling => dataset.rulings.find((r) => r.id === id) ?? (() => { throw new Error(id); })();
const vendor = (id: string): Vendor => dataset.vendors.find((v) => v.id === id) ?? (() => { throw new Error(id); })();
const entry = (vid: string, rid: string) => vendor(vid).rulings.find((r) => r.ruling === rid)!;

/** [day before, day, day after] states. */
function around(day: string, at: (date: string) => string): [string, string, string] {
  return [at(addDays(day, -1)), at(day), at(addDays(day, 1))];
}

describe('PAFACA: enforcement pause, then a divestiture limited to the US TikTok app', () => {
  const r = ruling('pafaca');
  const tiktok = entry('bytedance', 'pafaca');
  it('is upcoming, then in force on January 19, 2025, then paused from January 20, 2025', () => {
    expect(around('2025-01-19', (d) => statusOn(r, d).state)).toEqual(['upcoming', 'in-force', 'paused']);
    expect(statusOn(r, '2025-01-20').decidedBy?.kind).toBe('enforcement-pause');
  });
  it('is lifted from January 22, 2026 on TikTok, CapCut and Lemon8 domains and their hosts', () => {
    for (const domain of ['tiktok.com', 'www.tiktok.com', 'capcut.com', 'lemon8-app.com']) {
      expect(around('2026-01-22', (d) => statusOn(r, d, { vendorRuling: tiktok, domain }).state), domain).toEqual(['paused', 'lifted', 'lifted']);
    }
  });
  it('stays paused on other ByteDance services, and without a domain', () => {
    for (const domain of ['douyin.com', 'larksuite.com', 'bytedance.com']) {
      expect(statusOn(r, '2026-11-30', { vendorRuling: tiktok, domain }).state, domain).toBe('paused');
    }
    expect(statusOn(r, '2026-11-30', { vendorRuling: tiktok }).state).toBe('paused');
  });
});

describe('supersession and sunset are dated', () => {
  it('BOD 17-01 is in force until the statutory ban takes over on October 1, 2018', () => {
    expect(around('2018-10-01', (d) => statusOn(ruling('dhs-bod-17-01'), d).state)).toEqual(['in-force', 'superseded', 'superseded']);
  });
  it('the American Security Drone Act phases in, then expires on December 22, 2028', () => {
    const r = ruling('american-security-drone-act');
    expect(around('2025-12-22', (d) => statusOn(r, d).state)).toEqual(['partly-in-force', 'in-force', 'in-force']);
    expect(around('2028-12-22', (d) => statusOn(r, d).state)).toEqual(['in-force', 'lifted', 'lifted']);
  });
  it('the TP-Link proposal is proposed from October 30, 2025 and paused from February 13, 2026', () => {
    const r = ruling('tp-link-proposed-ban');
    expect(around('2025-10-30', (d) => statusOn(r, d).state)).toEqual(['upcoming', 'proposed', 'proposed']);
    expect(around('2026-02-13', (d) => statusOn(r, d).state)).toEqual(['proposed', 'paused', 'paused']);
  });
  it('a reinstatement ("in-force" event) hands the state back to the phases', () => {
    const r: Ruling = {
      ...ruling('commerce-kaspersky-final-determination'),
      events: [
        { date: '2024-08-01', kind: 'court-decision', title: 'stayed', status: 'paused' },
        { date: '2024-10-01', kind: 'court-decision', title: 'stay lifted', status: 'in-force' },
      ],
    };
    expect(statusOn(r, '2024-07-31').state).toBe('partly-in-force');
    expect(statusOn(r, '2024-08-01').state).toBe('paused');
    expect(statusOn(r, '2024-09-30').state).toBe('paused');
    expect(statusOn(r, '2024-10-01').state).toBe('in-force');
  });
  it('events without a status (court decisions, waivers, listings) change nothing', () => {
    const r = ruling('fcc-equipment-authorization');
    expect(statusOn(r, '2024-04-02').state).toBe(statusOn(r, '2024-04-01').state);
    const uas = ruling('fcc-covered-list-foreign-uas');
    expect(statusOn(uas, '2026-01-07').state).toBe('partly-in-force');
    expect(statusOn(uas, '2026-05-08').state).toBe('partly-in-force');
  });
});

describe('FCC Covered List: each entry has its own dates', () => {
  const r = ruling('fcc-covered-list');
  it('the subsidy bar starts 60 days after listing (47 U.S.C. 1602(a)(2))', () => {
    const cases: [string, string][] = [['huawei', '2021-05-11'], ['kaspersky', '2022-05-24'], ['china-unicom-americas', '2022-11-19'], ['dji', '2026-02-20']];
    for (const [vid, bar] of cases) {
      const vr = entry(vid, 'fcc-covered-list');
      expect(addDays(vr.since!, 60), vid).toBe(bar);
      const phase = vr.phases!.find((p) => p.change.includes('subsid'))!;
      expect(phase.date, vid).toBe(bar);
    }
  });
  it('Kaspersky (software and services) is upcoming until its subsidy bar, then in force', () => {
    const vr = entry('kaspersky', 'fcc-covered-list');
    expect(around('2022-05-24', (d) => statusOn(r, d, { vendorRuling: vr }).state)).toEqual(['upcoming', 'in-force', 'in-force']);
  });
  it('Huawei: subsidy bar in 2021, then the authorization ban in 2023', () => {
    const vr = entry('huawei', 'fcc-covered-list');
    expect(around('2021-05-11', (d) => statusOn(r, d, { vendorRuling: vr }).state)).toEqual(['upcoming', 'partly-in-force', 'partly-in-force']);
    expect(around('2023-02-06', (d) => statusOn(r, d, { vendorRuling: vr }).state)).toEqual(['partly-in-force', 'in-force', 'in-force']);
  });
  it('the June 2026 notice adds an import-and-marketing phase for the five 2021 entries only', () => {
    const ea = ruling('fcc-equipment-authorization');
    for (const vid of ['huawei', 'zte', 'hytera', 'hikvision', 'dahua']) {
      const vr = entry(vid, 'fcc-equipment-authorization');
      const phase = vr.phases!.at(-1)!;
      expect(phase.date, vid).toBe('2026-07-06');
      expect(phase.approximate, vid).toBe(true);
      expect(around('2026-07-06', (d) => statusOn(ea, d, { vendorRuling: vr }).state), vid).toEqual(['partly-in-force', 'in-force', 'in-force']);
    }
    expect(entry('dji', 'fcc-equipment-authorization').phases).toBeUndefined();
  });
});

describe('NS-CMIC: purchases barred 60 days after listing', () => {
  it('DJI (listed December 16, 2021) is upcoming until February 14, 2022', () => {
    const vr = entry('dji', 'ofac-ns-cmic');
    expect(around('2022-02-14', (d) => statusOn(ruling('ofac-ns-cmic'), d, { vendorRuling: vr }).state)).toEqual(['upcoming', 'in-force', 'in-force']);
  });
  it('SenseTime (listed December 10, 2021) from February 8, 2022', () => {
    const vr = entry('sensetime', 'ofac-ns-cmic');
    expect(statusOn(ruling('ofac-ns-cmic'), '2022-02-07', { vendorRuling: vr }).state).toBe('upcoming');
    expect(statusOn(ruling('ofac-ns-cmic'), '2022-02-08', { vendorRuling: vr }).state).toBe('in-force');
  });
});

describe('section 805: who is bound changes on June 30, 2027', () => {
  const r = ruling('ndaa-fy2024-sec-805');
  it('binds the Defense Department itself first, then its supply chain', () => {
    expect(bindsOn(r, '2026-06-30')).toEqual(['defense-department']);
    expect(bindsOn(r, '2027-06-29')).toEqual(['defense-department']);
    expect(bindsOn(r, '2027-06-30')).toEqual(['dod-contractors']);
  });
});

describe('eventApplies', () => {
  const ev = { date: '2026-01-22', kind: 'divestiture' as const, title: 't', domains: ['tiktok.com'] };
  it('matches the domain and hosts under it, not look-alikes', () => {
    expect(eventApplies(ev, 'tiktok.com')).toBe(true);
    expect(eventApplies(ev, 'm.tiktok.com')).toBe(true);
    expect(eventApplies(ev, 'nottiktok.com')).toBe(false);
    expect(eventApplies(ev, undefined)).toBe(false);
    expect(eventApplies({ ...ev, domains: undefined }, undefined)).toBe(true);
  });
});

describe('timelineFor', () => {
  it('merges phases and events in date order, marking what has happened', () => {
    const t = timelineFor(ruling('pafaca'), '2026-11-30', entry('bytedance', 'pafaca'));
    const dates = t.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(t.map((e) => e.kind)).toEqual(['enacted', 'court-decision', 'phase', 'enforcement-pause', 'enforcement-pause', 'enforcement-pause', 'enforcement-pause', 'notice', 'divestiture']);
    const divestiture = t.at(-1)!;
    expect(divestiture).toMatchObject({ status: 'lifted', vendorSpecific: true, past: true });
    expect(divestiture.domains).toContain('tiktok.com');
  });
  it('shows future entries as not yet past, and approximate dates as such', () => {
    const t = timelineFor(ruling('american-security-drone-act'), '2026-11-30');
    expect(t.find((e) => e.kind === 'sunset')).toMatchObject({ date: '2028-12-22', past: false, status: 'lifted' });
    const hik = timelineFor(ruling('fcc-equipment-authorization'), '2026-11-30', entry('hikvision', 'fcc-equipment-authorization'));
    expect(hik.find((e) => e.date === '2026-07-06')).toMatchObject({ kind: 'phase', approximate: true, vendorSpecific: true });
    expect(hik.some((e) => e.kind === 'court-decision' && e.date === '2024-04-02')).toBe(true);
  });
  it('uses the vendor entry\'s own phases instead of the ruling\'s', () => {
    const t = timelineFor(ruling('fcc-covered-list'), '2026-11-30', entry('kaspersky', 'fcc-covered-list'));
    expect(t.filter((e) => e.kind === 'phase').map((e) => e.date)).toEqual(['2022-05-24']);
  });
});
