// What the popup answers when someone looks a name up, for every vendor and every
// not-restricted name in the bundled data, with the severity each audience sees on the review day
// (the popup shows vendorSeverity without a page, i.e. on the vendor's main domain). The table is
// written out by hand on purpose: a change in the data or the severity rules must be looked at.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import { vendorSeverity, type Audience } from '../../src/core/dataset/severity';
import { statusOn } from '../../src/core/dataset/status';
import { validateDataset } from '../../src/core/dataset/validate';
import { isRegistrableHost } from '../../src/core/dataset/registrable';
import { buildSearchIndex, search } from '../../src/core/search';

const DAY = '2026-11-30';
const index = buildSearchIndex({ dataset });
const top = (q: string) => search(index, q).hits[0];

// vendor id → [consumer, business, federal contractor], each "severity:headline ruling".
const EXPECTED: Record<string, [string, string, string]> = {
  kaspersky: ['prohibited:commerce-kaspersky-final-determination', 'prohibited:commerce-kaspersky-final-determination', 'prohibited:commerce-kaspersky-final-determination'],
  huawei: ['restricted:fcc-covered-list', 'restricted:fcc-covered-list', 'prohibited:ndaa-fy2019-sec-889'],
  zte: ['restricted:fcc-covered-list', 'restricted:fcc-covered-list', 'prohibited:ndaa-fy2019-sec-889'],
  hytera: ['restricted:fcc-covered-list', 'restricted:fcc-covered-list', 'prohibited:ndaa-fy2019-sec-889'],
  hikvision: ['restricted:fcc-covered-list', 'restricted:fcc-covered-list', 'prohibited:ndaa-fy2019-sec-889'],
  dahua: ['restricted:fcc-covered-list', 'restricted:fcc-covered-list', 'prohibited:ndaa-fy2019-sec-889'],
  // Carriers: their Covered List entries are services (a subsidy bar); their authority was revoked.
  'china-mobile-international-usa': ['restricted:fcc-section-214', 'restricted:fcc-covered-list', 'restricted:fcc-covered-list'],
  'china-telecom-americas': ['restricted:fcc-section-214', 'restricted:fcc-covered-list', 'restricted:fcc-covered-list'],
  'china-unicom-americas': ['restricted:fcc-section-214', 'restricted:fcc-covered-list', 'restricted:fcc-covered-list'],
  'pacific-networks-comnet': ['restricted:fcc-section-214', 'restricted:fcc-covered-list', 'restricted:fcc-covered-list'],
  // Drones: federal funds may not buy or operate them since December 22, 2025.
  dji: ['restricted:fcc-covered-list', 'restricted:fcc-covered-list', 'prohibited:american-security-drone-act'],
  'autel-robotics': ['restricted:fcc-covered-list', 'restricted:fcc-covered-list', 'prohibited:american-security-drone-act'],
  // Judged on tiktok.com: the divest-or-ban law is lifted there; the government-devices ban stays.
  bytedance: ['listed:no-tiktok-on-government-devices', 'restricted:no-tiktok-on-government-devices', 'prohibited:no-tiktok-on-government-devices'],
  // Intelligence-community systems only: not "prohibited" for every contractor.
  deepseek: ['listed:deepseek-measures', 'restricted:deepseek-measures', 'restricted:deepseek-measures'],
  // 1260H companies: section 805 binds only the Defense Department itself until June 30, 2027.
  tencent: ['listed:dod-1260h-list', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  catl: ['listed:dod-1260h-list', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  quectel: ['listed:dod-1260h-list', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  smic: ['listed:bis-entity-list', 'listed:bis-entity-list', 'listed:bis-entity-list'],
  ymtc: ['listed:dod-1260h-list', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  cxmt: ['listed:dod-1260h-list', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  inspur: ['listed:bis-entity-list', 'listed:bis-entity-list', 'listed:bis-entity-list'],
  sugon: ['listed:bis-entity-list', 'listed:bis-entity-list', 'listed:bis-entity-list'],
  iflytek: ['listed:bis-entity-list', 'listed:bis-entity-list', 'listed:bis-entity-list'],
  megvii: ['listed:bis-entity-list', 'listed:bis-entity-list', 'listed:bis-entity-list'],
  sensetime: ['listed:bis-entity-list', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  hesai: ['listed:dod-1260h-list', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  // Named in the June 2026 1260H list: never "not restricted".
  alibaba: ['listed:dod-1260h-list', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  baidu: ['listed:dod-1260h-list', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  byd: ['restricted:commerce-connected-vehicles', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
  nio: ['restricted:commerce-connected-vehicles', 'restricted:ndaa-fy2024-sec-805', 'restricted:ndaa-fy2024-sec-805'],
};
const AUDIENCE_COLUMNS: Audience[] = ['consumer', 'business', 'federal-contractor'];

describe('lookup answers for every vendor', () => {
  it('the table covers exactly the bundled vendors', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(dataset.vendors.map((v) => v.id).sort());
  });

  it.each(dataset.vendors.map((v) => [v.name, v.id] as const))('%s: found by name, with the severity each audience sees', (name, id) => {
    expect(top(name)).toMatchObject({ kind: 'vendor', id });
    const vendor = dataset.vendors.find((v) => v.id === id)!;
    const got = AUDIENCE_COLUMNS.map((a) => {
      const r = vendorSeverity(vendor, dataset, a, DAY);
      return r ? `${r.severity}:${r.headline.ruling.id}` : 'none';
    });
    expect(got).toEqual(EXPECTED[id]);
  });
});

/** Word-level mention, as a reader would see it. */
const names = (text: string, name: string) => new RegExp(`(^|[^a-z0-9])${name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9]|$)`).test(text.toLowerCase());

describe('not-restricted names', () => {
  it.each(dataset.notRestricted.map((n) => [n.name, n.id] as const))('%s is answered as not restricted', (name, id) => {
    expect(top(name)).toMatchObject({ kind: 'not-restricted', id });
  });

  it('no not-restricted name is a vendor name, or listed by any ruling in effect on the review day', () => {
    const live = dataset.rulings.filter((r) => !['proposed', 'paused', 'lifted', 'superseded'].includes(statusOn(r, DAY).state));
    const liveIds = new Set(live.map((r) => r.id));
    const texts = [
      ...live.flatMap((r) => [r.officialName, r.prohibits, ...r.phases.map((p) => p.change), ...(r.events ?? []).filter((e) => e.kind === 'listing').map((e) => e.title)]),
      ...dataset.vendors.flatMap((v) => v.rulings.filter((vr) => liveIds.has(vr.ruling)).flatMap((vr) => vr.entities ?? [])),
    ];
    const vendorNames = new Set(dataset.vendors.flatMap((v) => [v.name, ...v.aliases, ...v.legalNames].map((n) => n.toLowerCase())));
    for (const n of dataset.notRestricted) {
      for (const name of [n.name, ...n.aliases]) {
        expect(vendorNames.has(name.toLowerCase()), name).toBe(false);
        expect(texts.filter((t) => names(t, name)), name).toEqual([]);
      }
    }
  });

  it('the build refuses a not-restricted entry for a company a ruling names (positive control)', () => {
    const d = structuredClone(dataset);
    d.notRestricted.push({ id: 'nio-test', name: 'Example NIO Motors', aliases: ['NIO'], domains: [], reason: 'test', sources: [] });
    d.vendors = d.vendors.filter((v) => v.id !== 'nio');
    const errors = validateDataset(d, isRegistrableHost).errors;
    expect(errors).toContainEqual(expect.stringContaining('"NIO" is named by ruling "dod-1260h-list"'));
  });
});
