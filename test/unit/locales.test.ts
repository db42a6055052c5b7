// Every string a user reads comes from _locales: each key the code asks for must exist, and
// every key must be a valid Chrome message name. (t() falls back to the key itself, so a missing
// string would otherwise show up as "popupNoSite_file" in the UI instead of failing.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergedMessages } from '../../scripts/locales-plugin';

const messages = mergedMessages('en');
const keys = Object.keys(messages);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const code = sources('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('locales', () => {
  it('has only valid message names, each with a non-empty message', () => {
    for (const k of keys) {
      expect(k, k).toMatch(/^[A-Za-z0-9_]+$/);
      expect(messages[k]!.message.length, k).toBeGreaterThan(0);
    }
  });

  it('defines every literal key the code passes to t()', () => {
    const missing: string[] = [];
    for (const { path, text } of code) {
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) if (!(m[1]! in messages)) missing.push(`${path}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('defines at least one key for every templated key prefix, e.g. t(`severity_${…}`)', () => {
    const missing: string[] = [];
    for (const { path, text } of code) {
      for (const m of text.matchAll(/\bt\(\s*`([A-Za-z0-9_]+)\$\{/g)) {
        if (!keys.some((k) => k.startsWith(m[1]!))) missing.push(`${path}: ${m[1]}…`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the severity, effect and audience strings for every value the data can hold', async () => {
    const { SEVERITIES } = await import('../../src/core/dataset/severity');
    const { EFFECTS, BOUND_PARTIES } = await import('../../src/core/dataset/constants');
    const id = (s: string) => s.replaceAll('-', '_');
    const want = [
      ...SEVERITIES.flatMap((s) => [`severity_${s}`, `badge_${s}`]),
      ...EFFECTS.flatMap((e) => [`effect_${id(e)}`, `effectNoDate_${id(e)}`]),
      ...BOUND_PARTIES.map((b) => `binds_${id(b)}`),
    ];
    expect(want.filter((k) => !(k in messages))).toEqual([]);
  });
});
