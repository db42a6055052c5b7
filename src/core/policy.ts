// Enterprise policy: what an administrator sets in storage.managed, and how it combines with the
// user's own settings. Pure: the browser side (src/shared/policy-store.ts) reads storage and
// calls these. Policy shape (see docs/admin.md and public/managed-schema.json):
//
//   {
//     "enforced":  { <setting>: <value>, ... },   // locked: the user cannot change these
//     "defaults":  { <setting>: <value>, ... },   // used until the user picks a value of their own
//     "allowedSites": ["intranet.example.com"],   // merged with the user's allowlist, never replacing it
//     "organisationVendors": { "rulings": [...], "vendors": [...] }  // same format as the bundled data
//   }
//
// Every value is checked with the same validator as the user's own settings: an administrator's
// typo drops that one value (with a reason), never the rest of the policy or the extension.
import type { OrgList, Ruling, Vendor } from './dataset/schema';
import type { validateOrgList } from './dataset/org-list';
import {
  defaults,
  expectations,
  hasValue,
  isHost,
  MAX_LIST,
  readKey,
  USER_SETTING_KEYS,
  validators,
  type Settings,
  type SettingKey,
  type UserSettingKey,
} from './settings';
import { isPlainObject } from './values';

export interface Policy {
  enforced: Partial<Settings>;
  defaults: Partial<Settings>;
  allowedSites: string[];
  organisationVendors: Vendor[];
  organisationRulings: Ruling[];
  /** Everything that was ignored, and why, for the options page and the admin's eyes. */
  problems: string[];
}

export const emptyPolicy = (): Policy => ({
  enforced: {},
  defaults: {},
  allowedSites: [],
  organisationVendors: [],
  organisationRulings: [],
  problems: [],
});

const POLICY_KEYS = ['enforced', 'defaults', 'allowedSites', 'organisationVendors'] as const;

function settingsSubset(raw: unknown, where: string, problems: string[]): Partial<Settings> {
  const out: Partial<Record<SettingKey, unknown>> = {};
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) {
    problems.push(`${where}: expected an object of settings, ignored`);
    return {};
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(USER_SETTING_KEYS as string[]).includes(key)) {
      problems.push(`${where}.${key}: not a setting, ignored`);
      continue;
    }
    const k = key as UserSettingKey;
    if (!validators[k](value)) {
      problems.push(`${where}.${key}: expected ${expectations[k]}, ignored`);
      continue;
    }
    out[k] = structuredClone(value);
  }
  return out as Partial<Settings>;
}

/**
 * The check of an organisation's list (dataset/org-list.ts), passed in: the pages load it only
 * when a policy has such a list, so the policy module does not import it.
 */
type OrgListValidator = typeof validateOrgList;

/**
 * The organisation's vendor list, validated like the bundled data. Rulings and vendors that fail
 * are dropped one by one with the reason; the valid rest is kept.
 */
export function parseOrgList(raw: unknown, bundledRulingIds: Iterable<string>, validateOrgList: OrgListValidator): { list: OrgList; problems: string[] } {
  const problems: string[] = [];
  const list: OrgList = { rulings: [], vendors: [] };
  if (raw === undefined) return { list, problems };
  if (!isPlainObject(raw)) return { list, problems: ['organisationVendors: expected an object { "rulings"?: [...], "vendors": [...] }, ignored'] };
  const bundled = [...bundledRulingIds];
  for (const key of Object.keys(raw)) {
    if (key !== 'rulings' && key !== 'vendors') problems.push(`organisationVendors.${key}: unknown key, ignored`);
  }
  const rawRulings = raw.rulings === undefined ? [] : raw.rulings;
  const rawVendors = raw.vendors === undefined ? [] : raw.vendors;
  if (!Array.isArray(rawRulings)) problems.push('organisationVendors.rulings: expected a list, ignored');
  if (!Array.isArray(rawVendors)) problems.push('organisationVendors.vendors: expected a list, ignored');

  const rulings: Ruling[] = [];
  (Array.isArray(rawRulings) ? rawRulings.slice(0, MAX_LIST) : []).forEach((r, i) => {
    const id = isPlainObject(r) && typeof r.id === 'string' ? ` (${r.id})` : '';
    const result = validateOrgList({ rulings: [...rulings, r], vendors: [] }, bundled);
    if (result.errors.length) problems.push(`organisationVendors.rulings.${i}${id} dropped: ${result.errors.join('; ')}`);
    else rulings.push(result.dataset!.rulings!.at(-1)!);
  });

  const vendors: Vendor[] = [];
  const claimed = new Map<string, string>();
  (Array.isArray(rawVendors) ? rawVendors.slice(0, MAX_LIST) : []).forEach((v, i) => {
    const id = isPlainObject(v) && typeof v.id === 'string' ? ` (${v.id})` : '';
    const at = `organisationVendors.vendors.${i}${id}`;
    const result = validateOrgList({ rulings, vendors: [v] }, bundled);
    if (result.errors.length) {
      problems.push(`${at} dropped: ${result.errors.join('; ')}`);
      return;
    }
    const vendor = result.dataset!.vendors[0]!;
    if (vendors.some((x) => x.id === vendor.id)) {
      problems.push(`${at} dropped: duplicate vendor id "${vendor.id}"`);
      return;
    }
    const taken = vendor.domains.find((d) => claimed.has(d.domain));
    if (taken) {
      problems.push(`${at} dropped: domain "${taken.domain}" is already claimed by vendor "${claimed.get(taken.domain)}"`);
      return;
    }
    for (const d of vendor.domains) claimed.set(d.domain, vendor.id);
    vendors.push(vendor);
  });
  return { list: { rulings, vendors }, problems };
}

/** Whether a raw policy carries an organisation's vendor list (which needs the OrgListValidator). */
export const hasOrgList = (raw: unknown): boolean => isPlainObject(raw) && raw.organisationVendors !== undefined;

/**
 * Reads the raw storage.managed record into a Policy, ignoring (and reporting) every invalid
 * part. An organisation's list is read only with `validateOrgList` (see hasOrgList).
 */
export function parsePolicy(raw: unknown, bundledRulingIds: Iterable<string> = [], validateOrgList?: OrgListValidator): Policy {
  const policy = emptyPolicy();
  if (raw === undefined || raw === null) return policy;
  if (!isPlainObject(raw)) {
    policy.problems.push('policy: expected an object, ignored');
    return policy;
  }
  for (const key of Object.keys(raw)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) policy.problems.push(`${key}: unknown policy key, ignored`);
  }
  policy.enforced = settingsSubset(raw.enforced, 'enforced', policy.problems);
  policy.defaults = settingsSubset(raw.defaults, 'defaults', policy.problems);
  if (raw.allowedSites !== undefined) {
    if (!Array.isArray(raw.allowedSites)) policy.problems.push('allowedSites: expected a list of host names, ignored');
    else {
      raw.allowedSites.slice(0, MAX_LIST).forEach((h, i) => {
        const host = typeof h === 'string' ? h.trim().toLowerCase().replace(/\.$/, '') : h;
        if (!isHost(host)) policy.problems.push(`allowedSites.${i}: expected a host name like "intranet.example.com", ignored`);
        else if (!policy.allowedSites.includes(host)) policy.allowedSites.push(host);
      });
    }
  }
  if (raw.organisationVendors !== undefined && !validateOrgList) {
    policy.problems.push('organisationVendors: not read (no validator), ignored');
    return policy;
  }
  const org = parseOrgList(raw.organisationVendors, bundledRulingIds, validateOrgList!);
  policy.organisationVendors = org.list.vendors;
  policy.organisationRulings = org.list.rulings ?? [];
  policy.problems.push(...org.problems);
  return policy;
}

export interface Effective {
  settings: Settings;
  /** Keys the administrator enforces: shown locked, never written. */
  locked: UserSettingKey[];
  /** Keys whose current value is the administrator's default (the user has not chosen). */
  fromPolicyDefault: UserSettingKey[];
  /** The administrator's allowlisted hosts (part of settings.allowedSites, not removable). */
  adminSites: string[];
}

/**
 * The settings every context uses. Per key: an enforced value beats the user's; the user's own
 * (valid) value beats the administrator's default; the built-in default comes last. The
 * allowlist is the administrator's hosts plus the user's (or the enforced) ones.
 */
export function applyPolicy(stored: Record<string, unknown>, policy: Policy): Effective {
  const settings = { ...structuredClone(defaults) } as Record<SettingKey, unknown>;
  const locked: UserSettingKey[] = [];
  const fromPolicyDefault: UserSettingKey[] = [];
  for (const key of USER_SETTING_KEYS) {
    if (Object.hasOwn(policy.enforced, key)) {
      settings[key] = structuredClone(policy.enforced[key]);
      locked.push(key);
    } else if (hasValue(stored, key)) {
      settings[key] = readKey(key, stored[key]);
    } else if (Object.hasOwn(policy.defaults, key)) {
      settings[key] = structuredClone(policy.defaults[key]);
      fromPolicyDefault.push(key);
    }
  }
  const own = settings.allowedSites as string[];
  settings.allowedSites = [...policy.allowedSites, ...own.filter((h) => !policy.allowedSites.includes(h))];
  return { settings: settings as Settings, locked, fromPolicyDefault, adminSites: [...policy.allowedSites] };
}

/**
 * What may be written for the user: enforced keys are dropped, and the administrator's hosts are
 * taken out of the allowlist (they come from the policy, so they must not stick around in the
 * user's storage once the administrator removes them).
 */
export function writablePatch(patch: Partial<Settings>, policy: Policy): Partial<Settings> {
  const out: Partial<Record<SettingKey, unknown>> = {};
  for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
    if (Object.hasOwn(policy.enforced, key)) continue;
    out[key] = key === 'allowedSites' ? (value as string[]).filter((h) => !policy.allowedSites.includes(h)) : value;
  }
  return out as Partial<Settings>;
}

// ---------------------------------------------------------------------------------------------
// A cached policy. Until the browser answers storage.managed (seconds after it starts, sometimes
// never), BanWatch uses the last policy it read, but only to ADD restrictions: a cached copy that
// is stale, or was planted, can never switch a warning off. Per key, the more restrictive of two
// values (see docs/security.md):

const more =
  <T>(order: readonly T[]) =>
  (a: T, b: T): T =>
    order.indexOf(b) > order.indexOf(a) ? b : a;
const both = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x));

/** For each setting, the more restrictive of two values: more warnings, louder, fewer exceptions, logged. */
export const MORE_RESTRICTIVE: { [K in UserSettingKey]: (a: Settings[K], b: Settings[K]) => Settings[K] } = {
  enabled: (a, b) => a || b,
  warningStyle: more(['badge', 'banner', 'strict'] as const),
  // The more bound groups an audience counts itself among, the more rulings read as prohibited.
  audience: more(['consumer', 'business', 'federal-contractor', 'everything'] as const),
  // A lower threshold warns about more.
  minSeverity: more(['prohibited', 'restricted', 'listed', 'watch'] as const),
  authorities: (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof typeof a] || b[k as keyof typeof b]])) as Settings['authorities'],
  allowedSites: both,
  hiddenVendors: both,
  snoozed: (a, b) => Object.fromEntries(Object.entries(a).filter(([id, sig]) => Object.hasOwn(b, id) && b[id] === sig)),
  shoppingSites: (a, b) => a || b,
  searchResults: (a, b) => a || b,
  decisionLog: (a, b) => a || b,
  // No request on a stale policy's say-so: the channel runs only if both say on.
  updateChannel: (a, b) => a && b,
  // Not an ordering: where the channel runs, it asks the mirror the administrator last chose.
  updateUrl: (_a, b) => b,
};

/**
 * The effective settings while only a cached policy is known: per key, the more restrictive of
 * the user's own settings without any policy and the settings with the cached policy applied.
 * The cached policy's organisation vendors still count (more vendors warn about more); its
 * allowed sites do not (an exception is a relaxation). A key counts as locked or as the
 * administrator's default only where the cached value is the one that applies.
 */
export function applyCachedPolicy(stored: Record<string, unknown>, cached: Policy): Effective {
  const without = applyPolicy(stored, emptyPolicy()).settings;
  const withCached = applyPolicy(stored, cached);
  const settings = structuredClone(without) as Record<UserSettingKey, unknown>;
  for (const key of USER_SETTING_KEYS) {
    settings[key] = (MORE_RESTRICTIVE[key] as (a: unknown, b: unknown) => unknown)(without[key], withCached.settings[key]);
  }
  const applies = (key: UserSettingKey) => JSON.stringify(settings[key]) === JSON.stringify(withCached.settings[key]);
  return {
    settings: settings as Settings,
    locked: withCached.locked.filter(applies),
    fromPolicyDefault: withCached.fromPolicyDefault.filter(applies),
    adminSites: [],
  };
}
