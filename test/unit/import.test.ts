import { describe, expect, it } from 'vitest';
import { buildExport, lineColumn, MAX_DEPTH, parseImport } from '../../src/core/settings-file';
import { defaults, readSettings, type Settings } from '../../src/core/settings';

const file = (settings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'banwatch-settings', schemaVersion: 1, exportedAt: '2026-11-28T00:00:00Z', settings, ...extra });

describe('parseImport: valid files', () => {
  it('round-trips an export', () => {
    const s: Settings = {
      ...structuredClone(defaults),
      audience: 'federal-contractor',
      warningStyle: 'strict',
      allowedSites: ['www.example.com', 'intranet.example.com'],
      hiddenVendors: ['huawei'],
      snoozed: { dji: 'sig' },
      decisionLog: true,
    };
    s.authorities.treasury = false;
    const text = buildExport(s, { locked: ['decisionLog'], adminSites: ['intranet.example.com'] });
    const result = parseImport(text);
    expect(result.errors).toEqual([]);
    expect(result.settings).not.toHaveProperty('decisionLog'); // enforced keys are not exported
    expect(result.settings?.allowedSites).toEqual(['www.example.com']); // nor the admin's hosts
    expect(readSettings({ ...result.settings, decisionLog: true, allowedSites: s.allowedSites })).toEqual(s);
  });

  it('accepts a partial file, a bare settings object and a byte-order mark', () => {
    expect(parseImport(file({ enabled: false })).settings).toEqual({ enabled: false });
    expect(parseImport('{"audience": "business"}').settings).toEqual({ audience: 'business' });
    expect(parseImport(`\uFEFF${file({ enabled: false })}`).errors).toEqual([]);
  });

  it('migrates a file from an older version (v0 names)', () => {
    const result = parseImport(JSON.stringify({ on: false, mode: 'block', whitelist: ['www.example.com'] }));
    expect(result.errors).toEqual([]);
    expect(result.settings).toEqual({ enabled: false, warningStyle: 'strict', allowedSites: ['www.example.com'] });
  });
});

describe('parseImport: every problem named, nothing returned', () => {
  const errorsOf = (text: string, size?: number) => {
    const r = parseImport(text, size);
    expect(r.settings).toBeUndefined();
    return r.errors;
  };

  it('names each wrong field with what was expected', () => {
    const errors = errorsOf(
      file({
        enabled: 'yes',
        audience: 'martian',
        allowedSites: ['www.example.com', 42],
        hiddenVendors: ['huawei', 'huawei'],
        authorities: { commerce: false },
        snoozed: [],
        mystery: 1,
      }),
    );
    expect(errors).toEqual([
      'field enabled: expected true or false, got "yes"',
      'field audience: expected one of "consumer", "business", "federal-contractor", "everything", got "martian"',
      'field allowedSites[1]: expected a lowercase host name like "www.example.com", got 42',
      'field hiddenVendors[1]: "huawei" is listed twice',
      'field authorities.fcc: missing (expected true or false)',
      'field snoozed: expected an object mapping vendor ids to data signatures (strings), got a list of 0',
      'field mystery: unknown setting',
    ]);
  });

  it('gives line and column for JSON syntax errors', () => {
    expect(errorsOf('{\n  "settings": {\n    "enabled": tru\n  }\n}')[0]).toMatch(/^not valid JSON: .* at line 3, column 16$/);
    expect(errorsOf('{"a": 1,}')[0]).toMatch(/line 1, column 9/);
    expect(errorsOf('{"a": 1')[0]).toMatch(/unexpected end of file .* line 1, column 8/);
    expect(errorsOf("{'a': 1}")[0]).toMatch(/property name in double quotes.*line 1, column 2/);
    expect(errorsOf('{"a": "tab\there"}')[0]).toMatch(/control character/);
    expect(errorsOf('{"a": 1} trailing')[0]).toMatch(/end of the file/);
    expect(errorsOf('\x89PNG\r\n\x1a\n')[0]).toMatch(/^not valid JSON/);
    expect(errorsOf('   ')[0]).toBe('the file is empty');
  });

  it('refuses files over 1 MB before reading them', () => {
    expect(errorsOf('{}', 1024 * 1024 + 1)[0]).toMatch(/larger than 1 MB/);
    expect(errorsOf(`{"x": "${'a'.repeat(1024 * 1024)}"}`)[0]).toMatch(/larger than 1 MB/);
  });

  it('refuses deep nesting without recursing into it', () => {
    expect(errorsOf('['.repeat(100_000))[0]).toMatch(new RegExp(`nested more than ${MAX_DEPTH} levels deep at line 1, column ${MAX_DEPTH + 1}`));
    expect(errorsOf(file({ snoozed: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) })).length).toBeGreaterThan(0);
  });

  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    expect(errorsOf('{"__proto__": {"enabled": false}}')).toEqual(['field __proto__: key "__proto__" is not allowed']);
    expect(errorsOf(file({ snoozed: { constructor: 'x' } }))).toEqual(['field settings.snoozed.constructor: key "constructor" is not allowed']);
    expect(errorsOf(file({ allowedSites: [{ prototype: 1 }] }))[0]).toMatch(/settings\.allowedSites\[0\]\.prototype/);
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });

  it('refuses the wrong top-level shapes and versions', () => {
    expect(errorsOf('[1, 2]')[0]).toBe('expected a JSON object with the settings, got a list of 2');
    expect(errorsOf('"settings"')[0]).toMatch(/expected a JSON object/);
    expect(errorsOf('null')[0]).toMatch(/expected a JSON object/);
    expect(errorsOf(file({ enabled: true }, { format: 'other-extension' }))[0]).toMatch(/field format: expected "banwatch-settings"/);
    expect(errorsOf(file({ enabled: true }, { schemaVersion: 7 }))[0]).toMatch(/newer BanWatch \(version 7\)/);
    expect(errorsOf(file({ enabled: true }, { schemaVersion: 'one' }))[0]).toMatch(/field schemaVersion: expected a whole number/);
    expect(errorsOf(file('x'))[0]).toMatch(/field settings: expected an object/);
    expect(errorsOf(file({}, { extra: 1 }))).toContain('field extra: unknown field');
    expect(errorsOf(file({}))[0]).toBe('the file holds no settings');
    expect(errorsOf(JSON.stringify({ on: true, bogus: 1 }))).toEqual(['field bogus: unknown setting']);
  });
});

describe('lineColumn', () => {
  it('counts from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
