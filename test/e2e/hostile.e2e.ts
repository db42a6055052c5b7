// Hostile pages and hostile messages, in Chromium with the built extension.
// Pages (fixtures on a vendor hostname): history.pushState spam, a 250,000-node DOM, and a page
// that overrides attachShadow, appendChild, textContent, customElements.define (and claims the
// banner's own tag) in its main world before the banner appears. The warning stays correct and
// the page stays usable: it finishes its own work loop and answers a setTimeout(0) round trip.
// No timing thresholds: only "it finished" and "the banner is there and right".
// Messages: a web page's main world cannot reach the extension at all, and a message forged in
// the content script's world (a vendor id or URL of another site) changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { bannerHost, launch, type Harness } from './harness';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launch();
  page = await h.context.newPage();
});
afterAll(async () => {
  await h?.close();
});

/** Reads and writes settings through an extension page (the worker handle can go stale when MV3 restarts it). */
async function extPage(): Promise<Page> {
  const p = await h.context.newPage();
  await p.goto(h.url('src/onboarding/index.html'));
  return p;
}
async function storageGet(area: 'sync' | 'local'): Promise<Record<string, unknown>> {
  const p = await extPage();
  const got = await p.evaluate((a) => chrome.storage[a].get(null), area);
  await p.close();
  await page.bringToFront(); // a background tab's timers are throttled
  return got;
}
async function storageClear(): Promise<void> {
  const p = await extPage();
  await p.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
  });
  await p.close();
  await page.bringToFront(); // a background tab's timers are throttled
}

/** The banner on `page` for `vendor`, with its title read inside the shadow root. */
async function expectBanner(p: Page, vendor: string, title: string): Promise<void> {
  await bannerHost(p).waitFor({ state: 'attached', timeout: 15_000 });
  expect(await bannerHost(p).count()).toBe(1);
  expect(await bannerHost(p).getAttribute('data-banwatch-vendor')).toBe(vendor);
  await expect.poll(() => p.locator('[data-banwatch-banner] h2').textContent(), { timeout: 5000 }).toBe(title);
  await expect.poll(() => p.locator('[data-banwatch-banner] .card').isVisible(), { timeout: 5000 }).toBe(true);
}

/** The page still runs its own event loop: a setTimeout(0) round trip completes. */
const roundTrip = (p: Page) => p.evaluate(() => new Promise<string>((r) => setTimeout(() => r('ok'), 0)));

describe('hostile pages', () => {
  it('history.pushState spam (3,000 calls, and 1,000 more later): the page finishes its work loop, the banner stays single and correct', async () => {
    await storageClear();
    // Playwright's own navigation tracking is what thousands of URL changes confuse: wait for the
    // commit, then for the page to say it is done.
    await page.goto('https://www.kaspersky.com/hostile-pushstate', { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __rounds: number }).__rounds)).toBe(20);
    expect(await page.locator('#status').textContent()).toBe('done');
    expect(await page.evaluate(() => (window as unknown as { __pushed: number; __refused: number }).__pushed + (window as unknown as { __refused: number }).__refused)).toBe(3000);
    await expectBanner(page, 'kaspersky', 'Kaspersky');
    expect(await roundTrip(page)).toBe('ok');
    // More spam after the banner is up: still exactly one banner, still clickable.
    await page.evaluate(() => {
      for (let i = 0; i < 1000; i++) {
        try {
          history.pushState({}, '', `/more/${i}`);
        } catch {
          /* throttled */
        }
      }
    });
    expect(await bannerHost(page).count()).toBe(1);
    await page.locator('[data-banwatch-banner] button[aria-controls="bw-more"]').click();
    expect(await page.locator('[data-banwatch-banner] .more').isVisible()).toBe(true);
    expect(await roundTrip(page)).toBe('ok');
  });

  it('a 250,000-node DOM: the banner appears and is correct, the page finishes building and stays responsive', async () => {
    await page.goto('https://www.huawei.com/hostile-huge-dom', { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, undefined, { timeout: 30_000 });
    const nodes = await page.evaluate(() => {
      const it = document.createNodeIterator(document, NodeFilter.SHOW_ALL);
      let n = 0;
      while (it.nextNode()) n++;
      return n;
    });
    expect(nodes).toBeGreaterThanOrEqual(200_000);
    await expectBanner(page, 'huawei', 'Huawei');
    expect(await roundTrip(page)).toBe('ok');
    // The page's own content is still there and usable.
    expect(await page.locator('#grid > div').count()).toBe(50_000);
    await page.locator('#site-nav a').click({ trial: true });
  });

  it('overridden DOM prototypes and a page-defined <banwatch-banner> in the main world: the banner is unaffected', async () => {
    await page.goto('https://www.kaspersky.com/hostile-prototypes');
    // The overrides are in force in the page's world…
    expect(await page.evaluate(() => (window as unknown as { __overridden?: boolean }).__overridden)).toBe(true);
    expect(await page.evaluate(() => document.body.textContent)).toBe('PWNED');
    await expectBanner(page, 'kaspersky', 'Kaspersky');
    // …the banner was built with the content script's own (isolated) prototypes: a real shadow
    // root with the right text, its buttons work.
    expect(await page.locator('[data-banwatch-banner] .line').textContent()).toMatch(/Sales banned in the US since/);
    await page.locator('[data-banwatch-banner] button[aria-controls="bw-more"]').click();
    expect(await page.locator('[data-banwatch-banner] .more').isVisible()).toBe(true);
    // None of BanWatch's DOM calls went through the page's overrides (the page's own log).
    const calls = await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);
    expect(calls.filter((c) => /attachShadow|showPopover|createElement:banwatch|replaceChildren/.test(c))).toEqual([]);
    expect(await roundTrip(page)).toBe('ok');
  });
});

describe('messages from outside', () => {
  it("a web page's main world cannot reach the extension: no chrome.runtime, or sendMessage to its id fails", async () => {
    await page.goto('https://www.kaspersky.com/');
    await bannerHost(page).waitFor({ state: 'attached', timeout: 15_000 });
    const result = await page.evaluate(async (id) => {
      const c = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome;
      if (!c?.runtime?.sendMessage) return 'no runtime';
      try {
        await c.runtime.sendMessage(id, { type: 'cs-bg-action', action: 'allow-site', vendorId: 'kaspersky', url: location.href });
        return 'sent';
      } catch (e) {
        return `refused: ${e}`;
      }
    }, h.extensionId);
    expect(result === 'no runtime' || result.startsWith('refused')).toBe(true);
    // window.postMessage is not a channel either: the content script listens to none.
    await page.evaluate(() => {
      for (const type of ['cs-bg-action', 'allow-site']) window.postMessage({ type, action: 'allow-site', vendorId: 'kaspersky', url: location.href }, '*');
    });
    await page.waitForTimeout(300);
    const sync = await storageGet('sync');
    expect(sync.allowedSites ?? []).toEqual([]);
  });

  describe('forged in the content script world', () => {
    let cdp: CDPSession;
    let contextId: number;

    /** Runs `expr` inside BanWatch's content-script world on the current page. */
    const inContentScript = async (expr: string): Promise<unknown> => {
      const r = (await cdp.send('Runtime.evaluate', { expression: expr, contextId, awaitPromise: true, returnByValue: true })) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      return r.result.value;
    };

    beforeAll(async () => {
      await storageClear();
      const extName = 'BanWatch — US tech restrictions';
      cdp = await h.context.newCDPSession(page);
      const worlds: { id: number; name: string }[] = [];
      cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => {
        if (e.context.auxData?.type === 'isolated') worlds.push({ id: e.context.id, name: e.context.name });
      });
      await cdp.send('Runtime.enable');
      await page.goto('https://www.kaspersky.com/');
      await bannerHost(page).waitFor({ state: 'attached', timeout: 15_000 });
      const world = worlds.filter((w) => w.name === extName).at(-1); // the last one: this navigation's
      if (!world) throw new Error(`no content-script world among ${worlds.map((w) => w.name).join(', ')}`);
      contextId = world.id;
    });

    const send = (m: unknown) => inContentScript(`chrome.runtime.sendMessage(${JSON.stringify(m)}).then((r) => r ?? null, (e) => 'error: ' + e.message)`);

    it("a forged vendor id (huawei on a kaspersky page) changes nothing", async () => {
      const reply = await send({ type: 'cs-bg-action', action: 'hide-vendor', vendorId: 'huawei', url: 'https://www.kaspersky.com/' });
      expect(reply).toEqual({ ok: false });
      const snooze = await send({ type: 'cs-bg-action', action: 'snooze-vendor', vendorId: 'huawei', url: 'https://www.kaspersky.com/' });
      expect(snooze).toEqual({ ok: false });
      const sync = await storageGet('sync');
      expect(sync.hiddenVendors ?? []).toEqual([]);
      expect(sync.snoozed ?? {}).toEqual({});
    });

    it('a URL of another site (allow huawei.com from a kaspersky page) changes nothing', async () => {
      const reply = await send({ type: 'cs-bg-action', action: 'allow-site', vendorId: 'huawei', url: 'https://www.huawei.com/' });
      expect(reply).toEqual({ ok: false });
      const page2 = await send({ type: 'cs-bg-page', url: 'https://www.huawei.com/' });
      expect(page2).toEqual({ show: 'none' });
      expect((await storageGet('sync')).allowedSites ?? []).toEqual([]);
    });

    it('ui-bg-* messages are refused from a content script, and malformed ones get no answer', async () => {
      const proceed = await send({ type: 'ui-bg-proceed', url: 'https://www.kaspersky.com/', remember: true });
      expect(proceed === null || String(proceed).startsWith('error')).toBe(true);
      for (const bad of [{ type: 'cs-bg-action', action: 'allow-site' }, { type: 'nope' }, ['cs-bg-page'], 'cs-bg-page']) {
        const r = await send(bad);
        expect(r === null || String(r).startsWith('error'), JSON.stringify(bad)).toBe(true);
      }
      expect((await storageGet('sync')).allowedSites ?? []).toEqual([]);
    });

    it('even the genuine vendor and page cannot change settings from the page; only "open details" is accepted, one tab per vendor', async () => {
      for (const action of ['hide-vendor', 'snooze-vendor', 'allow-site']) {
        expect(await send({ type: 'cs-bg-action', action, vendorId: 'kaspersky', url: 'https://www.kaspersky.com/' }), action).toEqual({ ok: false });
      }
      const sync = await storageGet('sync');
      expect([sync.hiddenVendors ?? [], sync.allowedSites ?? [], sync.snoozed ?? {}]).toEqual([[], [], {}]);
      // Positive control: the accepted action does act — ten fake clicks, one details tab.
      const details = () => h.context.pages().filter((p) => p.url().includes('src/details/index.html?vendor=kaspersky')).length;
      const before = details();
      const replies = await Promise.all(Array.from({ length: 10 }, () => send({ type: 'cs-bg-action', action: 'open-details', vendorId: 'kaspersky', url: 'https://www.kaspersky.com/' })));
      expect(replies).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));
      await expect.poll(details, { timeout: 5000 }).toBe(before + 1);
      await page.waitForTimeout(500);
      expect(details()).toBe(before + 1);
      for (const p of h.context.pages()) if (p.url().includes('src/details/')) await p.close();
    });
  });
});
