// A prerendered vendor page (speculation rules) gets its verdict: its top frame sends with a
// non-zero frame id and documentLifecycle 'prerender', and the background answers it without
// setting the badge or logging "warned" (the page may never be shown, and its tab still shows
// another page); on activation the page asks again and gets both. Raw DevTools protocol: the
// initiating page is never attached to (attaching disables prerendering).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helpers shared with `npm start`
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { DIST } from './harness';
import { attachTo, evalIn, launchRaw, until, type RawBrowser } from './raw-chromium';

interface Seen {
  url: string;
  frameId: number;
  documentLifecycle?: string;
}

let server: { port: number; close(): Promise<void> };
let b: RawBrowser;
let profile: string;
beforeAll(async () => {
  server = await startFixtureServer();
  profile = mkdtempSync(join(tmpdir(), 'banwatch-prerender-'));
  b = await launchRaw({ profile, port: server.port, dist: DIST });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('prerender', () => {
  it("is answered while prerendered (documentLifecycle 'prerender', no badge, no log), and warned once activated", async () => {
    const sw = await attachTo(b.cdp, 'service_worker', '/service-worker-loader.js');
    // Record what the background receives (a second listener next to BanWatch's own), and turn the decision log on.
    // Attached early, the worker may not have its extension bindings yet.
    await until('the worker has no extension API', () => evalIn<boolean>(b.cdp, sw, `typeof chrome === 'object' && !!chrome.storage`), (ok) => ok);
    await evalIn(b.cdp, sw, `self.seen = []; chrome.runtime.onMessage.addListener((m, s) => { if (m?.type === 'cs-bg-page') self.seen.push({ url: s.url, frameId: s.frameId, documentLifecycle: s.documentLifecycle }); }); 1`);
    await evalIn(b.cdp, sw, `chrome.storage.sync.set({ decisionLog: true }).then(() => 1)`);
    const seen = () => evalIn<Seen[]>(b.cdp, sw, 'self.seen');
    const logged = () => evalIn<number>(b.cdp, sw, `chrome.storage.local.get('decisionLogEntries').then((x) => (x.decisionLogEntries ?? []).length)`);
    const tabUrls = () => evalIn<string[]>(b.cdp, sw, `chrome.storage.session.get(null).then((all) => Object.entries(all).filter(([k]) => k.startsWith('tab:')).map(([, v]) => v.url))`);

    const start = 'https://www.kaspersky.com/prerender-start?prerender=1500&auto=5000';
    const { targetId } = await b.cdp.send<{ targetId: string }>('Target.createTarget', { url: start });
    // The start page is warned and logged; then the log is emptied (it skips a repeat of the same warning).
    await until('the start page was not logged', logged, (n) => n === 1);
    await evalIn(b.cdp, sw, `chrome.storage.local.remove('decisionLogEntries').then(() => 1)`);
    expect(await seen()).toHaveLength(1);

    const prerendered = await until('no message from a prerendered page', seen, (s) => s.some((x) => x.url.includes('/next') && x.documentLifecycle === 'prerender'));
    expect(prerendered.find((x) => x.url.includes('/next'))!.frameId).not.toBe(0);
    // Before activation: the prerendered page is neither logged nor the tab's state.
    expect(await logged()).toBe(0);
    expect(await tabUrls()).toEqual([start]);

    // The start page activates the prerender: the page asks again, as an active top frame.
    await until('no message after activation', seen, (s) => s.some((x) => x.url.includes('/next') && x.documentLifecycle === 'active' && x.frameId === 0));
    await until('the activated page was not logged', logged, (n) => n === 1);
    await until('the tab state did not follow', tabUrls, (u) => u.length === 1 && u[0] === 'https://www.kaspersky.com/next?cacheable');
    const { sessionId } = await b.cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    expect(await evalIn<number>(b.cdp, sessionId, `performance.getEntriesByType('navigation')[0].activationStart`)).toBeGreaterThan(0); // it really was a prerender
    // The banner's script applied two answers: the one it got while prerendered, and the one after activation.
    const worlds: number[] = [];
    b.cdp.on('Runtime.executionContextCreated', (p: { context: { id: number; auxData?: { type?: string } } }, s) => {
      if (s === sessionId && p.context.auxData?.type === 'isolated') worlds.push(p.context.id);
    });
    await b.cdp.send('Runtime.enable', {}, sessionId);
    const probes = await Promise.all(
      worlds.map((contextId) =>
        b.cdp.send<{ result: { value?: { answers: number; shown: boolean } } }>('Runtime.evaluate', { contextId, expression: 'globalThis.banwatchVendorPage?.probe()', returnByValue: true }, sessionId),
      ),
    );
    expect(probes.map((r) => r.result.value).filter(Boolean)).toEqual([expect.objectContaining({ answers: 2, shown: true })]);
  });
});
