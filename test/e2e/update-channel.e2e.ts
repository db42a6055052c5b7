// The opt-in update channel in a real Chromium, against a local HTTPS server posing as
// data.banwatch.org (self-signed, --ignore-certificate-errors, --host-resolver-rules). The
// extension is a test build (vite --mode test-update-channel, into .tmp/) that also trusts a key
// made for this run; dist/ carries no test key. With the default settings nothing is requested;
// turning the channel on sends exactly one request, with no cookie and no referrer; a good package
// is accepted (the popup finds its new vendor, the banner shows its changed ruling text); a
// tampered, rolled-back or shrunken package is refused and the options page says why.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../scripts/data-package/build-package';
import type { Dataset } from '../../src/core/dataset/schema';
import { validateDataset } from '../../src/core/dataset/validate';
import { isRegistrableHost } from '../../src/core/dataset/registrable';
import { DEFAULT_UPDATE_URL } from '../../src/core/settings';
import { TRUSTED_KEYS } from '../../src/core/data-package/trusted-keys';
import { atVersion, newTestKey, tampered, type TestKey } from '../unit/data-package-fixtures';
import { launch, screenshot, tabIdOf, type Harness } from './harness';
import { banner } from './banner-probe';

const MODE = 'test-update-channel';
const TEST_BUILD = resolve(`.tmp/dist-${MODE}`);
const NEW_RULING_NAME = 'Commerce Dept. Final Determination (text updated 1 Dec 2026)';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const contains = (dir: string, text: string) => files(dir).filter((f) => readFileSync(f, 'utf8').includes(text));

/** The next release's data: a new vendor, and a changed name for Kaspersky's headline ruling. */
function nextRelease(version: string): Dataset {
  return atVersion(version, (d) => {
    const base = d.vendors.find((v) => v.id === 'kaspersky')!;
    d.vendors.push({
      ...structuredClone(base),
      id: 'acme-test-cameras',
      name: 'Acme Test Cameras',
      legalNames: ['Acme Test Cameras Co., Ltd.'],
      aliases: [],
      domains: [{ domain: 'acme-test-cameras.com', evidence: 'believed' }],
      exclusions: [],
    } as Dataset['vendors'][number]);
    const ruling = d.rulings.find((r) => r.id === 'commerce-kaspersky-final-determination')!;
    ruling.shortName = NEW_RULING_NAME;
  });
}

let key: TestKey;
const served = { text: '' };
let h: Harness;
let options: Page;

const updateRequests = () => h.serverRequests.filter((r) => r.url === DEFAULT_UPDATE_URL);
const pkg = async (d: Dataset) => {
  const { errors } = validateDataset(JSON.parse(JSON.stringify(d)), isRegistrableHost);
  expect(errors).toEqual([]); // the test's own data is valid: a refusal below is the extension's doing
  return (await buildPackage({ datasetText: JSON.stringify(d), removals: [], date: '2026-12-01', signingKey: key.privateKey })).text;
};

beforeAll(async () => {
  key = await newTestKey();
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--mode', MODE, '--logLevel', 'error'], {
    stdio: 'inherit',
    env: { ...process.env, BANWATCH_TEST_KEYS: JSON.stringify([key.trusted]) },
  });
  served.text = await pkg(nextRelease('2026.12.01'));
  h = await launch({
    dist: TEST_BUILD,
    routes: {
      [DEFAULT_UPDATE_URL]: (_req, res) => void res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache', 'access-control-allow-origin': '*' }).end(served.text),
    },
  });
  // A cookie for the channel's host: the request must not carry it.
  await h.context.addCookies([{ name: 'tracker', value: 'abc', domain: 'data.banwatch.org', path: '/', secure: true, sameSite: 'None' }]);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const result = () => options.locator('#update-result');
const alarms = () => h.worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> } } }).chrome.alarms.getAll());
const inUse = () => options.locator('#updates .facts dd').nth(1);

/** What checksSettled uses of the worker's `chrome`. */
interface Chrome {
  storage: {
    session: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
    sync: { set(items: object): Promise<void> };
    onChanged: { addListener(cb: (changes: Record<string, { newValue?: unknown }>) => void): void; removeListener(cb: (changes: Record<string, { newValue?: unknown }>) => void): void };
  };
}
const setSync = (items: object) => h.worker.evaluate((i: object) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set(i), items);

/**
 * Resolves once no update check runs and none is about to start: every storage change made so far
 * (a switch, a mirror) has reached the worker's listeners, which mark a check they start at once
 * (shared/data-store.ts CHECKING_KEY), and then no check is marked.
 */
async function checksSettled(): Promise<void> {
  await h.worker.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
        const tag = `${Date.now()}-${Math.random()}`;
        const seen = (changes: Record<string, { newValue?: unknown }>) => {
          if (changes.e2eBarrier?.newValue !== tag) return;
          ext.storage.onChanged.removeListener(seen);
          resolve();
        };
        ext.storage.onChanged.addListener(seen);
        void ext.storage.session.set({ e2eBarrier: tag });
      }),
  );
  await expect.poll(() => h.worker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get('dataUpdateChecking')).dataUpdateChecking ?? false)).toBe(false);
}

async function checkNow(): Promise<void> {
  const before = updateRequests().length;
  await options.locator('#updates button', { hasText: 'Check now' }).click();
  await expect.poll(() => updateRequests().length, { timeout: 15_000 }).toBe(before + 1);
  await expect.poll(() => options.locator('#updates button', { hasText: 'Check now' }).isEnabled()).toBe(true);
}

describe('only the test build trusts the test key', () => {
  it('dist/ carries the real public key and not this run\'s test key; the test build carries both', () => {
    expect(contains('dist', TRUSTED_KEYS[0]!.publicKey).length).toBeGreaterThan(0); // positive control
    expect(contains('dist', key.trusted.publicKey)).toEqual([]);
    expect(contains('dist', MODE)).toEqual([]);
    expect(contains(TEST_BUILD, key.trusted.publicKey).length).toBeGreaterThan(0);
  });
});

describe('the update channel', () => {
  it('is off by default: opening the options page and waiting makes no request and sets no alarm', async () => {
    options = await h.context.newPage();
    await options.goto(h.url('src/options/index.html#updates'));
    await options.locator('#updates').waitFor();
    expect(await options.locator('#toggle-updateChannel').isChecked()).toBe(false);
    expect(await options.locator('#updates button', { hasText: 'Check now' }).isDisabled()).toBe(true);
    // The background's own check (at install, or now) has finished: a check asked for while one runs
    // joins it, and with the channel off a check, even a forced one, fetches nothing.
    await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'ui-bg-update-check' }));
    expect(updateRequests()).toEqual([]);
    expect(await result().textContent()).toBe('Nothing fetched: updates are off.');
    await options.locator('#updates').scrollIntoViewIfNeeded();
    await screenshot(options, 'options-updates-off');
    expect(await alarms()).toEqual([]);
  });

  it('turning it on sends exactly one request, without cookie or referrer, and accepts a good package', async () => {
    await options.locator('#toggle-updateChannel').check();
    await expect.poll(() => result().textContent(), { timeout: 15_000 }).toBe('Accepted version 2026.12.01');
    // The check the switch started is over, and no other is running or about to (control below).
    await expect.poll(() => alarms().then((a) => a.map((x) => x.name))).toEqual(['data-update']);
    await checksSettled();
    const sent = updateRequests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.cookie).toBeUndefined();
    expect(sent[0]!.referer).toBeUndefined();
    expect(await inUse().textContent()).toBe('Version 2026.12.01, from an update (shipped: 2026.11.30)');
    const [alarm] = await alarms();
    expect(alarm!.scheduledTime - Date.now()).toBeGreaterThan(23 * 60 * 60 * 1000); // tomorrow, not sooner
    await screenshot(options, 'options-updates-accepted');

    // Control for checksSettled: a check another change starts (a mirror, so a forced check) is
    // waited for and its request counted; then back to BanWatch's channel, one request more.
    const mirror = 'https://mirror.example/banwatch-data/control.json';
    await setSync({ updateUrl: mirror });
    await checksSettled();
    expect(h.serverRequests.filter((r) => r.url === mirror)).toHaveLength(1);
    await setSync({ updateUrl: '' });
    await checksSettled();
    expect(updateRequests()).toHaveLength(2);
  });

  it('the accepted data reaches the popup: a query typed at once finds the new vendor', async () => {
    const popup = await h.context.newPage();
    await popup.goto(h.url('src/popup/index.html'));
    await popup.locator('input[type="search"]').fill('Acme Test'); // possibly before the context (and the accepted data) is read
    await expect.poll(() => popup.locator('.lookup').textContent(), { timeout: 10_000 }).toContain('Acme Test Cameras');
    await expect.poll(() => popup.locator('.dataset').textContent()).toContain('2026.12.01');
    await popup.close();
  });

  it('the accepted data reaches the banner: a changed ruling name', async () => {
    const vendor = await h.context.newPage();
    await vendor.goto('https://www.kaspersky.com/');
    await banner(vendor).shown();
    // Drawn first from the build-time table, then corrected from the worker's answer on the accepted data.
    await expect.poll(async () => (await banner(vendor).probe())?.texts.join(' ') ?? '').toContain(NEW_RULING_NAME);
    await vendor.close();
  });

  it('the accepted data reaches the details page and the popup\'s site panel, split in memory: a vendor only the update has, a changed ruling name', async () => {
    const details = await h.context.newPage();
    await details.goto(h.url('src/details/index.html?vendor=acme-test-cameras'));
    await expect.poll(() => details.locator('h1#vendor-title').textContent(), { timeout: 10_000 }).toContain('Acme Test Cameras');
    expect(await details.locator('main').textContent()).toContain(NEW_RULING_NAME);
    await expect.poll(() => details.locator('.dataset').textContent()).toContain('2026.12.01');
    await details.goto(h.url('src/details/index.html?vendor=kaspersky'));
    await expect.poll(() => details.locator('main').textContent(), { timeout: 10_000 }).toContain(NEW_RULING_NAME);
    await details.close();
    const site = await h.context.newPage();
    await site.goto('https://www.kaspersky.com/');
    await banner(site).shown();
    const tabId = await tabIdOf(h, site);
    const popup = await h.context.newPage();
    await popup.goto(h.url(`src/popup/index.html?tab=${tabId}`));
    await expect.poll(() => popup.locator('.site').textContent(), { timeout: 10_000 }).toContain(NEW_RULING_NAME);
    await popup.close();
    await site.close();
  });

  it('refuses a tampered package, an older one and one that drops a vendor, says why, and keeps the data in use', async () => {
    const good = await pkg(nextRelease('2026.12.02'));
    const cases: [string, string, string][] = [
      ['tampered', tampered(good, (e) => void (e.dataset = e.dataset.replace('"Acme Test Cameras"', '"Acme Test Camera"'))), 'Refused: its data is not the data that was signed. BanWatch keeps the data it has.'],
      ['re-signed manifest', tampered(good, (e) => void (e.manifest = e.manifest.replace('"date":"2026-12-01"', '"date":"2026-12-09"'))), 'Refused: its signature does not match its contents (it was changed after signing). BanWatch keeps the data it has.'],
      ['rolled back', await pkg(nextRelease('2026.11.30.5')), 'Refused: it is not newer than the data BanWatch already has or had (an old copy). BanWatch keeps the data it has.'],
      ['shrunk', await pkg(atVersion('2026.12.03')), 'Refused: it drops a vendor without saying so. BanWatch keeps the data it has.'],
    ];
    for (const [name, text, words] of cases) {
      served.text = text;
      await checkNow();
      await expect.poll(() => result().textContent(), { message: name }).toBe(words);
      expect(await inUse().textContent(), name).toBe('Version 2026.12.01, from an update (shipped: 2026.11.30)');
    }
    await screenshot(options, 'options-updates-refused');
  });

  it('turning it off goes back to the bundled data and clears the alarm, without a request', async () => {
    const before = updateRequests().length;
    await options.locator('#toggle-updateChannel').uncheck();
    await expect.poll(() => inUse().textContent()).toBe('Version 2026.11.30, shipped with BanWatch');
    // The check the switch started ends by clearing the alarm: then it is over, without a request.
    await expect.poll(() => alarms()).toEqual([]);
    expect(updateRequests().length).toBe(before);
    // The pages are back on the bundled data: the update's vendor is unknown again.
    const details = await h.context.newPage();
    await details.goto(h.url('src/details/index.html?vendor=acme-test-cameras'));
    await expect.poll(() => details.locator('h1#vendor-title').textContent(), { timeout: 10_000 }).toBe('No such entry');
    await details.close();
  });
});
