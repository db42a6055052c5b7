// The warning is in the page's first paint: drawn by the manifest script from its build-time
// table before any paint, with the user's choices applied by the override scripts in the same
// task. Shown on the first vendor page after a real browser restart (the extension installed
// before, not reinstalled: recipe R2 in notes), with storage.managed never answering (the test
// build), and after the service worker was stopped. Raw DevTools protocol: Playwright always
// reinstalls the extension with --load-extension.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helpers shared with `npm start`
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import type { BannerProbe } from '../../src/vendor-page/api';
import { attachTo, evalIn, launchRaw, until, type Cdp, type RawBrowser } from './raw-chromium';

const TEST_BUILD = resolve('.tmp/dist-test-withhold-managed');

let server: { port: number; close(): Promise<void> };
let profile: string;
let b: RawBrowser | undefined;

beforeAll(async () => {
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--mode', 'test-withhold-managed', '--logLevel', 'error'], { stdio: 'inherit' });
  server = await startFixtureServer();
  profile = mkdtempSync(join(tmpdir(), 'banwatch-first-paint-'));
}, 120_000);
afterAll(async () => {
  await b?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

const workerSession = (cdp: Cdp) => attachTo(cdp, 'service_worker', '/service-worker-loader.js');
const workerReady = (cdp: Cdp, sw: string) => until('no extension API in the worker', () => evalIn<boolean>(cdp, sw, `typeof chrome === 'object' && !!chrome.storage`), Boolean);

/** Opens `url` in a new tab; once loaded: the banner as the content script saw it, and the page's first paint. */
async function openAndProbe(cdp: Cdp, url: string): Promise<{ banner: BannerProbe; firstPaint: number }> {
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url });
  return probeTarget(cdp, targetId);
}

async function probeTarget(cdp: Cdp, targetId: string): Promise<{ banner: BannerProbe; firstPaint: number }> {
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', (p: { context: { id: number; auxData?: { type?: string } } }, s) => {
    if (s === sessionId && p.context.auxData?.type === 'isolated') worlds.push(p.context.id);
  });
  await until('the page did not load', () => evalIn<string>(cdp, sessionId, 'location.protocol + document.readyState').catch(() => ''), (s) => s === 'https:complete');
  const firstPaint = await until(
    'no first paint',
    () => evalIn<number>(cdp, sessionId, `performance.getEntriesByName('first-paint')[0]?.startTime ?? 0`),
    (t) => t > 0,
  );
  await cdp.send('Runtime.enable', {}, sessionId);
  const probes = await Promise.all(
    worlds.map((contextId) => cdp.send<{ result: { value?: BannerProbe } }>('Runtime.evaluate', { contextId, expression: 'globalThis.banwatchVendorPage?.probe()', returnByValue: true }, sessionId)),
  );
  const banner = probes.map((r) => r.result.value).find(Boolean);
  if (!banner) throw new Error('no BanWatch script in the page');
  return { banner, firstPaint };
}

describe('the banner is in the first paint', () => {
  it('after a real restart (first page of the session, managed storage silent), with the user’s choices applied before that paint, and with the worker stopped', async () => {
    // Session 1: install (--load-extension), choose settings, wait for the override registrations.
    b = await launchRaw({ profile, port: server.port, dist: TEST_BUILD });
    let sw = await workerSession(b.cdp);
    await workerReady(b.cdp, sw);
    const extensionId = await evalIn<string>(b.cdp, sw, 'chrome.runtime.id');
    // Huawei's main site allowed; "listed" vendors (Tencent, silent by default) warned.
    await evalIn(b.cdp, sw, `chrome.storage.sync.set({ allowedSites: ['www.huawei.com'], minSeverity: 'listed' }).then(() => 1)`);
    const ids = await until(
      'the override scripts were not registered',
      () => evalIn<string[]>(b!.cdp, sw, 'chrome.scripting.getRegisteredContentScripts().then((r) => r.map((s) => s.id).sort())'),
      (r) => r.includes('bw-hide-sites') && r.includes('bw-show'),
    );
    expect(ids).toEqual(['bw-hide-sites', 'bw-show']);
    await b.close();
    // Recipe R2: make the profile's record a "Load unpacked" one, so the next start is not a reinstall.
    const prefsFile = join(profile, 'Default', 'Preferences');
    const prefs = JSON.parse(readFileSync(prefsFile, 'utf8'));
    prefs.extensions.settings[extensionId].location = 4;
    prefs.extensions.ui = { developer_mode: true };
    writeFileSync(prefsFile, JSON.stringify(prefs));

    // Session 2: the vendor page is the browser's start page.
    b = await launchRaw({ profile, port: server.port, startUrl: 'https://www.kaspersky.com/?first' });
    const { targetInfos } = await b.cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets');
    const start = targetInfos.find((t) => t.type === 'page' && t.url.includes('kaspersky'))!;
    const first = await probeTarget(b.cdp, start.targetId);
    expect(first.banner).toMatchObject({ shown: true, vendorId: 'kaspersky' });
    expect(first.banner.shownAt!).toBeLessThan(first.firstPaint);

    // The overrides survived the restart and act before the first paint.
    const allowed = await openAndProbe(b.cdp, 'https://www.huawei.com/');
    // Never drawn (the override ran first and left word), or drawn and removed by the override
    // before anything was painted; never left to the background's answer after the paint.
    expect(allowed.banner.shown).toBe(false);
    if (allowed.banner.shownAt === null) expect(allowed.banner.hiddenBy).toBeNull();
    else expect([allowed.banner.hiddenBy, allowed.banner.hiddenAt! < allowed.firstPaint]).toEqual(['override', true]);
    const otherHuawei = await openAndProbe(b.cdp, 'https://consumer.huawei.com/');
    expect(otherHuawei.banner.shown).toBe(true); // only the allowed site
    const listed = await openAndProbe(b.cdp, 'https://www.qq.com/');
    expect(listed.banner).toMatchObject({ shown: true, vendorId: 'tencent' });
    expect(listed.banner.shownAt!).toBeLessThan(listed.firstPaint);

    // Stop the worker; the next vendor page is still warned in its first paint.
    sw = await workerSession(b.cdp);
    const { targetId: pageId } = await b.cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await b.cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: pageId, flatten: true });
    await b.cdp.send('ServiceWorker.enable', {}, sessionId);
    await b.cdp.send('ServiceWorker.stopAllWorkers', {}, sessionId);
    await until('the worker did not stop', () => b!.cdp.send<{ targetInfos: { type: string; url: string }[] }>('Target.getTargets').then((r) => r.targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(extensionId)).length), (n) => n === 0);
    const cold = await openAndProbe(b.cdp, 'https://www.hikvision.com/');
    expect(cold.banner).toMatchObject({ shown: true, vendorId: 'hikvision' });
    expect(cold.banner.shownAt!).toBeLessThan(cold.firstPaint);
  }, 120_000);
});
