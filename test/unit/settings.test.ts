import { describe, expect, it } from 'vitest';
import {
  defaults,
  hasValue,
  LEGACY_KEYS,
  migrate,
  readSettings,
  SCHEMA_VERSION,
  SETTING_KEYS,
  storedVersion,
  validators,
} from '../../src/core/settings';
import { AUTHORITIES } from '../../src/core/dataset/constants';

describe('defaults and validators', () => {
  it('every default passes its own validator, and every key has one', () => {
    for (const key of SETTING_KEYS) expect(validators[key](defaults[key]), key).toBe(true);
    expect(Object.keys(validators).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it('reads an empty store as the defaults, without sharing objects with them', () => {
    const s = readSettings({});
    expect(s).toEqual(defaults);
    s.allowedSites.push('x.example');
    s.authorities.commerce = false;
    expect(defaults.allowedSites).toEqual([]);
    expect(defaults.authorities.commerce).toBe(true);
  });
});

describe('per-key fallback on corrupt values', () => {
  const good = {
    enabled: false,
    warningStyle: 'badge',
    audience: 'business',
    minSeverity: 'listed',
    allowedSites: ['www.example.com'],
    hiddenVendors: ['huawei'],
    snoozed: { dji: 'abc123' },
    decisionLog: true,
  };

  const corrupt: [string, unknown][] = [
    ['enabled', 'false'],
    ['enabled', 0],
    ['enabled', null],
    ['warningStyle', 'popup'],
    ['warningStyle', 'x'.repeat(1_000_000)],
    ['audience', ['consumer']],
    ['minSeverity', { level: 'watch' }],
    ['authorities', 'all'],
    ['authorities', null],
    ['allowedSites', 'www.example.com'],
    ['allowedSites', { 0: 'www.example.com', length: 1 }],
    ['hiddenVendors', 42],
    ['snoozed', ['dji']],
    ['snoozed', 'dji'],
    ['decisionLog', 'yes'],
    ['shoppingSites', { nested: { deeper: [1, 2, { evil: true }] } }],
    ['schemaVersion', '1'],
  ];

  it.each(corrupt)('a bad %s falls back on its own and keeps every other key', (key, value) => {
    const s = readSettings({ ...good, [key]: value });
    expect(s[key as keyof typeof s]).toEqual(defaults[key as keyof typeof defaults]);
    for (const [k, v] of Object.entries(good)) if (k !== key) expect(s[k as keyof typeof s], k).toEqual(v);
  });

  it('ignores unknown keys and __proto__ / constructor keys', () => {
    const raw = JSON.parse('{"__proto__": {"enabled": false}, "constructor": {"prototype": {"x": 1}}, "audience": "business", "mystery": 1}');
    const s = readSettings(raw);
    expect(s.enabled).toBe(true);
    expect(s.audience).toBe('business');
    expect(Object.keys(s).sort()).toEqual([...SETTING_KEYS].sort());
    expect(({} as Record<string, unknown>).enabled).toBeUndefined(); // no prototype pollution
  });

  it('keeps the valid items of a list with bad ones, without duplicates', () => {
    const s = readSettings({
      allowedSites: ['www.example.com', 42, '', 'BAD HOST', 'x'.repeat(400), 'www.example.com', 'shop.example.org', { a: 1 }],
      hiddenVendors: ['huawei', 'Not An Id', null, 'dji'],
    });
    expect(s.allowedSites).toEqual(['www.example.com', 'shop.example.org']);
    expect(s.hiddenVendors).toEqual(['huawei', 'dji']);
  });

  it('keeps each valid authority switch, and defaults the rest', () => {
    const s = readSettings({ authorities: { commerce: false, fcc: 'no', odni: false, bogus: true } });
    expect(s.authorities.commerce).toBe(false);
    expect(s.authorities.odni).toBe(false);
    expect(s.authorities.fcc).toBe(true);
    expect(Object.keys(s.authorities).sort()).toEqual([...AUTHORITIES].sort());
  });

  it('keeps the valid snoozes and drops __proto__, bad ids and non-string signatures', () => {
    const snoozed = JSON.parse('{"dji": "sig", "__proto__": "x", "Bad Id": "y", "huawei": 5, "zte": ""}');
    expect(readSettings({ snoozed }).snoozed).toEqual({ dji: 'sig' });
  });

  it('refuses absurdly long lists', () => {
    const many = Array.from({ length: 6000 }, (_, i) => `h${i}.example.com`);
    const s = readSettings({ allowedSites: many });
    expect(s.allowedSites.length).toBe(5000);
    expect(validators.allowedSites(many)).toBe(false);
  });

  it('hasValue: true only for a usable stored value', () => {
    expect(hasValue({ audience: 'business' }, 'audience')).toBe(true);
    expect(hasValue({ audience: 'martian' }, 'audience')).toBe(false);
    expect(hasValue({}, 'audience')).toBe(false);
    expect(hasValue({ allowedSites: [1, 'a.example'] }, 'allowedSites')).toBe(true); // salvageable
  });
});

describe('migrations', () => {
  const v0 = {
    on: false,
    mode: 'block',
    profile: 'contractor',
    threshold: 'listed',
    agencies: ['commerce', 'fcc'],
    whitelist: ['www.example.com'],
    hidden: ['huawei'],
    snoozes: [
      { vendor: 'dji', signature: 's1' },
      { vendor: '__proto__', signature: 'evil' },
      'junk',
    ],
    decisionLog: true, // a key that already had its current name
  };

  it('keeps every authority on when the old list names none it knows (it would silence every warning)', () => {
    for (const agencies of [[], ['cia', 42], 'commerce']) {
      const s = readSettings(migrate({ on: true, agencies }).values);
      expect(Object.values(s.authorities).every(Boolean), JSON.stringify(agencies)).toBe(true);
    }
  });

  it('detects the version of a stored record', () => {
    expect(storedVersion(v0)).toBe(0);
    expect(storedVersion({})).toBe(SCHEMA_VERSION);
    expect(storedVersion({ enabled: true })).toBe(SCHEMA_VERSION); // written before schemaVersion was stored
    expect(storedVersion({ schemaVersion: 1, on: true })).toBe(1);
  });

  it('migrates the unversioned v0 shape with renamed keys', () => {
    const m = migrate(v0);
    expect(m.changed).toBe(true);
    expect(m.from).toBe(0);
    expect(m.removed.sort()).toEqual([...LEGACY_KEYS].sort());
    const s = readSettings(m.values);
    expect(s).toMatchObject({
      enabled: false,
      warningStyle: 'strict',
      audience: 'federal-contractor',
      minSeverity: 'listed',
      allowedSites: ['www.example.com'],
      hiddenVendors: ['huawei'],
      snoozed: { dji: 's1' },
      decisionLog: true,
    });
    expect(s.authorities.commerce).toBe(true);
    expect(s.authorities.fcc).toBe(true);
    expect(s.authorities.treasury).toBe(false);
    expect(m.values.schemaVersion).toBe(SCHEMA_VERSION);
    for (const k of LEGACY_KEYS) expect(Object.hasOwn(m.values, k), k).toBe(false);
  });

  it('a current name wins over its legacy name, and invalid legacy values fall back per key', () => {
    const m = migrate({ on: false, enabled: true, mode: 'sideways', whitelist: 'nope' });
    const s = readSettings(m.values);
    expect(s.enabled).toBe(true);
    expect(s.warningStyle).toBe('banner');
    expect(s.allowedSites).toEqual([]);
  });

  it('leaves current and future records alone', () => {
    expect(migrate({ schemaVersion: 1, audience: 'business' })).toMatchObject({ changed: false, removed: [] });
    const future = migrate({ schemaVersion: 99, audience: 'business', newThing: 1 });
    expect(future.changed).toBe(false);
    expect(readSettings(future.values).audience).toBe('business');
  });

  it('is idempotent', () => {
    const once = migrate(v0).values;
    const twice = migrate(once);
    expect(twice.changed).toBe(false);
    expect(twice.values).toEqual(once);
  });
});
