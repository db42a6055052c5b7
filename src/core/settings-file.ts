// Settings export and import. Import is all or nothing: a file with any problem changes nothing,
// and every problem is named ("field X: expected …", JSON syntax errors with line and column).
// Hostile files are refused before anything is built from them: more than 1 MB, nested deeper
// than MAX_DEPTH, or carrying __proto__ / constructor / prototype keys. Pure (no browser APIs).
import { AUTHORITIES } from './dataset/constants';
import {
  expectations,
  LEGACY_KEYS,
  SETTING_KEYS,
  storedVersion,
  isHost,
  isVendorId,
  migrate,
  SCHEMA_VERSION,
  USER_SETTING_KEYS,
  validators,
  type Settings,
  type UserSettingKey,
} from './settings';
import { isPlainObject } from './values';

const EXPORT_FORMAT = 'banwatch-settings';
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_DEPTH = 32;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const WRAPPER_KEYS = new Set(['format', 'schemaVersion', 'exportedAt', 'settings']);

interface ImportResult {
  /** The settings to apply (only when `errors` is empty). */
  settings?: Partial<Settings>;
  errors: string[];
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Checks JSON syntax and nesting depth without building anything, so the error can name its
 * line and column (browsers' JSON.parse messages often do not) and so a deeply nested file is
 * refused before any recursion. Throws SyntaxProblem.
 */
function scanJson(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (what: string): never => {
    if (i >= text.length) throw new SyntaxProblem(`unexpected end of file (${what})`, text.length);
    throw new SyntaxProblem(`unexpected ${JSON.stringify(text[i])} (${what})`, i);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character inside a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail('expected four hex digits after \\u');
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          fail('invalid escape in a string');
        }
      } else i++;
    }
    fail('unterminated string');
  };
  const value = (depth: number): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) throw new SyntaxProblem(`nested more than ${MAX_DEPTH} levels deep`, i);
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail('expected a property name in double quotes');
          string();
          ws();
          if (text[i] !== ':') fail("expected ':' after the property name");
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail(`expected ',' or '${close}'`);
      }
    }
    if (c === '"') return string();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num && num[0].length) {
      i += num[0].length;
      return;
    }
    fail('expected a value');
  };
  value(0);
  ws();
  if (i < text.length) fail('expected the end of the file');
}

/** Paths of forbidden keys anywhere in a parsed value (depth is already bounded). */
function forbiddenKeys(v: unknown, path: string, out: string[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => forbiddenKeys(x, `${path}[${i}]`, out));
  else if (typeof v === 'object' && v !== null) {
    for (const k of Object.keys(v)) {
      const p = path ? `${path}.${k}` : k;
      if (FORBIDDEN.has(k)) out.push(`field ${p}: key "${k}" is not allowed`);
      else forbiddenKeys((v as Record<string, unknown>)[k], p, out);
    }
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** The first specific reason a value fails its key's validator. */
function whyInvalid(key: UserSettingKey, v: unknown): string {
  const base = `field ${key}: expected ${expectations[key]}, got ${describe(v)}`;
  const item = (check: (x: unknown) => boolean, what: string): string => {
    if (!Array.isArray(v)) return base;
    const bad = v.findIndex((x) => !check(x));
    if (bad >= 0) return `field ${key}[${bad}]: expected ${what}, got ${describe(v[bad])}`;
    const dup = v.findIndex((x, i) => v.indexOf(x) !== i);
    if (dup >= 0) return `field ${key}[${dup}]: ${describe(v[dup])} is listed twice`;
    return base;
  };
  if (key === 'allowedSites') return item(isHost, 'a lowercase host name like "www.example.com"');
  if (key === 'hiddenVendors') return item(isVendorId, 'a vendor id like "kaspersky"');
  if (key === 'authorities' && isPlainObject(v)) {
    for (const a of Object.keys(v)) if (!(AUTHORITIES as readonly string[]).includes(a)) return `field authorities.${a}: unknown authority`;
    for (const a of AUTHORITIES) {
      if (!Object.hasOwn(v, a)) return `field authorities.${a}: missing (expected true or false)`;
      if (typeof v[a] !== 'boolean') return `field authorities.${a}: expected true or false, got ${describe(v[a])}`;
    }
  }
  return base;
}

/** Parses and validates an exported settings file. Nothing is returned unless all of it is valid. */
export function parseImport(text: string, byteLength = new TextEncoder().encode(text).length): ImportResult {
  if (byteLength > MAX_IMPORT_BYTES) return { errors: [`the file is larger than 1 MB (${byteLength} bytes); a settings file is a few kilobytes`] };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text; // a BOM some editors add
  if (!body.trim()) return { errors: ['the file is empty'] };
  try {
    scanJson(body);
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    const { line, column } = lineColumn(body, e.offset);
    return { errors: [`not valid JSON: ${e.message} at line ${line}, column ${column}`] };
  }
  const data: unknown = JSON.parse(body);
  const errors: string[] = [];
  forbiddenKeys(data, '', errors);
  if (errors.length) return { errors };
  if (!isPlainObject(data)) return { errors: [`expected a JSON object with the settings, got ${describe(data)}`] };

  let raw: Record<string, unknown>;
  let version: unknown;
  if (Object.hasOwn(data, 'format') || Object.hasOwn(data, 'settings')) {
    if (data.format !== EXPORT_FORMAT) errors.push(`field format: expected "${EXPORT_FORMAT}", got ${describe(data.format)}`);
    for (const k of Object.keys(data)) if (!WRAPPER_KEYS.has(k)) errors.push(`field ${k}: unknown field`);
    if (!isPlainObject(data.settings)) {
      errors.push(`field settings: expected an object, got ${describe(data.settings)}`);
      return { errors };
    }
    raw = data.settings;
    version = data.schemaVersion ?? raw.schemaVersion;
  } else {
    raw = data;
    version = raw.schemaVersion;
  }
  if (version !== undefined && !(typeof version === 'number' && Number.isInteger(version) && version >= 0)) {
    errors.push(`field schemaVersion: expected a whole number up to ${SCHEMA_VERSION}, got ${describe(version)}`);
    return { errors };
  }
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    errors.push(`field schemaVersion: the file is from a newer BanWatch (version ${version}); this one reads up to version ${SCHEMA_VERSION}`);
    return { errors };
  }
  const versioned = version === undefined ? raw : { ...raw, schemaVersion: version };
  if (storedVersion(versioned) < SCHEMA_VERSION) {
    // An older file: name unknown keys before the migration renames (and would drop) them.
    const known = new Set<string>([...SETTING_KEYS, ...LEGACY_KEYS]);
    for (const k of Object.keys(raw)) if (!known.has(k)) errors.push(`field ${k}: unknown setting`);
    if (errors.length) return { errors };
  }
  const migrated = migrate(versioned).values;

  const settings: Partial<Record<UserSettingKey, unknown>> = {};
  for (const [key, value] of Object.entries(migrated)) {
    if (key === 'schemaVersion') continue;
    if (!(USER_SETTING_KEYS as string[]).includes(key)) {
      errors.push(`field ${key}: unknown setting`);
      continue;
    }
    const k = key as UserSettingKey;
    if (!validators[k](value)) errors.push(whyInvalid(k, value));
    else settings[k] = value;
  }
  if (errors.length) return { errors };
  if (!Object.keys(settings).length) return { errors: ['the file holds no settings'] };
  return { settings: settings as Partial<Settings>, errors: [] };
}

/** The exported file: every setting the user controls (enforced keys and the administrator's hosts left out). */
export function buildExport(settings: Settings, opts: { locked?: readonly string[]; adminSites?: readonly string[]; now?: Date } = {}): string {
  const out: Record<string, unknown> = {};
  for (const key of USER_SETTING_KEYS) {
    if (opts.locked?.includes(key)) continue;
    out[key] = key === 'allowedSites' ? settings.allowedSites.filter((h) => !opts.adminSites?.includes(h)) : settings[key];
  }
  return `${JSON.stringify(
    { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: (opts.now ?? new Date()).toISOString(), settings: out },
    null,
    2,
  )}\n`;
}
