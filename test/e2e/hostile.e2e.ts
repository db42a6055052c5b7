// Hostile pages and hostile messages, in Chromium with the built extension.
// The page against the banner: page script tries to find, read, click, remove, hide, cover and
// out-wait it; each attack comes with a positive control (the same probe succeeds against an
// open-root element the page made itself, or the page saw its attack take effect), and settings
// are read back from the extension afterwards.
// Pages (fixtures on a vendor hostname): history.pushState spam, a 250,000-node DOM, and a page
// that overrides attachShadow, appendChild, textContent, customElements.define (and claims the
// banner's own tag) in its main world before the banner appears. The warning stays correct and
// the page stays usable: it finishes its own work loop and answers a setTimeout(0) round trip.
// No timing thresholds: only "it finished" and "the banner is there and right".
// Messages: a web page's main world cannot reach the extension at all, and a message forged in
// the content script's world (a vendor id or URL of another site) changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { badgeText, banwatchWorld, launch, screenshot, tabIdOf, type Harness } from './harness';
import { banner, probe, windowListenersOfContentScript } from './banner-probe';

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

/** The banner on `page` for `vendor`: shown, in the top layer, titled `title`, nothing covering it. */
async function expectBanner(p: Page, vendor: string, title: string): Promise<void> {
  const b = await banner(p).shown(15_000);
  expect(b.vendorId).toBe(vendor);
  expect(b.texts[1]).toBe(title);
  await expect.poll(() => banner(p).probe().then((x) => x?.onTop), { timeout: 5000 }).toBe(true);
}

/** The page still runs its own event loop: a setTimeout(0) round trip completes. */
const roundTrip = (p: Page) => p.evaluate(() => new Promise<string>((r) => setTimeout(() => r('ok'), 0)));

describe('hostile pages', () => {
  it('history.pushState spam (3,000 calls, and 1,000 more later): the page finishes its work loop, the banner stays single and correct', async () => {
    await storageClear();
    // Playwright's own navigation tracking is what thousands of URL changes confuse: wait for the
    // commit, then for the page to say it is done.
    await page.goto('https://www.kaspersky.com/hostile-pushstate', { waitUntil: 'commit' });
    // A liveness check, not a speed one: 3,000 history calls take Chromium itself 10-40 s on a busy
    // 2-core machine (with or without BanWatch), so the bound is generous.
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, undefined, { timeout: 90_000 });
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
    expect(await banner(page).count()).toBe(1);
    await banner(page).click('Dismiss for this page'); // a real click still works
    await expect.poll(() => banner(page).count()).toBe(0);
    expect(await roundTrip(page)).toBe('ok');
  }, 150_000);

  it('a 250,000-node DOM: the banner appears and is correct, the page finishes building and stays responsive', async () => {
    await page.goto('https://www.huawei.com/hostile-huge-dom', { waitUntil: 'commit' });
    // A liveness check, not a speed one: 3,000 history calls take Chromium itself 10-40 s on a busy
    // 2-core machine (with or without BanWatch), so the bound is generous.
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, undefined, { timeout: 90_000 });
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

  it('overridden DOM prototypes and a page-defined <banwatch-banner> (the old fixed tag) in the main world: the banner is unaffected', async () => {
    await page.goto('https://www.kaspersky.com/hostile-prototypes');
    // The overrides are in force in the page's world…
    expect(await page.evaluate(() => (window as unknown as { __overridden?: boolean }).__overridden)).toBe(true);
    expect(await page.evaluate(() => document.body.textContent)).toBe('PWNED');
    await expectBanner(page, 'kaspersky', 'Kaspersky');
    // …the banner was built with the content script's own (isolated) prototypes: a real shadow
    // root with the right text, its buttons work.
    expect((await banner(page).probe())!.texts[2]).toMatch(/Sales banned in the US since/);
    const [details] = await Promise.all([h.context.waitForEvent('page'), banner(page).click('Full ruling context')]);
    await details.close();
    // None of BanWatch's DOM calls went through the page's overrides (the page's own log).
    const calls = await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);
    expect(calls.filter((c) => /attachShadow|showPopover|createElement:banwatch|replaceChildren/.test(c))).toEqual([]);
    expect(await roundTrip(page)).toBe('ok');
  });
});

describe('messages from outside', () => {
  it("a web page's main world cannot reach the extension: no chrome.runtime, or sendMessage to its id fails", async () => {
    await page.goto('https://www.kaspersky.com/');
    await banner(page).shown();
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
    // window.postMessage is not a channel either: the content script listens to none. Its window
    // listeners, read in its own world (no time-bound wait for an effect that may never come): no
    // 'message', and the control, its 'pageshow', is there.
    const listening = await windowListenersOfContentScript(page);
    expect(listening).toContain('pageshow');
    expect(listening).not.toContain('message');
    expect((await storageGet('sync')).allowedSites ?? []).toEqual([]);
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
      const extName = banwatchWorld();
      cdp = await h.context.newCDPSession(page);
      const worlds: { id: number; name: string }[] = [];
      cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => {
        if (e.context.auxData?.type === 'isolated') worlds.push({ id: e.context.id, name: e.context.name });
      });
      await cdp.send('Runtime.enable');
      await page.goto('https://www.kaspersky.com/');
      await banner(page).shown();
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
      const page2 = await send({ type: 'cs-bg-page', url: 'https://www.huawei.com/', prerendering: false });
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
      // The browser's own tab list (the background answers each message only after its tab exists).
      const detailsTabs = (): Promise<number[]> =>
        h.worker.evaluate(async () =>
          (await chrome.tabs.query({}))
            .filter((t: { url?: string; pendingUrl?: string }) => (t.pendingUrl ?? t.url ?? '').includes('src/details/index.html?vendor=kaspersky'))
            .map((t: { id: number }) => t.id),
        );
      const before = (await detailsTabs()).length;
      const replies = await Promise.all(Array.from({ length: 10 }, () => send({ type: 'cs-bg-action', action: 'open-details', vendorId: 'kaspersky', url: 'https://www.kaspersky.com/' })));
      expect(replies).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));
      expect((await detailsTabs()).length).toBe(before + 1);
      // Closed through the browser's own tab list: on a loaded machine Playwright may not list the
      // new tab yet, and a details tab left open would be brought to the front by the next test's
      // real click on this page's banner (one tab per vendor per page) instead of a new one opening.
      await h.worker.evaluate((ids: number[]) => chrome.tabs.remove(ids), await detailsTabs());
      expect(await detailsTabs()).toEqual([]);
    });
  });
});

describe('the page against the banner (each attack with its positive control)', () => {
  // Page script (main world). `ours()`: what the page can see of the banner, the extra children
  // of <html>. The control: an element the page builds like the banner but with an OPEN root,
  // whose buttons count the clicks that reach them.
  const SETUP = `(() => {
    window.ours = () => [...document.documentElement.children].filter((e) => !['HEAD', 'BODY'].includes(e.tagName) && e.id !== 'control');
    const c = document.createElement('div');
    c.id = 'control';
    c.popover = 'manual';
    const r = c.attachShadow({ mode: 'open' });
    r.innerHTML = '<p>Control text</p><button>Full ruling context</button><button>Dismiss for this page</button>';
    window.controlClicks = [];
    for (const b of r.querySelectorAll('button')) b.addEventListener('click', () => controlClicks.push(b.textContent));
    document.documentElement.append(c);
    window.firedAtBanner = [];
    addEventListener('click', (e) => { if (ours().includes(e.target)) firedAtBanner.push(e.type); }, true);
    addEventListener('keydown', (e) => { if (ours().includes(e.target)) firedAtBanner.push(e.key); }, true);
    return ours().length;
  })()`;
  const run = <T>(expr: string) => page.evaluate(expr) as Promise<T>;

  beforeAll(async () => {
    await storageClear();
  });

  async function fresh(url = 'https://www.kaspersky.com/'): Promise<void> {
    await page.goto(url);
    await banner(page).shown();
    expect(await run<number>(SETUP)).toBe(1); // the page does see one extra element (the banner's host)
  }

  it('cannot find it by a name or attribute; the same probe finds the control once it carries one', async () => {
    await fresh();
    const named = `[...document.querySelectorAll('*')].filter((e) => e.localName.includes('banwatch') || [...e.attributes].some((a) => /banwatch|severity|vendor/i.test(a.name + '=' + a.value))).length`;
    expect(await run<number>(named)).toBe(0);
    expect(await run<string>(`ours()[0].outerHTML`)).toBe('<div popover="manual"></div>');
    await run(`document.getElementById('control').setAttribute('data-banwatch-control', '')`);
    expect(await run<number>(named)).toBe(1); // positive control
  });

  it('cannot read its text; the same reads work on the open-root control', async () => {
    await fresh();
    const read = (el: string) =>
      run<string[]>(`(() => { const e = ${el}; return [String(e.shadowRoot && e.shadowRoot.textContent), e.textContent, e.innerText, e.getHTML({ serializableShadowRoots: true })]; })()`);
    expect(await read('ours()[0]')).toEqual(['null', '', '', '']);
    expect(await run<boolean>(`document.documentElement.innerText.includes('Sales banned')`)).toBe(false);
    expect((await read(`document.getElementById('control')`))[0]).toContain('Control text'); // positive control
  });

  it('cannot click its buttons or press its keys; the events fire and reach the control; a real click still works', async () => {
    await fresh();
    const before = h.context.pages().length;
    await run(`(() => {
      for (const e of [...ours(), document.getElementById('control')]) {
        e.click();
        e.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        e.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        for (const b of e.shadowRoot?.querySelectorAll('button') ?? []) { b.click(); b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })); }
      }
      const r = ours()[0].getBoundingClientRect();
      document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.click();
    })()`);
    // Positive controls: the events really fired at the banner's host, and reached the open-root control's buttons.
    expect(await run<string[]>('firedAtBanner')).toEqual(expect.arrayContaining(['click', 'Escape']));
    expect(await run<string[]>('controlClicks')).toEqual(['Full ruling context', 'Full ruling context', 'Dismiss for this page', 'Dismiss for this page']);
    // Not dismissed, and the one real click below opens exactly one details page (none came from the synthetic ones before it).
    expect((await banner(page).probe())?.shown).toBe(true);
    const [details] = await Promise.all([h.context.waitForEvent('page'), banner(page).click('Full ruling context')]);
    await details.waitForLoadState('domcontentloaded');
    expect(h.context.pages().length).toBe(before + 1);
    await details.close();
    await banner(page).click('Dismiss for this page');
    await expect.poll(() => banner(page).count()).toBe(0);
  });

  it('removing it: it comes back; a removal loop ends at the bound with the badge still telling the truth', async () => {
    await fresh();
    expect(await run<boolean>(`(() => { const b = ours()[0]; b.remove(); return b.isConnected; })()`)).toBe(false); // control: it was removed
    await banner(page).shown();
    await run(`new Promise((done) => { let n = 0; const t = setInterval(() => { ours().forEach((e) => e.remove()); if (++n === 60) { clearInterval(t); done(); } }, 10); })`);
    expect(await badgeText(h, await tabIdOf(h, page))).toBe('!');
  });

  it('hidePopover() and removing the popover attribute: it returns to the top layer', async () => {
    await fresh();
    expect(await run<number>(`(() => { ours()[0].hidePopover(); return document.querySelectorAll(':popover-open').length; })()`)).toBe(0); // control
    await expect.poll(() => probe(page).then((p) => p?.open)).toBe(true);
    expect(await run<boolean>(`(() => { const b = ours()[0]; b.removeAttribute('popover'); return b.hasAttribute('popover'); })()`)).toBe(false); // control
    await expect.poll(() => probe(page).then((p) => p?.open && p.onTop)).toBe(true);
  });

  it("covered by the page's own top-layer popover: back on top", async () => {
    await fresh();
    const coveredAtOnce = await run<boolean>(`(() => {
      const cover = document.createElement('div');
      cover.popover = 'manual';
      cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;background:rgba(0,0,0,.9);border:0';
      document.body.append(cover);
      cover.showPopover();
      const r = ours()[0].getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === cover;
    })()`);
    expect(coveredAtOnce).toBe(true); // control: the cover really was on top
    await expect.poll(() => probe(page).then((p) => p?.onTop)).toBe(true);
    await banner(page).click('Dismiss for this page'); // and usable
    await expect.poll(() => banner(page).count()).toBe(0);
  });

  it('a modal dialog: the banner shows the fallback text (its buttons would be inert); after the dialog closes, a real click works again', async () => {
    await fresh();
    const modal = await run<string>(`(() => {
      const d = document.createElement('dialog');
      d.id = 'm';
      d.textContent = 'Subscribe to our newsletter!';
      d.style.cssText = 'width:80vw;height:80vh;max-width:none;max-height:none';
      document.body.append(d);
      d.showModal();
      return document.querySelector(':modal')?.id;
    })()`);
    expect(modal).toBe('m'); // control: the page really holds a modal
    await expect.poll(() => probe(page).then((p) => p?.modal && p.open)).toBe(true);
    const p = (await probe(page))!;
    expect(p.texts.at(-1)).toMatch(/use the BanWatch button in the browser toolbar/);
    expect(p.buttons).toEqual([]);
    await screenshot(page, 'banner-modal-fallback');
    await run(`document.getElementById('m').close()`);
    await expect.poll(() => probe(page).then((x) => x?.modal)).toBe(false);
    const [details] = await Promise.all([h.context.waitForEvent('page'), banner(page).click('Full ruling context')]);
    await details.close();
  });

  it('fullscreen (after a real click on the page): the banner shows the fallback text', async () => {
    await fresh();
    await run(`(() => {
      const b = document.createElement('button');
      b.id = 'fs';
      b.textContent = 'Watch the video';
      b.style.cssText = 'position:fixed;left:20px;top:200px;z-index:1';
      b.onclick = () => document.body.requestFullscreen();
      document.body.append(b);
    })()`);
    await page.click('#fs');
    await expect.poll(() => run<boolean>('!!document.fullscreenElement')).toBe(true); // control
    await expect.poll(() => probe(page).then((p) => p?.modal)).toBe(true);
    await run('document.exitFullscreen()');
    await expect.poll(() => probe(page).then((p) => p?.modal)).toBe(false);
  });

  it('swapping the root element: the banner moves into the new one', async () => {
    await fresh();
    const oldGone = await run<boolean>(`(() => {
      const old = document.documentElement;
      const n = document.createElement('html');
      n.append(document.createElement('head'), document.createElement('body'));
      document.replaceChild(n, old);
      return !old.isConnected;
    })()`);
    expect(oldGone).toBe(true); // control
    await expect.poll(() => probe(page).then((p) => p?.shown && p.open)).toBe(true);
  });

  for (const name of ['hostile-hide-all', 'hostile-unset', 'hostile-overlay']) {
    it(`${name}: the page's CSS hides or covers its own content; the banner stays visible and on top`, async () => {
      await page.goto(`https://www.kaspersky.com/${name}`);
      await expectBanner(page, 'kaspersky', 'Kaspersky');
      await screenshot(page, `banner-${name}`);
    });
  }

  it('afterwards: no setting changed (read back from the extension)', async () => {
    const sync = await storageGet('sync');
    expect(sync.allowedSites ?? []).toEqual([]);
    expect(sync.hiddenVendors ?? []).toEqual([]);
    expect(sync.snoozed ?? {}).toEqual({});
    expect(sync.enabled ?? true).toBe(true);
  });
});
