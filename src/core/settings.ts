// The settings model. `defaults` is the single source of truth; the Settings type derives from
// it; every stored value is checked on read and an invalid or missing key falls back to its
// default on its own, never wiping the rest. Older stored shapes are brought up to date by the
// migrations below (see `migrate`).
import { AUDIENCES, SEVERITIES, type Audience, type Severity } from './dataset/severity';
import { AUTHORITIES } from './dataset/constants';
import type { Authority } from './dataset/schema';
import { isPlainObject } from './values';

export const WARNING_STYLES = ['banner', 'badge', 'strict'] as const;
type WarningStyle = (typeof WARNING_STYLES)[number];

/** The shape `defaults` describes. Bump it and add a migration when a key is renamed or reshaped. */
export const SCHEMA_VERSION = 1;

export const defaults = {
  schemaVersion: SCHEMA_VERSION,
  enabled: true,
  warningStyle: 'banner' as WarningStyle,
  audience: 'consumer' as Audience,
  minSeverity: 'restricted' as Severity,
  authorities: Object.fromEntries(AUTHORITIES.map((a) => [a, true])) as Record<Authority, boolean>,
  allowedSites: [] as string[], // hosts the user chose not to be warned on
  hiddenVendors: [] as string[], // vendor ids the user hid
  snoozed: {} as Record<string, string>, // vendor id -> data signature when snoozed
  shoppingSites: false,
  searchResults: false,
  decisionLog: false, // keep a local log of warnings shown and decisions (never sent anywhere)
  updateChannel: false, // fetch signed data updates once a day (the one network request BanWatch can make)
  updateUrl: '', // where from: '' for BanWatch's channel, or an organisation's mirror (see isUpdateUrl)
};

export type Settings = typeof defaults;
export type SettingKey = keyof Settings;
/** The keys a user (or an administrator) can set: everything but the bookkeeping. */
export type UserSettingKey = Exclude<SettingKey, 'schemaVersion'>;

export const SETTING_KEYS = Object.keys(defaults) as SettingKey[];
export const USER_SETTING_KEYS = SETTING_KEYS.filter((k): k is UserSettingKey => k !== 'schemaVersion');

export const MAX_LIST = 5000;
const MAX_ITEM = 300;

const HOST = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})?(\.[a-z0-9_]([a-z0-9_-]{0,62})?)*$/;
const VENDOR_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const isHost = (v: unknown): v is string => typeof v === 'string' && v.length <= 253 && HOST.test(v);
export const isVendorId = (v: unknown): v is string => typeof v === 'string' && v.length <= 100 && VENDOR_ID.test(v);
const isSignature = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ITEM;

const isListOf =
  (item: (v: unknown) => v is string) =>
  (v: unknown): v is string[] =>
    Array.isArray(v) && v.length <= MAX_LIST && v.every(item) && new Set(v).size === v.length;

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/**
 * Every update URL lives under this path, on BanWatch's host or a mirror's: the extension's CSP
 * (connect-src) allows HTTPS requests to this path and nowhere else (docs/security.md).
 */
const UPDATE_PATH = '/banwatch-data/';
export const DEFAULT_UPDATE_URL = `https://data.banwatch.org${UPDATE_PATH}banwatch-data.json`;

/** '' (BanWatch's channel) or an https URL under UPDATE_PATH, with no user name, password, query or fragment. */
export function isUpdateUrl(v: unknown): v is string {
  if (v === '') return true;
  if (typeof v !== 'string' || v.length > 2048) return false;
  try {
    const u = new URL(v);
    return u.href === v && u.protocol === 'https:' && !u.username && !u.password && !u.search && !u.hash && u.pathname.startsWith(UPDATE_PATH) && u.pathname.length > UPDATE_PATH.length;
  } catch {
    return false;
  }
}

/** One type guard per key: true only for a value the rest of the extension can use as is. */
export const validators: { [K in SettingKey]: (v: unknown) => v is Settings[K] } = {
  schemaVersion: (v): v is number => v === SCHEMA_VERSION,
  enabled: isBoolean,
  warningStyle: isOneOf(WARNING_STYLES),
  audience: isOneOf(AUDIENCES),
  minSeverity: isOneOf(SEVERITIES),
  authorities: (v): v is Record<Authority, boolean> =>
    isPlainObject(v) && Object.keys(v).length === AUTHORITIES.length && AUTHORITIES.every((a) => Object.hasOwn(v, a) && isBoolean(v[a])),
  allowedSites: isListOf(isHost),
  hiddenVendors: isListOf(isVendorId),
  snoozed: (v): v is Record<string, string> =>
    isPlainObject(v) &&
    Object.keys(v).length <= MAX_LIST &&
    Object.entries(v).every(([k, s]) => isVendorId(k) && !FORBIDDEN_KEYS.has(k) && isSignature(s)),
  shoppingSites: isBoolean,
  searchResults: isBoolean,
  decisionLog: isBoolean,
  updateChannel: isBoolean,
  updateUrl: isUpdateUrl,
};

/** What each key must hold, in words, for import errors ("field X: expected …"). */
export const expectations: Record<SettingKey, string> = {
  schemaVersion: `the number ${SCHEMA_VERSION}`,
  enabled: 'true or false',
  warningStyle: `one of ${WARNING_STYLES.map((s) => `"${s}"`).join(', ')}`,
  audience: `one of ${AUDIENCES.map((s) => `"${s}"`).join(', ')}`,
  minSeverity: `one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}`,
  authorities: `an object with true or false for each of ${AUTHORITIES.join(', ')}`,
  allowedSites: `a list of at most ${MAX_LIST} distinct host names like "www.example.com"`,
  hiddenVendors: `a list of at most ${MAX_LIST} distinct vendor ids like "kaspersky"`,
  snoozed: 'an object mapping vendor ids to data signatures (strings)',
  shoppingSites: 'true or false',
  searchResults: 'true or false',
  decisionLog: 'true or false',
  updateChannel: 'true or false',
  updateUrl: `"" (BanWatch's channel) or an https URL whose path starts with ${UPDATE_PATH}, without query or fragment`,
};

/**
 * Salvages what it can from a value that failed its validator, so one bad entry does not cost
 * the user a whole list: lists keep their valid, distinct items; the authority switches keep
 * each valid switch. Returns undefined when nothing is worth keeping.
 */
const repairers: Partial<{ [K in SettingKey]: (v: unknown) => Settings[K] | undefined }> = {
  authorities: (v) => {
    if (!isPlainObject(v)) return undefined;
    return Object.fromEntries(AUTHORITIES.map((a) => [a, Object.hasOwn(v, a) && isBoolean(v[a]) ? v[a] : defaults.authorities[a]])) as Record<
      Authority,
      boolean
    >;
  },
  allowedSites: (v) => (Array.isArray(v) ? [...new Set(v.filter(isHost))].slice(0, MAX_LIST) : undefined),
  hiddenVendors: (v) => (Array.isArray(v) ? [...new Set(v.filter(isVendorId))].slice(0, MAX_LIST) : undefined),
  snoozed: (v) => {
    if (!isPlainObject(v)) return undefined;
    const out: Record<string, string> = {};
    for (const [k, s] of Object.entries(v).slice(0, MAX_LIST)) {
      if (isVendorId(k) && !FORBIDDEN_KEYS.has(k) && isSignature(s)) out[k] = s;
    }
    return out;
  },
};

/** The value to use for one key: the stored one if valid, what can be salvaged, else the default. */
export function readKey<K extends SettingKey>(key: K, value: unknown): Settings[K] {
  if (validators[key](value)) return structuredClone(value);
  const repaired = value === undefined ? undefined : repairers[key]?.(value);
  return repaired ?? structuredClone(defaults[key]);
}

/** True when the stored record holds a usable value of its own for `key`. */
export function hasValue(stored: Record<string, unknown>, key: SettingKey): boolean {
  return Object.hasOwn(stored, key) && stored[key] !== undefined && (validators[key](stored[key]) || repairers[key]?.(stored[key]) !== undefined);
}

/** Reads settings from raw stored values: each key valid on its own or its default. */
export function readSettings(stored: Record<string, unknown>): Settings {
  const out = {} as Record<SettingKey, unknown>;
  for (const key of SETTING_KEYS) {
    out[key] = readKey(key, Object.hasOwn(stored, key) ? stored[key] : undefined);
  }
  out.schemaVersion = SCHEMA_VERSION;
  return out as Settings;
}

// ---------------------------------------------------------------------------------------------
// Migrations. Version 0 is the unversioned shape of the 0.0.x prototype, which used other names:
//   on → enabled, mode ('banner' | 'badge' | 'block') → warningStyle ('block' became 'strict'),
//   profile ('consumer' | 'business' | 'contractor' | 'all') → audience,
//   threshold → minSeverity, agencies (list of enabled authorities) → authorities (a switch each),
//   whitelist → allowedSites, hidden → hiddenVendors, snoozes ([{ vendor, signature }]) → snoozed.
// A migration takes the raw stored record of one version and returns the next version's record
// plus the keys it made obsolete. Values are not validated here; readSettings does that.

export const LEGACY_KEYS = ['on', 'mode', 'profile', 'threshold', 'agencies', 'whitelist', 'hidden', 'snoozes'] as const;

interface MigrationStep {
  (raw: Record<string, unknown>): { values: Record<string, unknown>; removed: string[] };
}

const renamed = <T>(value: unknown, table: Record<string, T>): T | unknown =>
  typeof value === 'string' && Object.hasOwn(table, value) ? table[value] : value;

const MIGRATIONS: Record<number, MigrationStep> = {
  0: (raw) => {
    const values: Record<string, unknown> = {};
    const has = (k: string) => Object.hasOwn(raw, k);
    // Keys that already carry current names are kept as they are.
    for (const k of SETTING_KEYS) if (has(k)) values[k] = raw[k];
    if (has('on') && !has('enabled')) values.enabled = raw.on;
    if (has('mode') && !has('warningStyle')) values.warningStyle = renamed(raw.mode, { block: 'strict', banner: 'banner', badge: 'badge' });
    if (has('profile') && !has('audience')) {
      values.audience = renamed(raw.profile, { contractor: 'federal-contractor', all: 'everything', consumer: 'consumer', business: 'business' });
    }
    if (has('threshold') && !has('minSeverity')) values.minSeverity = raw.threshold;
    // A list naming no authority we know would silence every warning: keep the defaults instead.
    const agencies: unknown[] = Array.isArray(raw.agencies) ? raw.agencies : [];
    if (has('agencies') && !has('authorities') && AUTHORITIES.some((a) => agencies.includes(a))) {
      const on = new Set(agencies);
      values.authorities = Object.fromEntries(AUTHORITIES.map((a) => [a, on.has(a)]));
    }
    if (has('whitelist') && !has('allowedSites')) values.allowedSites = raw.whitelist;
    if (has('hidden') && !has('hiddenVendors')) values.hiddenVendors = raw.hidden;
    if (has('snoozes') && !has('snoozed') && Array.isArray(raw.snoozes)) {
      const snoozed: Record<string, unknown> = {};
      for (const s of raw.snoozes) {
        if (isPlainObject(s) && isVendorId(s.vendor) && !FORBIDDEN_KEYS.has(s.vendor)) snoozed[s.vendor] = s.signature;
      }
      values.snoozed = snoozed;
    }
    values.schemaVersion = 1;
    return { values, removed: LEGACY_KEYS.filter(has) };
  },
};

/** The version a stored record is in: its own number, else 0 when it carries legacy keys, else current. */
export function storedVersion(raw: Record<string, unknown>): number {
  const v = raw.schemaVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  return LEGACY_KEYS.some((k) => Object.hasOwn(raw, k)) ? 0 : SCHEMA_VERSION;
}

interface Migrated {
  values: Record<string, unknown>;
  /** Stored keys that no longer exist and should be removed. */
  removed: string[];
  /** Whether anything changed (the caller writes the result back). */
  changed: boolean;
  from: number;
}

/**
 * Brings a stored record up to SCHEMA_VERSION, one step at a time. A record from a newer
 * version (synced from another device running a later BanWatch) is left alone: readSettings
 * still uses each key it understands.
 */
export function migrate(raw: Record<string, unknown>): Migrated {
  const from = storedVersion(raw);
  let values: Record<string, unknown> = { ...raw };
  const removed = new Set<string>();
  if (from > SCHEMA_VERSION) return { values, removed: [], changed: false, from };
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no settings migration from version ${v}`);
    const next = step(values);
    values = next.values;
    for (const k of next.removed) removed.add(k);
  }
  return { values, removed: [...removed], changed: from !== SCHEMA_VERSION, from };
}
