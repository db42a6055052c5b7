// The settings model. `defaults` is the single source of truth; the Settings type derives from
// it; every stored value is checked on read and an invalid or missing key falls back to its
// default on its own, never wiping the rest.
import { AUDIENCES, SEVERITIES, type Audience, type Severity } from './dataset/severity';
import { AUTHORITIES, type Authority } from './dataset/schema';

export const WARNING_STYLES = ['banner', 'badge', 'strict'] as const;
export type WarningStyle = (typeof WARNING_STYLES)[number];

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
  decisionLog: false,
};

export type Settings = typeof defaults;
export type SettingKey = keyof Settings;

const MAX_LIST = 5000;
const MAX_ITEM = 300;

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= MAX_LIST && v.every((s) => typeof s === 'string' && s.length > 0 && s.length <= MAX_ITEM);

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** One type guard per key. */
export const validators: { [K in SettingKey]: (v: unknown) => v is Settings[K] } = {
  schemaVersion: (v): v is number => v === SCHEMA_VERSION,
  enabled: (v): v is boolean => typeof v === 'boolean',
  warningStyle: isOneOf(WARNING_STYLES),
  audience: isOneOf(AUDIENCES),
  minSeverity: isOneOf(SEVERITIES),
  authorities: (v): v is Record<Authority, boolean> =>
    isPlainObject(v) && AUTHORITIES.every((a) => typeof v[a] === 'boolean') && Object.keys(v).length === AUTHORITIES.length,
  allowedSites: isStringList,
  hiddenVendors: isStringList,
  snoozed: (v): v is Record<string, string> =>
    isPlainObject(v) &&
    Object.keys(v).length <= MAX_LIST &&
    Object.entries(v).every(([k, s]) => k.length <= MAX_ITEM && typeof s === 'string' && s.length <= MAX_ITEM),
  shoppingSites: (v): v is boolean => typeof v === 'boolean',
  searchResults: (v): v is boolean => typeof v === 'boolean',
  decisionLog: (v): v is boolean => typeof v === 'boolean',
};

export const SETTING_KEYS = Object.keys(defaults) as SettingKey[];

/** Reads settings from raw stored values: each key valid on its own or its default. */
export function readSettings(stored: Record<string, unknown>): Settings {
  const out = {} as Record<SettingKey, unknown>;
  for (const key of SETTING_KEYS) {
    const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
    out[key] = validators[key](value) ? value : structuredClone(defaults[key]);
  }
  return out as Settings;
}
