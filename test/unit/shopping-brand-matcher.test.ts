// The brand matcher (marketplace notices): a brand field must *be* a listed name (after normalisation), or one of
// the marketplace forms of one. Word boundaries, case, overlapping names, Unicode.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import { buildBrandIndex, matchBrandField, normaliseBrand } from '../../src/core/shopping/brand-matcher';
import type { Vendor } from '../../src/core/dataset/schema';

const index = buildBrandIndex(dataset);
const who = (field: string) => {
  const hit = matchBrandField(field, index);
  return hit ? `${hit.entity.kind}:${hit.entity.id}` : null;
};

describe('normaliseBrand', () => {
  it('folds case, trademark signs, whitespace and Unicode compatibility forms', () => {
    expect(normaliseBrand('HIKVISION®')).toBe('hikvision');
    expect(normaliseBrand('Hikvision™')).toBe('hikvision');
    expect(normaliseBrand('  Hik\u00a0 Vision ')).toBe('hik vision');
    expect(normaliseBrand('ＤＪＩ')).toBe('dji'); // full-width letters
    expect(normaliseBrand('Hik\u2011Connect')).toBe('hik-connect'); // non-breaking hyphen
    expect(normaliseBrand('Kas\u200bpersky')).toBe('kaspersky'); // zero-width space
    expect(normaliseBrand('"DJI".')).toBe('dji');
  });
});

describe('matchBrandField', () => {
  it('matches vendor names and aliases whatever their case or marks', () => {
    expect(who('Hikvision')).toBe('vendor:hikvision');
    expect(who('HIKVISION')).toBe('vendor:hikvision');
    expect(who('hikvision ®')).toBe('vendor:hikvision');
    expect(who('EZVIZ')).toBe('vendor:hikvision');
    expect(who('Dahua Technology')).toBe('vendor:dahua');
    expect(who('Imou')).toBe('vendor:dahua');
    expect(who('DJI')).toBe('vendor:dji');
    expect(who('Kaspersky')).toBe('vendor:kaspersky');
    expect(who('TikTok')).toBe('vendor:bytedance');
  });

  it('matches legal names (JSON-LD manufacturer fields spell them out)', () => {
    const legal = dataset.vendors.find((v) => v.id === 'hikvision')!.legalNames[0]!;
    expect(who(legal)).toBe('vendor:hikvision');
  });

  it('accepts the marketplace forms, anchored at both ends', () => {
    expect(who('Visit the Hikvision Store')).toBe('vendor:hikvision');
    expect(who('Brand: Hikvision')).toBe('vendor:hikvision');
    expect(who('Brand:HIKVISION')).toBe('vendor:hikvision');
    expect(who('DJI Store')).toBe('vendor:dji');
    expect(who('DJI Official Store')).toBe('vendor:dji');
    expect(who('by Kaspersky')).toBe('vendor:kaspersky');
    const hit = matchBrandField('Visit the EZVIZ Store', index)!;
    expect(hit).toMatchObject({ name: 'EZVIZ', form: 'visit-store', field: 'Visit the EZVIZ Store' });
  });

  it('respects word boundaries: a field containing a name is not the name', () => {
    for (const field of [
      'Hikvision-compatible',
      'Hikvision compatible',
      'Hikvision-compatible mount',
      'For Hikvision',
      'Hikvisionary',
      'NotHikvision',
      'Visit the Hikvision-compatible Store',
      'Brand: Hikvision compatible',
      'DJIX',
      'Wali',
      'Mount for DJI Mini 4 Pro',
      'Kaspersky alternative',
      '',
      '   ',
    ]) {
      expect(who(field), field).toBeNull();
    }
  });

  it('keeps overlapping names apart (each is its own exact key)', () => {
    expect(who('DJI Mavic')).toBe('vendor:dji');
    expect(who('Mavic')).toBe('vendor:dji');
    expect(who('Kaspersky Lab')).toBe('vendor:kaspersky');
    expect(matchBrandField('Kaspersky Lab', index)!.name).toBe('Kaspersky Lab');
    expect(who('Honor')).toBe('not-restricted:honor');
    expect(who('Huawei')).toBe('vendor:huawei');
  });

  it('answers not-restricted brands as such, never as a vendor', () => {
    expect(who('Lorex')).toBe('not-restricted:lorex');
    expect(who('TP-Link')).toBe('not-restricted:tp-link');
    expect(who('tp‑link')).toBe('not-restricted:tp-link'); // non-breaking hyphen
    expect(who('Amcrest')).toBe('not-restricted:amcrest');
    expect(who('UltraAV')).toBe('not-restricted:ultraav');
    expect(who('Visit the Lorex Store')).toBe('not-restricted:lorex');
  });

  it('answers reported links as such, never as the vendor they are linked to', () => {
    expect(who('Anzu Robotics')).toBe('reported-link:anzu-robotics');
    expect(who('SkyRover')).toBe('reported-link:skyrover');
    expect(who('SPECTA')).toBe('reported-link:cogito-specta');
    const hit = matchBrandField('Anzu Robotics', index)!;
    expect(hit.entity).toMatchObject({ kind: 'reported-link', vendorId: 'dji' });
  });

  it('resolves a name listed twice like domains: organisation > not restricted > reported > bundled', () => {
    const org: Vendor = { ...dataset.vendors.find((v) => v.id === 'dji')!, id: 'acme', name: 'Lorex', aliases: [], legalNames: ['Lorex'] };
    const withOrg = buildBrandIndex({ ...dataset, organisationVendors: [org] });
    expect(matchBrandField('Lorex', withOrg)!.entity).toMatchObject({ kind: 'vendor', id: 'acme', origin: 'organisation' });
    const clash: Vendor = { ...dataset.vendors.find((v) => v.id === 'dji')!, id: 'clash', name: 'Amcrest', aliases: [], legalNames: ['Amcrest'] };
    const bundledClash = buildBrandIndex({ ...dataset, vendors: [...dataset.vendors, clash] });
    expect(matchBrandField('Amcrest', bundledClash)!.entity.kind).toBe('not-restricted');
  });

  it('ignores overlong fields (prose, not a brand)', () => {
    expect(who(`Hikvision ${'x'.repeat(300)}`)).toBeNull();
  });

  it('handles Unicode names and fields', () => {
    const uni: Vendor = { ...dataset.vendors.find((v) => v.id === 'dji')!, id: 'uni', name: 'Ünïcode Çorp', aliases: ['海康威视'], legalNames: ['Ünïcode Çorp'] };
    const idx = buildBrandIndex({ vendors: [uni] });
    expect(matchBrandField('ÜNÏCODE ÇORP', idx)?.entity.id).toBe('uni');
    expect(matchBrandField('U\u0308nïcode Çorp', idx)?.entity.id).toBe('uni'); // decomposed Ü
    expect(matchBrandField('海康威视', idx)?.entity.id).toBe('uni');
    expect(matchBrandField('Brand: 海康威视', idx)?.entity.id).toBe('uni');
    expect(matchBrandField('海康威视配件', idx)).toBeNull();
  });
});
