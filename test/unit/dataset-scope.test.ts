// Per-domain scope, per-entry effects and waivers: what a ruling reaches on one of a vendor's
// domains, and that relief never reads as a restriction.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import type { Ruling, Vendor } from '../../src/core/dataset/schema';
import { AUDIENCES, domainEntryFor, primaryDomain, severityFor, vendorSeverity } from '../../src/core/dataset/severity';
import { buildCatalog } from '../../src/core/catalog';
import { defaults as DEFAULT_SETTINGS } from '../../src/core/settings';
import { verdict } from '../../src/core/verdict';

const DAY = '2026-11-30';
const catalog = buildCatalog(dataset);
/** The warning a visit to `host` gets with the default settings, with every authority counted. */
const warningOn = (host: string) => {
  const v = verdict({ catalog, settings: DEFAULT_SETTINGS, today: DAY }, { host });
  if (v.kind !== 'vendor' || !v.explained) throw new Error(`no warning on ${host}`);
  return v.explained;
};
const vendor = (id: string): Vendor => dataset.vendors.find((v) => v.id === id)!;
const ruling = (id: string): Ruling => dataset.rulings.find((r) => r.id === id)!;
const ids = (v: Vendor, domain: string, audience: (typeof AUDIENCES)[number] = 'consumer') =>
  vendorSeverity(v, dataset, audience, DAY, undefined, domain)!.rulings.map((r) => r.ruling.id);

describe("Kaspersky's informational sites are outside the Final Determination", () => {
  const k = vendor('kaspersky');
  it('on securelist.com and kasperskydaily.com the Final Determination does not apply, with the reason', () => {
    for (const domain of ['securelist.com', 'kasperskydaily.com']) {
      const result = vendorSeverity(k, dataset, 'consumer', DAY, undefined, domain)!;
      expect(result.rulings.map((r) => r.ruling.id), domain).not.toContain('commerce-kaspersky-final-determination');
      expect(result.excludedOnDomain.map((x) => x.ruling.id), domain).toEqual(['commerce-kaspersky-final-determination']);
      expect(result.excludedOnDomain[0]!.note).toMatch(/informational/);
      expect(result.severity, domain).toBe('listed');
    }
  });
  it('on the storefronts it applies in full (positive control)', () => {
    for (const domain of ['kaspersky.com', 'kaspersky.fr', 'kaspersky.co.jp']) {
      const result = vendorSeverity(k, dataset, 'consumer', DAY, undefined, domain)!;
      expect(result.severity, domain).toBe('prohibited');
      expect(result.excludedOnDomain, domain).toEqual([]);
    }
  });
  it('a host under a scoped domain carries the scope; the most specific listed domain decides', () => {
    expect(domainEntryFor(k, 'www.securelist.com')?.domain).toBe('securelist.com');
    expect(domainEntryFor(k, 'example.org')).toBeUndefined();
  });
  it('the warning for a securelist.com page says which ruling does not reach it', () => {
    const w = warningOn('securelist.com');
    expect(w.severity).toBe('listed');
    expect(w.notOnThisDomain.map((x) => x.id)).toEqual(['commerce-kaspersky-final-determination']);
    const onStore = warningOn('usa.kaspersky.com');
    expect(onStore.severity).toBe('prohibited');
  });
  it('a cap below "none" lowers the severity and keeps the note', () => {
    const capped: Vendor = structuredClone(k);
    capped.domains.find((d) => d.domain === 'kaspersky.com')!.scope = [{ ruling: 'commerce-kaspersky-final-determination', maxSeverity: 'watch', note: 'test cap' }];
    const result = vendorSeverity(capped, dataset, 'consumer', DAY, undefined, 'kaspersky.com')!;
    const fd = result.rulings.find((r) => r.ruling.id === 'commerce-kaspersky-final-determination')!;
    expect(fd.severity).toBe('watch');
    expect(fd.domainNote).toBe('test cap');
  });
});

describe('ByteDance: the divestiture reaches the US TikTok app only', () => {
  const b = vendor('bytedance');
  it('lookups without a page are judged on the main domain (tiktok.com)', () => {
    expect(primaryDomain(b)).toBe('tiktok.com');
    expect(primaryDomain(b, 'douyin.com')).toBe('douyin.com');
  });
  it('the divest-or-ban law is gone on TikTok, CapCut and Lemon8 sites, and shown as paused elsewhere', () => {
    for (const domain of ['tiktok.com', 'capcut.com', 'lemon8-app.com']) expect(ids(b, domain), domain).not.toContain('pafaca');
    for (const domain of ['douyin.com', 'toutiao.com', 'larksuite.com']) {
      const result = vendorSeverity(b, dataset, 'consumer', DAY, undefined, domain)!;
      expect(result.rulings.find((r) => r.ruling.id === 'pafaca')?.severity, domain).toBe('watch');
    }
  });
  it('before January 22, 2026 it was paused on TikTok too', () => {
    const result = vendorSeverity(b, dataset, 'consumer', '2026-01-21', undefined, 'tiktok.com')!;
    expect(result.rulings.find((r) => r.ruling.id === 'pafaca')?.severity).toBe('watch');
  });
});

describe('FCC Covered List effects differ by entry', () => {
  it('software and services entries are a subsidy bar: listed for consumers, restricted for others', () => {
    for (const id of ['kaspersky', 'china-mobile-international-usa', 'china-telecom-americas', 'china-unicom-americas', 'pacific-networks-comnet']) {
      const vr = vendor(id).rulings.find((r) => r.ruling === 'fcc-covered-list')!;
      expect(vr.effect, id).toBe('subsidy-ban');
      expect(severityFor(ruling('fcc-covered-list'), 'consumer', DAY, { vendorRuling: vr }), id).toBe('listed');
      expect(severityFor(ruling('fcc-covered-list'), 'business', DAY, { vendorRuling: vr }), id).toBe('restricted');
      expect(vr.forYou?.consumer, id).not.toMatch(/device models/);
    }
  });
  it('equipment entries keep the equipment-authorization effect', () => {
    for (const id of ['huawei', 'hikvision', 'dji']) {
      const vr = vendor(id).rulings.find((r) => r.ruling === 'fcc-covered-list')!;
      expect(vr.effect, id).toBeUndefined();
      expect(severityFor(ruling('fcc-covered-list'), 'consumer', DAY, { vendorRuling: vr }), id).toBe('restricted');
    }
  });
  it("the warning uses the entry's own consumer text", () => {
    const w = warningOn('kaspersky.com');
    const covered = w.rulings.find((r) => r.id === 'fcc-covered-list')!;
    expect(covered.effect).toBe('subsidy-ban');
    expect(covered.forYou).toMatch(/subsidies/);
  });
});

describe('a waiver relaxes; it never reads as a restriction', () => {
  const waiver = ruling('fcc-oet-update-waiver-2026');
  it('has the relief effect and no severity for anyone, on any day', () => {
    expect(waiver.effect).toBe('relief');
    for (const audience of AUDIENCES) for (const day of ['2026-05-07', '2026-05-08', DAY]) expect(severityFor(waiver, audience, day)).toBeNull();
  });
  it('a vendor linked only to the waiver gets no warning', () => {
    const v: Vendor = { ...vendor('dji'), id: 'waiver-only', rulings: [{ ruling: 'fcc-oet-update-waiver-2026' }] };
    for (const audience of AUDIENCES) expect(vendorSeverity(v, dataset, audience, DAY)).toBeNull();
  });
  it('no bundled vendor is warned about a waiver', () => {
    for (const v of dataset.vendors) {
      for (const audience of AUDIENCES) {
        const effects = vendorSeverity(v, dataset, audience, DAY)?.rulings.map((r) => r.vendorRuling.effect ?? r.ruling.effect) ?? [];
        expect(effects, v.id).not.toContain('relief');
      }
    }
  });
});
