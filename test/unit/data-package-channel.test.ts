// The update channel's state machine (core/data-package/channel.ts): when a check may ask, and
// what each answer makes of the state, with every refusal kept and shown.
import { beforeAll, describe, expect, it } from 'vitest';
import { afterCheck, CHECK_INTERVAL_MS, isDue, nextCheckAt, type Fetched } from '../../src/core/data-package/channel';
import { INITIAL_STATE, readState, type ChannelState } from '../../src/core/data-package/channel-state';
import { sha256Hex, utf8 } from '../../src/core/data-package/bytes';
import { countsOf } from '../../src/core/data-package/format';
import { DEFAULT_UPDATE_URL, isUpdateUrl } from '../../src/core/settings';
import { isRegistrableHost } from '../../src/core/dataset/registrable';
import type { Dataset } from '../../src/core/dataset/schema';
import { buildPackage } from '../../scripts/data-package/build-package';
import { atVersion, bundled, newTestKey, signedText, tampered, withoutVendors, type TestKey } from './data-package-fixtures';

const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 2, 9);

let key: TestKey;
beforeAll(async () => {
  key = await newTestKey();
});

const pkg = async (d: Dataset, by = key) => (await buildPackage({ datasetText: JSON.stringify(d), removals: [], date: '2026-12-01', signingKey: by.privateKey })).text;
const body = (text: string): Fetched => ({ kind: 'body', text });
const ctx = (active: Dataset = bundled()) => ({ trustedKeys: [key.trusted], bundled: bundled(), active, isHost: isRegistrableHost });
const checked = (over: Partial<ChannelState> = {}): ChannelState => ({ ...INITIAL_STATE, lastCheck: NOW - HOUR, ...over });

describe('when a scheduled check may ask', () => {
  it('never with the channel off, whatever the state', () => {
    expect(nextCheckAt(INITIAL_STATE, false, NOW)).toBeNull();
    expect(isDue(INITIAL_STATE, false, NOW)).toBe(false);
    expect(isDue(checked({ lastCheck: NOW - 10 * CHECK_INTERVAL_MS }), false, NOW)).toBe(false);
  });

  it('at once when it has never checked', () => {
    expect(nextCheckAt(INITIAL_STATE, true, NOW)).toBe(NOW);
    expect(isDue(INITIAL_STATE, true, NOW)).toBe(true);
  });

  it('at most once a day: not 23 hours after the last check, but 24 hours after it', () => {
    expect(isDue(checked({ lastCheck: NOW - 23 * HOUR }), true, NOW)).toBe(false);
    expect(nextCheckAt(checked({ lastCheck: NOW - 23 * HOUR }), true, NOW)).toBe(NOW + HOUR);
    expect(isDue(checked({ lastCheck: NOW - 24 * HOUR }), true, NOW)).toBe(true);
  });

  it('a failed check counts as a check: offline is not asked again within the day', () => {
    const s = checked({ lastCheck: NOW - HOUR, outcome: { kind: 'offline', detail: 'Failed to fetch' } });
    expect(isDue(s, true, NOW)).toBe(false);
  });

  it('a clock set back before the last check does not postpone checks for days', () => {
    expect(isDue(checked({ lastCheck: NOW + 5 * CHECK_INTERVAL_MS }), true, NOW)).toBe(true);
  });
});

describe('what one answer makes of the state', () => {
  it('accepts a signed, newer package: the new version is the highest accepted and the data is returned to store', async () => {
    const { state, accepted } = await afterCheck(checked({ highestAccepted: null }), body(await pkg(atVersion('2026.12.01'))), ctx(), NOW);
    expect(state).toEqual({ lastCheck: NOW, outcome: { kind: 'accepted', version: '2026.12.01' }, highestAccepted: '2026.12.01' });
    expect(accepted?.meta.version).toBe('2026.12.01');
  });

  it('the data already in use, served again, is "up to date", not a refusal, and changes nothing else', async () => {
    const active = atVersion('2026.12.01');
    const before = checked({ highestAccepted: '2026.12.01' });
    const { state, accepted } = await afterCheck(before, body(await pkg(active)), ctx(active), NOW);
    expect(state).toEqual({ ...before, lastCheck: NOW, outcome: { kind: 'up-to-date', version: '2026.12.01' } });
    expect(accepted).toBeUndefined();
  });

  it('refuses a version not newer than the highest ever accepted, even when the data in use went back to the bundled data', async () => {
    const before = checked({ highestAccepted: '2026.12.05' });
    const { state, accepted } = await afterCheck(before, body(await pkg(atVersion('2026.12.01'))), ctx(), NOW);
    expect(state.outcome).toMatchObject({ kind: 'refused', reason: 'not-newer' });
    expect(state.highestAccepted).toBe('2026.12.05');
    expect(accepted).toBeUndefined();
  });

  it('refuses a tampered package, one signed by an unknown key, invalid data and a package that drops a vendor, keeping the reason', async () => {
    const good = await pkg(atVersion('2026.12.01'));
    const other = await newTestKey();
    const d = atVersion('2026.12.01');
    const broken = JSON.parse(JSON.stringify(d)) as Dataset & { vendors: Record<string, unknown>[] };
    broken.vendors[0]!.country = 'Russia';
    const brokenText = JSON.stringify(broken);
    const brokenManifest = { format: 1 as const, version: d.meta.version, date: '2026-12-01', sha256: await sha256Hex(utf8(brokenText)), previousVersion: null, counts: countsOf(d), removals: [] };
    const cases: [string, string][] = [
      [tampered(good, (e) => void (e.manifest = e.manifest.replace('"date":"2026-12-01"', '"date":"2026-12-09"'))), 'bad-signature'],
      [tampered(good, (e) => void (e.dataset = e.dataset.replace('"Kaspersky"', '"Kasperski"'))), 'digest-mismatch'],
      [await pkg(atVersion('2026.12.01'), other), 'unknown-key'],
      [signedText(key, brokenManifest, brokenText), 'invalid-data'],
      [await pkg(atVersion('2026.12.01', withoutVendors('kaspersky'))), 'drops-vendors'],
      ['<html>Not found</html>', 'malformed'],
    ];
    for (const [text, reason] of cases) {
      const before = checked({ highestAccepted: '2026.11.30' });
      const { state, accepted } = await afterCheck(before, body(text), ctx(), NOW);
      expect(state.outcome, reason).toMatchObject({ kind: 'refused', reason });
      expect((state.outcome as { detail: string }).detail.length, reason).toBeGreaterThan(0);
      expect(state.highestAccepted, reason).toBe('2026.11.30');
      expect(state.lastCheck, reason).toBe(NOW);
      expect(accepted, reason).toBeUndefined();
    }
  });

  it('offline, an HTTP error and an oversized file are recorded as such and keep the data and the highest version', async () => {
    const before = checked({ highestAccepted: '2026.12.01', outcome: { kind: 'accepted', version: '2026.12.01' } });
    for (const fetched of [{ kind: 'offline', detail: 'net::ERR_NAME_NOT_RESOLVED' }, { kind: 'http-error', status: 404 }, { kind: 'too-large' }] as Fetched[]) {
      const { state, accepted } = await afterCheck(before, fetched, ctx(), NOW);
      expect(state).toEqual({ lastCheck: NOW, outcome: fetched, highestAccepted: '2026.12.01' });
      expect(accepted).toBeUndefined();
    }
  });
});

describe('the stored state read back', () => {
  it('a corrupt record starts afresh; valid fields survive next to invalid ones', () => {
    for (const raw of [undefined, null, 'x', 42, [], { lastCheck: 'yesterday', outcome: 'ok', highestAccepted: 7 }]) expect(readState(raw)).toEqual(INITIAL_STATE);
    expect(readState({ lastCheck: NOW, outcome: null, highestAccepted: '2026.12.01' })).toEqual({ lastCheck: NOW, outcome: null, highestAccepted: '2026.12.01' });
    expect(readState({ lastCheck: NaN, outcome: { kind: 'offline', detail: 'x' }, highestAccepted: '2026.12.01' })).toEqual({ lastCheck: null, outcome: { kind: 'offline', detail: 'x' }, highestAccepted: '2026.12.01' });
  });
});

describe('the update URL setting', () => {
  it('is BanWatch\'s channel ("") or an https URL under /banwatch-data/ (the only path the CSP lets the extension reach)', () => {
    expect(isUpdateUrl('')).toBe(true);
    expect(isUpdateUrl(DEFAULT_UPDATE_URL)).toBe(true);
    expect(isUpdateUrl('https://mirror.corp.example/banwatch-data/banwatch-data.json')).toBe(true);
    for (const bad of [
      'http://mirror.corp.example/banwatch-data/banwatch-data.json', // not HTTPS
      'https://mirror.corp.example/other/banwatch-data.json', // outside the path
      'https://mirror.corp.example/banwatch-data/', // no file
      'https://user:pw@mirror.corp.example/banwatch-data/d.json', // credentials
      'https://mirror.corp.example/banwatch-data/d.json?id=123', // a query could carry an identifier
      'https://mirror.corp.example/banwatch-data/d.json#x',
      'https://MIRROR.corp.example/banwatch-data/d.json', // not in canonical form
      'https://mirror.corp.example/banwatch-data/../secret.json',
      42,
      null,
    ]) {
      expect(isUpdateUrl(bad), String(bad)).toBe(false);
    }
  });
});
