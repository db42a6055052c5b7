import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import type { Ruling, Vendor } from '../../src/core/dataset/schema';
import { AUDIENCES, SEVERITIES, compareSeverity, severityFor, vendorSeverity, vendorSignature } from '../../src/core/dataset/severity';

const DAY = '2026-11-28';
const vendor = (id: string): Vendor => {
  const v = dataset.vendors.find((x) => x.id === id);
  if (!v) throw new Error(`no vendor ${id}`);
  return v;
};
const ruling = (id: string): Ruling => {
  const r = dataset.rulings.find((x) => x.id === id);
  if (!r) throw new Error(`no ruling ${id}`);
  return r;
};
const sev = (id: string, audience: (typeof AUDIENCES)[number], date = DAY) => vendorSeverity(vendor(id), dataset, audience, date)?.severity ?? null;

describe('severity order', () => {
  it('ranks prohibited > restricted > listed > watch', () => {
    expect(SEVERITIES).toEqual(['prohibited', 'restricted', 'listed', 'watch']);
    expect(compareSeverity('prohibited', 'restricted')).toBeGreaterThan(0);
    expect(compareSeverity('listed', 'restricted')).toBeLessThan(0);
    expect(compareSeverity('watch', 'watch')).toBe(0);
    const shuffled = ['watch', 'prohibited', 'listed', 'restricted'] as const;
    expect([...shuffled].sort((a, b) => compareSeverity(b, a))).toEqual(SEVERITIES);
  });
});

describe('vendorSeverity on real vendors', () => {
  it('Kaspersky is prohibited for every audience, headed by the Commerce Final Determination', () => {
    for (const audience of AUDIENCES) {
      const result = vendorSeverity(vendor('kaspersky'), dataset, audience, DAY);
      expect(result?.severity, audience).toBe('prohibited');
      expect(result?.headline.ruling.id, audience).toBe('commerce-kaspersky-final-determination');
    }
  });

  it("among equally severe rulings, the vendor's own listing heads (Covered List, not the general FCC orders)", () => {
    for (const [id, since] of [['hikvision', '2021-03-12'], ['huawei', '2021-03-12'], ['zte', '2021-03-12']] as const) {
      const result = vendorSeverity(vendor(id), dataset, 'consumer', DAY)!;
      expect(result.headline.ruling.id, id).toBe('fcc-covered-list');
      expect(result.headline.vendorRuling.since, id).toBe(since);
    }
  });

  it('Kaspersky rulings are ranked by severity, then by most recent phase in force', () => {
    const consumer = vendorSeverity(vendor('kaspersky'), dataset, 'consumer', DAY)!;
    // The Covered List entry is for software and services: a subsidy bar, "listed" for consumers.
    expect(consumer.rulings.map((r) => [r.ruling.id, r.severity])).toEqual([
      ['commerce-kaspersky-final-determination', 'prohibited'],
      ['fcc-covered-list', 'listed'],
      ['bis-entity-list-kaspersky', 'listed'],
      ['ofac-kaspersky-executives', 'listed'],
      ['ndaa-fy2018-sec-1634', 'listed'],
    ]);
    // BOD 17-01 is superseded, so it never appears.
    expect(consumer.rulings.some((r) => r.ruling.id === 'dhs-bod-17-01')).toBe(false);
    const contractor = vendorSeverity(vendor('kaspersky'), dataset, 'federal-contractor', DAY)!;
    expect(contractor.rulings.slice(0, 2).map((r) => r.ruling.id)).toEqual(['commerce-kaspersky-final-determination', 'ndaa-fy2018-sec-1634']);
  });

  it('Huawei is restricted for consumers and businesses, prohibited for federal contractors', () => {
    expect(sev('huawei', 'consumer')).toBe('restricted');
    expect(sev('huawei', 'business')).toBe('restricted');
    expect(sev('huawei', 'federal-contractor')).toBe('prohibited');
    expect(sev('huawei', 'everything')).toBe('prohibited');
  });

  it('an Entity-List-only vendor (iFlytek) is listed for every audience', () => {
    for (const audience of AUDIENCES) expect(sev('iflytek', audience), audience).toBe('listed');
  });

  it('ByteDance: the divest-or-ban law is lifted; only the government-devices ban remains', () => {
    const consumer = vendorSeverity(vendor('bytedance'), dataset, 'consumer', DAY)!;
    expect(consumer.severity).toBe('listed');
    expect(consumer.rulings.map((r) => r.ruling.id)).toEqual(['no-tiktok-on-government-devices']);
    expect(sev('bytedance', 'federal-contractor')).toBe('prohibited');
  });

  it('a vendor listing dated after the day does not apply yet', () => {
    // DJI joined the Covered List on 2025-12-22 but was on the Entity List since 2020.
    const before = vendorSeverity(vendor('dji'), dataset, 'consumer', '2025-12-21')!;
    expect(before.rulings.some((r) => r.ruling.id === 'fcc-covered-list')).toBe(false);
    expect(before.severity).toBe('listed');
    expect(sev('dji', 'consumer', '2025-12-22')).toBe('restricted');
  });

  it('upcoming-only rulings read as watch', () => {
    // Tencent: 1260H designation (listed) and section 805 (upcoming before 2026-06-30).
    const early = vendorSeverity(vendor('tencent'), dataset, 'federal-contractor', '2026-06-29')!;
    expect(early.severity).toBe('listed');
    expect(early.rulings.find((r) => r.ruling.id === 'ndaa-fy2024-sec-805')?.severity).toBe('watch');
    // Section 805 binds the Defense Department itself from 2026-06-30, its supply chain from 2027-06-30.
    expect(sev('tencent', 'federal-contractor', '2026-06-30')).toBe('restricted');
    expect(sev('tencent', 'federal-contractor', '2027-06-29')).toBe('restricted');
    expect(sev('tencent', 'federal-contractor', '2027-06-30')).toBe('prohibited');
    expect(sev('tencent', 'consumer', '2026-06-30')).toBe('listed');
    expect(sev('tencent', 'consumer', '2027-06-30')).toBe('listed');
  });

  it('honours the enabled authorities', () => {
    expect(vendorSeverity(vendor('kaspersky'), dataset, 'consumer', DAY, ['fcc'])?.severity).toBe('listed');
    expect(vendorSeverity(vendor('kaspersky'), dataset, 'business', DAY, ['fcc'])?.severity).toBe('restricted');
    expect(vendorSeverity(vendor('iflytek'), dataset, 'consumer', DAY, ['fcc', 'congress'])).toBeNull();
  });

  it('returns null before the vendor is listed, and watch while its only ruling is upcoming', () => {
    expect(vendorSeverity(vendor('iflytek'), dataset, 'consumer', '2019-10-08')).toBeNull();
    expect(sev('iflytek', 'consumer', '2019-10-09')).toBe('listed');
    expect(sev('deepseek', 'federal-contractor', '2025-12-17')).toBe('watch');
    // Section 6604 binds intelligence-community systems, not every federal contractor.
    expect(sev('deepseek', 'federal-contractor', '2025-12-18')).toBe('restricted');
    expect(sev('deepseek', 'everything', '2025-12-18')).toBe('prohibited');
  });
});

describe('section 889 only', () => {
  const only889: Vendor = { ...vendor('zte'), id: 'only-889', domains: [], rulings: [{ ruling: 'ndaa-fy2019-sec-889' }] };
  it('is listed for consumers, restricted for businesses, prohibited for federal contractors', () => {
    expect(vendorSeverity(only889, dataset, 'consumer', DAY)?.severity).toBe('listed');
    expect(vendorSeverity(only889, dataset, 'business', DAY)?.severity).toBe('restricted');
    expect(vendorSeverity(only889, dataset, 'federal-contractor', DAY)?.severity).toBe('prohibited');
    expect(vendorSeverity(only889, dataset, 'everything', DAY)?.severity).toBe('prohibited');
  });
  it('matches ZTE when only Congress is enabled', () => {
    expect(vendorSeverity(vendor('zte'), dataset, 'consumer', DAY, ['congress'])?.severity).toBe('listed');
    expect(vendorSeverity(vendor('zte'), dataset, 'business', DAY, ['congress'])?.severity).toBe('restricted');
  });
});

describe('severityFor on special states', () => {
  it('TP-Link is not a restricted vendor; its paused proposal is only watch', () => {
    expect(dataset.vendors.some((v) => v.id === 'tp-link')).toBe(false);
    expect(dataset.notRestricted.some((n) => n.id === 'tp-link')).toBe(true);
    for (const audience of AUDIENCES) expect(severityFor(ruling('tp-link-proposed-ban'), audience, DAY)).toBe('watch');
  });
  it('a paused ruling is watch even when its binds include the audience', () => {
    const paused: Ruling = { ...ruling('commerce-kaspersky-final-determination'), status: { value: 'paused', asOf: DAY } };
    expect(severityFor(paused, 'consumer', DAY)).toBe('watch');
  });
  it('proposed and litigation-pending are watch', () => {
    for (const value of ['proposed', 'litigation-pending'] as const) {
      expect(severityFor({ ...ruling('fcc-covered-list'), status: { value, asOf: DAY } }, 'business', DAY)).toBe('watch');
    }
  });
  it('lifted and superseded rulings give null', () => {
    const tiktok = vendor('bytedance').rulings.find((r) => r.ruling === 'pafaca')!;
    for (const audience of AUDIENCES) {
      expect(severityFor(ruling('pafaca'), audience, DAY, { vendorRuling: tiktok, domain: 'tiktok.com' })).toBeNull();
      expect(severityFor(ruling('dhs-bod-17-01'), audience, DAY)).toBeNull();
    }
  });
  it('export, investment, individual sanctions and designations are always listed', () => {
    for (const id of ['bis-entity-list', 'ofac-ns-cmic', 'ofac-kaspersky-executives', 'dod-1260h-list']) {
      for (const audience of AUDIENCES) expect(severityFor(ruling(id), audience, DAY), `${id} ${audience}`).toBe('listed');
    }
  });
});

describe('vendorSignature', () => {
  it('is stable and short', () => {
    const a = vendorSignature(vendor('kaspersky'), dataset.rulings);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(vendorSignature(structuredClone(vendor('kaspersky')), structuredClone(dataset.rulings))).toBe(a);
    expect(vendorSignature(vendor('kaspersky'), [...dataset.rulings].reverse())).toBe(a);
  });
  it('changes when the vendor or a referenced ruling changes, not when an unrelated ruling does', () => {
    const base = vendorSignature(vendor('kaspersky'), dataset.rulings);
    const v = structuredClone(vendor('kaspersky'));
    v.aliases.push('Kaspersky Something');
    expect(vendorSignature(v, dataset.rulings)).not.toBe(base);
    const rulings = structuredClone(dataset.rulings);
    rulings.find((r) => r.id === 'commerce-kaspersky-final-determination')!.summary += ' Updated.';
    expect(vendorSignature(vendor('kaspersky'), rulings)).not.toBe(base);
    const unrelated = structuredClone(dataset.rulings);
    unrelated.find((r) => r.id === 'pafaca')!.summary += ' Updated.';
    expect(vendorSignature(vendor('kaspersky'), unrelated)).toBe(base);
  });
});
