// Corrupt storage: whatever sits in storage.sync/local — wrong types, 1 MB strings,
// cyclic-looking JSON text, arrays where objects belong, unknown keys, `__proto__` and
// `constructor` keys — readSettings falls back to the default for that key alone and keeps every
// valid key stored next to the garbage. The same holds after the migration step and the policy
// merge every context reads through. Hand-written garbage per key, then fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSuite } from './fuzz';
import { defaults, migrate, readSettings, SETTING_KEYS, validators, type SettingKey, type Settings } from '../../src/core/settings';
import { applyPolicy, emptyPolicy } from '../../src/core/policy';

const check = fuzzSuite();

const MB = 'a'.repeat(1 << 20);

/** Garbage that fits no key (every key's validator must refuse it and nothing be salvaged). */
const GARBAGE: [string, unknown][] = [
  ['null', null],
  ['a number', 12345],
  ['NaN', NaN],
  ['a 1 MB string', MB],
  ['cyclic-looking JSON text', '{"a":{"$ref":"$"},"b":{"$ref":"$.a"}}'],
  ['JSON text of the defaults', JSON.stringify(defaults)],
  ['an array of numbers', [1, 2, 3]],
  ['an array of arrays', [[['deep']]]],
  ['an object with __proto__ key', JSON.parse('{"__proto__": {"polluted": true}, "x": 1}')],
  ['an object with constructor key', { constructor: { prototype: { polluted: true } } }],
  ['a 1 MB string in an array', [MB]],
  ['an object', { 'Unexpected Shape': 'x', nested: { a: [1, { b: null }] } }],
];

/** Valid non-default values for every key, to check they survive next to garbage. */
const VALID: Settings = {
  schemaVersion: 1,
  enabled: false,
  warningStyle: 'strict',
  audience: 'federal-contractor',
  minSeverity: 'watch',
  authorities: Object.fromEntries(Object.keys(defaults.authorities).map((a, i) => [a, i % 2 === 0])) as Settings['authorities'],
  allowedSites: ['www.kaspersky.com', 'example.org'],
  hiddenVendors: ['huawei'],
  snoozed: { dji: 'sig-1' },
  shoppingSites: true,
  searchResults: true,
  decisionLog: true,
  updateChannel: true,
  updateUrl: 'https://mirror.example.org/banwatch-data/banwatch-data.json',
};

const noPollution = () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
};

describe('readSettings over garbage', () => {
  it('the valid fixture is valid for every key', () => {
    for (const k of SETTING_KEYS) expect(validators[k](VALID[k]), k).toBe(true);
    expect(readSettings(VALID as unknown as Record<string, unknown>)).toEqual(VALID);
  });

  for (const key of SETTING_KEYS) {
    it.each(GARBAGE)(`${key}: %s falls back to the default and keeps every other valid key`, (_name, junk) => {
      const stored: Record<string, unknown> = { ...VALID, [key]: junk };
      const s = readSettings(stored);
      expect(s[key]).toEqual(defaults[key]);
      for (const other of SETTING_KEYS) if (other !== key) expect(s[other], other).toEqual(VALID[other]);
      noPollution();
    });
  }

  it('every key garbage at once: the defaults', () => {
    for (const [, junk] of GARBAGE) {
      const stored = Object.fromEntries(SETTING_KEYS.map((k) => [k, junk]));
      expect(readSettings(stored)).toEqual(defaults);
    }
    noPollution();
  });

  it('ignores unknown keys, including __proto__ and constructor at the top level', () => {
    const stored = JSON.parse(
      JSON.stringify({ ...VALID, unknownKey: 1, ['a'.repeat(10_000)]: MB }).replace(/^\{/, '{"__proto__":{"enabled":true,"polluted":1},"constructor":{"x":1},'),
    );
    const s = readSettings(stored);
    expect(s).toEqual(VALID);
    expect(Object.keys(s).sort()).toEqual([...SETTING_KEYS].sort());
    noPollution();
  });

  it('the snoozed map drops __proto__ / constructor / prototype entries and keeps the valid ones', () => {
    const snoozed = JSON.parse('{"__proto__":"sig","constructor":"sig","prototype":"sig","dji":"sig-1","huawei":42}');
    const s = readSettings({ snoozed });
    expect(s.snoozed).toEqual({ dji: 'sig-1' });
    expect(Object.getPrototypeOf(s.snoozed)).toBe(Object.prototype);
    noPollution();
  });

  it('lists keep their valid items among garbage, and a 1 MB item is dropped', () => {
    const s = readSettings({ allowedSites: ['www.kaspersky.com', MB, 3, null, { host: 'x' }, 'www.kaspersky.com', 'ok.example'], hiddenVendors: [MB, 'huawei', ['dji']] });
    expect(s.allowedSites).toEqual(['www.kaspersky.com', 'ok.example']);
    expect(s.hiddenVendors).toEqual(['huawei']);
  });

  it('an array where the authorities object belongs falls back; a partial object keeps its valid switches', () => {
    expect(readSettings({ authorities: [true, false] }).authorities).toEqual(defaults.authorities);
    const [first] = Object.keys(defaults.authorities);
    const s = readSettings({ authorities: { [first!]: false, bogus: 'yes', constructor: true } });
    expect(s.authorities[first as keyof Settings['authorities']]).toBe(false);
  });

  it('returns fresh values: mutating the result never reaches storage or the defaults', () => {
    const stored = { allowedSites: ['a.example'] };
    const s = readSettings(stored);
    s.allowedSites.push('b.example');
    expect(stored.allowedSites).toEqual(['a.example']);
    readSettings({}).hiddenVendors.push('x');
    expect(defaults.hiddenVendors).toEqual([]);
  });
});

describe('migration and policy merge over garbage', () => {
  it('legacy keys holding garbage migrate without throwing and read as defaults', () => {
    for (const [, junk] of GARBAGE) {
      const raw = { on: junk, mode: junk, profile: junk, threshold: junk, agencies: junk, whitelist: junk, hidden: junk, snoozes: junk };
      // Including `agencies`: a list naming no authority we know keeps every switch on.
      expect(readSettings(migrate(raw).values)).toEqual(defaults);
    }
    noPollution();
  });

  it('a stored schemaVersion of garbage is treated as a current or legacy record, never thrown on', () => {
    for (const [, junk] of GARBAGE) expect(() => readSettings(migrate({ ...VALID, schemaVersion: junk, enabled: junk }).values)).not.toThrow();
  });

  it('applyPolicy with no policy gives the same settings as readSettings, garbage and all', () => {
    const stored = { ...VALID, audience: MB, snoozed: [1, 2] };
    expect(applyPolicy(stored, emptyPolicy()).settings).toEqual(readSettings(stored));
  });
});

describe('fuzzed storage (fast-check)', () => {
  const junk = fc.oneof(
    fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 3 }),
    fc.json(),
    fc.array(fc.string()),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'kaspersky', 'dji', 'x'), fc.anything({ maxDepth: 1 })),
  );
  const keyOrJunk = fc.oneof(fc.constantFrom(...SETTING_KEYS), fc.constantFrom('__proto__', 'constructor', 'on', 'mode', 'whitelist', 'snoozes'), fc.string());

  it('readSettings never throws, returns exactly the known keys, each valid', () => {
    check(fc.dictionary(keyOrJunk, junk), (stored) => {
      const s = readSettings(stored);
      expect(Object.keys(s).sort()).toEqual([...SETTING_KEYS].sort());
      for (const k of SETTING_KEYS) expect(validators[k](s[k]), k).toBe(true);
    });
  });

  it('each valid key survives any garbage in the other keys', () => {
    check(
      fc.record({ keep: fc.subarray([...SETTING_KEYS], { minLength: 1 }), junk: fc.dictionary(fc.constantFrom(...SETTING_KEYS), junk) }),
      ({ keep, junk: bad }) => {
        const stored: Record<string, unknown> = { ...bad };
        for (const k of keep) stored[k] = VALID[k];
        const s = readSettings(stored);
        for (const k of keep as SettingKey[]) expect(s[k], k).toEqual(VALID[k]);
      },
    );
  });

  it('migrate + readSettings + applyPolicy never throw and never pollute Object.prototype', () => {
    check(fc.dictionary(keyOrJunk, junk), (stored) => {
      const m = migrate(stored);
      const s = applyPolicy(m.values, emptyPolicy()).settings;
      for (const k of SETTING_KEYS) expect(validators[k](s[k]), k).toBe(true);
      noPollution();
    });
  });
});
