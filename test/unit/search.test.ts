// The popup's lookup (src/core/search.ts) against the real bundled dataset: ranking, typo
// tolerance, prefixes, brand names, domains and pasted URLs, honest answers for names that are
// not restricted, and reported links.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import type { Vendor } from '../../src/core/dataset/schema';
import { buildSearchIndex, search, type SearchHit } from '../../src/core/search';

const index = buildSearchIndex({ dataset });
const hits = (q: string): SearchHit[] => search(index, q).hits;
const top = (q: string): SearchHit | undefined => hits(q)[0];
const ids = (q: string): string[] => hits(q).map((h) => h.id);

describe('lookup: names', () => {
  it.each([
    ['Kaspersky', 'kaspersky'],
    ['kaspersky', 'kaspersky'],
    ['HIKVISION', 'hikvision'],
    ['Huawei', 'huawei'],
    ['DJI', 'dji'],
    ['ZTE', 'zte'],
    ['TikTok', 'bytedance'],
    ['DeepSeek', 'deepseek'],
  ])('%s → %s first', (q, id) => {
    expect(top(q)?.id).toBe(id);
    expect(top(q)?.kind).toBe('vendor');
  });

  it('finds vendors by legal name', () => {
    expect(top('Hangzhou Hikvision Digital Technology')?.id).toBe('hikvision');
    expect(top('Zhejiang Dahua')?.id).toBe('dahua');
    expect(top('Yangtze Memory')?.id).toBe('ymtc');
    expect(top('Shenzhen Da-Jiang Innovations')).toMatchObject({ id: 'dji', matched: { field: 'legal-name' } });
  });

  it('finds vendors by brand and product name and says which name matched', () => {
    expect(top('EZVIZ')).toMatchObject({ id: 'hikvision', matched: { field: 'alias', text: 'EZVIZ' } });
    expect(top('Kaspersky Premium')).toMatchObject({ id: 'kaspersky', matched: { field: 'alias', text: 'Kaspersky Premium' } });
    expect(top('Mavic')).toMatchObject({ id: 'dji', matched: { field: 'alias' } });
    expect(top('Imou')?.id).toBe('dahua');
    expect(top('WeChat')?.id).toBe('tencent');
    expect(top('CapCut')?.id).toBe('bytedance');
    expect(top('Face++')?.id).toBe('megvii');
  });

  it('matches compound names written apart or together', () => {
    expect(top('hik connect')?.id).toBe('hikvision');
    expect(top('hikconnect')?.id).toBe('hikvision');
    expect(top('tplink')?.id).toBe('tp-link');
  });

  it('is case- and accent-insensitive', () => {
    expect(top('hÏkvísion')?.id).toBe('hikvision');
    expect(top('  kaspersky  ')?.id).toBe('kaspersky');
  });
});

describe('lookup: typos and prefixes', () => {
  it.each([
    ['hikvison', 'hikvision'],
    ['hikvisoin', 'hikvision'],
    ['kasperski', 'kaspersky'],
    ['kaspresky', 'kaspersky'],
    ['kasprsky', 'kaspersky'],
    ['huawai', 'huawei'],
    ['deepsek', 'deepseek'],
    ['dahau', 'dahua'],
    ['sensetim', 'sensetime'],
  ])('typo %s → %s first', (q, id) => {
    expect(top(q)?.id).toBe(id);
  });

  it.each([
    ['hikv', 'hikvision'],
    ['kasp', 'kaspersky'],
    ['huaw', 'huawei'],
    ['deeps', 'deepseek'],
    ['kaspersky prem', 'kaspersky'],
  ])('prefix %s → %s first', (q, id) => {
    expect(top(q)?.id).toBe(id);
  });

  it('ranks an exact name above prefix and fuzzy matches', () => {
    // "Kasa" is a TP-Link brand (not restricted); "kasa" must not be answered with Kaspersky first.
    expect(top('Kasa')?.id).toBe('tp-link');
    expect(ids('kas').slice(0, 2)).toEqual(['kaspersky', 'tp-link']);
    expect(top('hon')).toMatchObject({ id: 'honor', matched: { field: 'name', text: 'Honor' } });
    expect(top('tik')).toMatchObject({ id: 'bytedance', matched: { field: 'alias', text: 'TikTok' } });
    // "hik" is a prefix of Hikvision's name and brands: one result per vendor, not one per brand.
    expect(ids('hik').filter((id) => id === 'hikvision')).toHaveLength(1);
  });

  it('does not fuzz very short words', () => {
    expect(ids('dij')).not.toContain('dji');
  });

  it('limits results and keeps the order stable', () => {
    expect(search(index, 'c', 5).hits.length).toBeLessThanOrEqual(5);
    expect(ids('china')).toEqual(ids('china'));
  });
});

describe('lookup: domains and URLs', () => {
  it('answers a domain through the matcher', () => {
    const a = search(index, 'kaspersky.com');
    expect(a).toMatchObject({ host: 'kaspersky.com', domainListed: true });
    expect(a.hits).toHaveLength(1);
    expect(a.hits[0]).toMatchObject({ kind: 'vendor', id: 'kaspersky', matched: { field: 'domain', domain: 'kaspersky.com' } });
  });

  it('answers a subdomain and a brand domain', () => {
    expect(top('usa.kaspersky.com')).toMatchObject({ id: 'kaspersky', matched: { text: 'usa.kaspersky.com', domain: 'kaspersky.com' } });
    expect(top('ezviz.com')?.id).toBe('hikvision');
    expect(top('Hikvision.COM')?.id).toBe('hikvision');
  });

  it('answers pasted URLs', () => {
    expect(top('https://www.hikvision.com/en/products/')).toMatchObject({ id: 'hikvision', matched: { field: 'url', text: 'www.hikvision.com' } });
    expect(top('http://store.dji.com/product/mavic-3?x=1#top')).toMatchObject({ id: 'dji', matched: { field: 'url' } });
    expect(top('dji.com/products')).toMatchObject({ id: 'dji', matched: { field: 'url' } });
  });

  it('never attributes a URL by its userinfo', () => {
    const a = search(index, 'http://kaspersky.com@example.org/');
    expect(a.host).toBe('example.org');
    expect(a.hits.map((h) => h.id)).not.toContain('kaspersky');
  });

  it('falls back to a name search for an unlisted domain, and says so', () => {
    const a = search(index, 'hikvision.de');
    expect(a).toMatchObject({ host: 'hikvision.de', domainListed: false });
    expect(a.hits[0]?.id).toBe('hikvision');
    expect(a.hits[0]?.matched.field).toBe('name');
  });

  it('gives nothing for an unrelated domain', () => {
    expect(search(index, 'example.org')).toMatchObject({ host: 'example.org', domainListed: false, hits: [] });
  });

  it('answers not-restricted and reported-link domains as such', () => {
    expect(top('honor.com')).toMatchObject({ kind: 'not-restricted', id: 'honor' });
    expect(top('https://www.anzurobotics.com/')).toMatchObject({ kind: 'reported-link', id: 'anzu-robotics', vendorId: 'dji' });
  });
});

describe('lookup: honest answers', () => {
  it.each([
    ['Honor', 'honor'],
    ['UltraAV', 'ultraav'],
    ['Lorex', 'lorex'],
    ['TP-Link', 'tp-link'],
    ['Amcrest', 'amcrest'],
    ['Tapo', 'tp-link'],
    ['Unitree', 'unitree'],
  ])('%s is answered as not restricted', (q, id) => {
    expect(top(q)).toMatchObject({ kind: 'not-restricted', id });
  });

  it.each([
    ['Alibaba', 'alibaba'],
    ['AliExpress', 'alibaba'],
    ['Baidu', 'baidu'],
    ['BYD', 'byd'],
    ['NIO', 'nio'],
  ])('%s, named in the June 2026 1260H list, is answered as a vendor, never as not restricted', (q, id) => {
    expect(top(q)).toMatchObject({ kind: 'vendor', id });
  });

  it.each([
    ['Anzu', 'anzu-robotics'],
    ['Anzu Raptor', 'anzu-robotics'],
    ['SkyRover', 'skyrover'],
    ['SPECTA', 'cogito-specta'],
  ])('%s is answered as a reported link', (q, id) => {
    expect(top(q)).toMatchObject({ kind: 'reported-link', id, vendorId: 'dji' });
  });

  it('says nothing matched rather than guessing', () => {
    expect(hits('zzqxv')).toEqual([]);
    expect(hits('')).toEqual([]);
    expect(hits('   ')).toEqual([]);
    expect(hits('Co., Ltd.')).toEqual([]);
  });
});

describe('lookup: organisation vendors', () => {
  const orgVendor: Vendor = {
    id: 'acme-cams',
    name: 'Acme Cameras',
    legalNames: ['Acme Camera Works GmbH'],
    country: 'DE',
    aliases: ['AcmeView'],
    domains: [{ domain: 'acmecams.example', evidence: 'sourced' }],
    rulings: [{ ruling: 'fcc-covered-list' }],
  };
  const withOrg = buildSearchIndex({ dataset, organisationVendors: [orgVendor] });

  it('finds them by name, brand, typo and domain, marked as organisation entries', () => {
    expect(search(withOrg, 'Acme').hits[0]).toMatchObject({ id: 'acme-cams', origin: 'organisation' });
    expect(search(withOrg, 'acmeveiw').hits[0]?.id).toBe('acme-cams');
    expect(search(withOrg, 'https://www.acmecams.example/').hits[0]).toMatchObject({ id: 'acme-cams', matched: { field: 'url' } });
  });

  it('replaces a bundled vendor with the same id', () => {
    const replaced = buildSearchIndex({ dataset, organisationVendors: [{ ...orgVendor, id: 'kaspersky', name: 'Kaspersky (org)' }] });
    const k = search(replaced, 'kaspersky').hits.filter((h) => h.id === 'kaspersky');
    expect(k).toHaveLength(1);
    expect(k[0]).toMatchObject({ origin: 'organisation', name: 'Kaspersky (org)' });
  });
});
