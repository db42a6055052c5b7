// The cached policy may only add restrictions (core/policy.ts applyCachedPolicy, docs/security.md):
// until the browser answers storage.managed, a stale or planted copy of the policy can make
// BanWatch warn more, louder, or log more, but never less. Checked key by key, as a property
// over arbitrary user settings and cached policies, and on what a user actually sees: no page
// that warns without any policy goes quiet with the cached one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCachedPolicy, applyPolicy, emptyPolicy, MORE_RESTRICTIVE, type Policy } from '../../src/core/policy';
import { defaults, USER_SETTING_KEYS, type Settings, type UserSettingKey } from '../../src/core/settings';
import { AUDIENCES, SEVERITIES } from '../../src/core/dataset/severity';
import { AUTHORITIES } from '../../src/core/dataset/constants';
import { dataset } from '../../src/core/dataset';
import { buildCatalog } from '../../src/core/catalog';
import { shownWarning, verdict } from '../../src/core/verdict';

// A thousand verdicts per property: ~3 s alone, longer with the whole suite on two busy cores.
const HEAVY = 30_000;

/** "a is at least as restrictive as b", stated per key from what each setting does. */
const RANK = {
  warningStyle: ['badge', 'banner', 'strict'],
  audience: ['consumer', 'business', 'federal-contractor', 'everything'],
  minSeverity: ['prohibited', 'restricted', 'listed', 'watch'],
} as const;
function atLeast<K extends UserSettingKey>(key: K, a: Settings[K], b: Settings[K]): boolean {
  switch (key) {
    case 'enabled':
    case 'shoppingSites':
    case 'searchResults':
    case 'decisionLog':
      return a === true || b === false; // on warns (or logs) more than off
    case 'updateChannel':
      return a === false || b === true; // off makes no request
    case 'warningStyle':
    case 'audience':
    case 'minSeverity': {
      const order = RANK[key as keyof typeof RANK] as readonly string[];
      return order.indexOf(a as string) >= order.indexOf(b as string);
    }
    case 'authorities':
      return AUTHORITIES.every((x) => (a as Settings['authorities'])[x] || !(b as Settings['authorities'])[x]);
    case 'allowedSites':
    case 'hiddenVendors':
      return (a as string[]).every((x) => (b as string[]).includes(x)); // fewer exceptions
    case 'snoozed':
      return Object.entries(a as Record<string, string>).every(([id, sig]) => (b as Record<string, string>)[id] === sig);
  }
  throw new Error(`no rule for ${key}`);
}

const hosts = fc.constantFrom('www.kaspersky.com', 'kaspersky.com', 'www.huawei.com', 'intranet.example.com', 'dji.com');
const ids = fc.constantFrom('kaspersky', 'huawei', 'dji', 'hikvision', 'bytedance');
const value: { [K in UserSettingKey]: fc.Arbitrary<Settings[K]> } = {
  enabled: fc.boolean(),
  warningStyle: fc.constantFrom('banner', 'badge', 'strict'),
  audience: fc.constantFrom(...AUDIENCES),
  minSeverity: fc.constantFrom(...SEVERITIES),
  authorities: fc.record(Object.fromEntries(AUTHORITIES.map((a) => [a, fc.boolean()])) as { [A in keyof Settings['authorities']]: fc.Arbitrary<boolean> }),
  allowedSites: fc.uniqueArray(hosts, { maxLength: 4 }),
  hiddenVendors: fc.uniqueArray(ids, { maxLength: 4 }),
  snoozed: fc.dictionary(ids, fc.constantFrom('sig-a', 'sig-b'), { maxKeys: 3 }),
  shoppingSites: fc.boolean(),
  searchResults: fc.boolean(),
  decisionLog: fc.boolean(),
  updateChannel: fc.boolean(),
  updateUrl: fc.constantFrom('', 'https://mirror.example.org/banwatch-data/data.json', 'https://data.example.com/banwatch-data/x.json'),
};
const someSettings = fc.record(value, { requiredKeys: [] }) as fc.Arbitrary<Partial<Settings>>;
const policies: fc.Arbitrary<Policy> = fc
  .record({ enforced: someSettings, defaults: someSettings, allowedSites: fc.uniqueArray(hosts, { maxLength: 3 }) })
  .map((p) => ({ ...emptyPolicy(), ...p }));

describe('MORE_RESTRICTIVE: per key, the more restrictive of two values', () => {
  it('has a rule for every setting a policy can set', () => {
    expect(Object.keys(MORE_RESTRICTIVE).sort()).toEqual([...USER_SETTING_KEYS].sort());
  });

  it('picks a value at least as restrictive as both, whichever comes first', () => {
    for (const key of USER_SETTING_KEYS.filter((k) => k !== 'updateUrl')) { // updateUrl is not an ordering: see 'in words'
      fc.assert(
        fc.property(value[key], value[key], (a, b) => {
          const pick = (MORE_RESTRICTIVE[key] as (x: unknown, y: unknown) => Settings[typeof key])(a, b);
          expect(atLeast(key, pick, a) && atLeast(key, pick, b), key).toBe(true);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('in words', () => {
    expect(MORE_RESTRICTIVE.enabled(false, true)).toBe(true);
    expect(MORE_RESTRICTIVE.updateChannel(true, false)).toBe(false); // a stale policy never starts a request
    expect(MORE_RESTRICTIVE.updateUrl('', 'https://m.example.org/banwatch-data/d.json')).toBe('https://m.example.org/banwatch-data/d.json');
    expect(MORE_RESTRICTIVE.warningStyle('banner', 'badge')).toBe('banner');
    expect(MORE_RESTRICTIVE.warningStyle('banner', 'strict')).toBe('strict');
    expect(MORE_RESTRICTIVE.audience('consumer', 'federal-contractor')).toBe('federal-contractor');
    expect(MORE_RESTRICTIVE.minSeverity('restricted', 'listed')).toBe('listed');
    expect(MORE_RESTRICTIVE.allowedSites(['a.com', 'b.com'], ['b.com', 'c.com'])).toEqual(['b.com']);
    expect(MORE_RESTRICTIVE.snoozed({ kaspersky: 'x', dji: 'y' }, { kaspersky: 'x', dji: 'z' })).toEqual({ kaspersky: 'x' });
    expect(MORE_RESTRICTIVE.decisionLog(false, true)).toBe(true);
    expect(MORE_RESTRICTIVE.authorities({ ...defaults.authorities, fcc: false }, { ...defaults.authorities, fcc: true }).fcc).toBe(true);
  });
});

describe('applyCachedPolicy: a cached policy only adds restrictions', () => {
  it('every key is at least as restrictive as without any policy, and as with the cached policy applied', () => {
    fc.assert(
      fc.property(someSettings, policies, (user, cached) => {
        const got = applyCachedPolicy(user, cached).settings;
        const without = applyPolicy(user, emptyPolicy()).settings;
        const withCached = applyPolicy(user, cached).settings;
        // Not an ordering: the mirror the administrator last chose (asked only if both say on).
        expect(got.updateUrl).toBe(withCached.updateUrl);
        for (const key of USER_SETTING_KEYS) {
          if (key === 'updateUrl') continue;
          expect(atLeast(key, got[key], without[key]), `${key} vs no policy`).toBe(true);
          expect(atLeast(key, got[key], withCached[key]), `${key} vs cached`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  }, HEAVY);

  it('a planted copy that would silence BanWatch changes nothing', () => {
    const planted: Policy = {
      ...emptyPolicy(),
      enforced: { enabled: false, warningStyle: 'badge', minSeverity: 'prohibited', hiddenVendors: ['kaspersky'], decisionLog: false, authorities: Object.fromEntries(AUTHORITIES.map((a) => [a, false])) as Settings['authorities'] },
      allowedSites: ['www.kaspersky.com'],
    };
    const user = { decisionLog: true };
    const e = applyCachedPolicy(user, planted);
    expect(e.settings).toEqual(applyPolicy(user, emptyPolicy()).settings);
    expect(e.locked).toEqual([]);
    expect(e.adminSites).toEqual([]);
  });

  it("a copy that adds restrictions applies them, shown locked where its value is the one that applies", () => {
    const cached: Policy = { ...emptyPolicy(), enforced: { decisionLog: true, audience: 'federal-contractor' }, defaults: { minSeverity: 'watch' } };
    const e = applyCachedPolicy({ audience: 'everything' }, cached);
    expect(e.settings).toMatchObject({ decisionLog: true, audience: 'everything', minSeverity: 'watch' });
    expect(e.locked).toEqual(['decisionLog']); // audience: the user's own "everything" is more restrictive still
    expect(e.fromPolicyDefault).toEqual(['minSeverity']);
  });

  it('no page that warns without a policy goes quiet with a cached one; its organisation vendors still warn', () => {
    const org = dataset.vendors.find((v) => v.id === 'kaspersky')!;
    const orgVendor = { ...org, id: 'org-vendor', name: 'Org Vendor', domains: [{ domain: 'org-vendor.com', evidence: 'sourced' as const }], exclusions: [] };
    const bundled = buildCatalog(dataset);
    const withOrg = buildCatalog(dataset, { vendors: [orgVendor], rulings: [] });
    const pages = [...dataset.vendors.flatMap((v) => v.domains.map((d) => d.domain)), 'org-vendor.com'];
    fc.assert(
      fc.property(someSettings, policies, fc.constantFrom(...pages), (user, cached, host) => {
        const today = '2026-11-28';
        const before = shownWarning(verdict({ catalog: bundled, settings: applyPolicy(user, emptyPolicy()).settings, today }, { host }));
        const after = shownWarning(verdict({ catalog: withOrg, settings: applyCachedPolicy(user, cached).settings, today }, { host }));
        if (before) expect(after, host).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
    expect(shownWarning(verdict({ catalog: withOrg, settings: applyCachedPolicy({}, emptyPolicy()).settings, today: '2026-11-28' }, { host: 'org-vendor.com' }))).not.toBeNull();
  }, HEAVY);
});
