// Firefox smoke test: the built dist-firefox/ add-on, installed as a temporary add-on in Debian's
// real firefox-esr (headless, WebDriver BiDi; see firefox-harness.ts), shows the banner on a
// vendor page and nothing elsewhere, and strict mode, switched on in the options page, stops
// vendor pages before the request. Fails, never skips, when firefox-esr is missing.
// Reads dist-firefox/ (`npm run build:firefox`; `npm test` builds it before this step).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchFirefox, type FirefoxHarness } from './firefox-harness';
import { RESULTS } from './harness';

let ff: FirefoxHarness;

beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
});

/** Opens a new tab on `url` and waits for its load event. Returns the BiDi context id. */
async function openTab(url: string): Promise<string> {
  const { context } = await ff.send('browsingContext.create', { type: 'tab' });
  await ff.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

/** Evaluates `expression` in the page (not in the content script's sandbox) and returns its value. */
async function evaluate<T>(context: string, expression: string): Promise<T> {
  const r = await ff.send('script.evaluate', { expression, target: { context }, awaitPromise: false });
  if (r.type === 'exception') throw new Error(`script.evaluate: ${r.exceptionDetails?.text}`);
  return r.result.value as T;
}

interface BannerInfo {
  count: number;
  open: boolean;
  text: boolean;
}
// What the page itself can see of the banner (a closed shadow root on a plain div under <html>,
// in the top layer): the host, that it is open, and (window.find) its visible text.
const BANNER = `(() => {
  const all = [...document.documentElement.children].filter((e) => e.localName === 'div' && e.getAttribute('popover') === 'manual');
  const text = window.find('Sales banned in the US');
  return JSON.stringify({ count: all.length, open: all.length > 0 && all[0].matches(':popover-open'), text });
})()`;
const banner = async (context: string): Promise<BannerInfo> => JSON.parse(await evaluate<string>(context, BANNER));

describe('Firefox (firefox-esr, dist-firefox/ as a temporary add-on)', () => {
  it('installs under its gecko id', () => {
    expect(ff.extensionId).toBe('banwatch@banwatch.org');
  });

  it('shows the banner on https://www.kaspersky.com (the fixture server), in the top layer, with its text', async () => {
    const tab = await openTab(`https://www.kaspersky.com:${ff.port}/`);
    // The page really came from the fixture server, under the vendor's hostname.
    expect(await evaluate<string>(tab, 'location.hostname')).toBe('www.kaspersky.com');
    expect(ff.serverRequests.some((r) => r.host === 'www.kaspersky.com')).toBe(true);
    // The whole of it, polled: on a loaded machine window.find saw the text a moment after the host.
    await expect.poll(() => banner(tab), { timeout: 15_000 }).toEqual({ count: 1, open: true, text: true });
  });

  it('shows no banner on https://example.org, which is not a vendor', async () => {
    const tab = await openTab(`https://example.org:${ff.port}/`);
    expect(await evaluate<string>(tab, 'location.hostname')).toBe('example.org');
    expect(ff.serverRequests.some((r) => r.host === 'example.org')).toBe(true);
    // openTab waited for the load event: the vendor script runs at document_start and draws the
    // banner in the same task, so had it run here, the banner would be in the page by now.
    expect((await banner(tab)).count).toBe(0);
    // The control: on a vendor's page, loaded the same way, the banner is there at the load event.
    const vendor = await openTab(`https://www.huawei.com:${ff.port}/`);
    expect((await banner(vendor)).count).toBe(1);
    await ff.send('browsingContext.close', { context: vendor });
  });

  it('was granted its vendor-site access at install: the onboarding page did not open', async () => {
    // Runs after the banner test, so the background has long finished its onInstalled check.
    const urls = await ff.tabUrls();
    expect(urls.filter((u) => u.startsWith('moz-extension://'))).toEqual([]);
  });
});

// Strict mode in Firefox, switched on where a user switches it on: the options page, opened at
// its moz-extension:// address (the harness pins the add-on's UUID) and clicked with trusted
// input (WebDriver BiDi input.performActions), never by writing the extension's storage. Mirrors
// strict.e2e.ts: each way of starting a navigation to a vendor reaches its server with strict
// mode off (the positive control) and not at all with it on, landing on the warning page, which
// shows the exact address; "Proceed this time" lets exactly that tab through. (Firefox 153 has no
// speculation rules, so the prefetch and prerender cases of the Chromium test have no Firefox
// counterpart.)
const VENDOR_HOST = /(^|\.)(kaspersky|huawei|dji)\.com$/;
/** Requests that reached a vendor host carrying `marker` (any path or method). */
const hits = (marker: string) =>
  ff.serverRequests.filter((r) => VENDOR_HOST.test(r.host) && new URL(r.url).searchParams.get('s') === marker).map((r) => r.method ?? '?');

const poll = <T>(fn: () => T | Promise<T>, timeout = 10_000) => expect.poll(fn, { timeout, interval: 150 });

async function contexts(): Promise<{ context: string; url: string }[]> {
  return (await ff.send('browsingContext.getTree', { maxDepth: 0 })).contexts;
}
const urlOf = async (context: string) => (await contexts()).find((c) => c.context === context)?.url ?? '';

/** Evaluates `expression` and awaits it, returning null instead of throwing while the page is between documents. */
async function settle<T>(context: string, expression: string): Promise<T | null> {
  const r = await ff.send('script.evaluate', { expression, target: { context }, awaitPromise: true }).catch(() => null);
  return r?.type === 'success' ? (r.result.value as T) : null;
}

/**
 * A real user's click (trusted events, from the browser's input system) on the element that
 * `expression` finds, scrolled into view first.
 */
async function click(context: string, expression: string): Promise<void> {
  const r = await ff.send('script.evaluate', { expression: `(() => { const e = ${expression}; e?.scrollIntoView({ block: 'center' }); return e; })()`, target: { context }, awaitPromise: false });
  const sharedId: string | undefined = r.result?.sharedId;
  if (!sharedId) throw new Error(`click: nothing found for ${expression}`);
  await ff.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId } } }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
      },
    ],
  });
  await ff.send('input.releaseActions', { context });
}
const byText = (selector: string, text: string) => `[...document.querySelectorAll(${JSON.stringify(selector)})].find((e) => e.textContent.trim() === ${JSON.stringify(text)})`;

/** A page on another site (example.org) with `html` added to it. */
async function otherSite(html: string): Promise<string> {
  const tab = await openTab(`https://example.org:${ff.port}/links`);
  await evaluate(tab, `void document.body.insertAdjacentHTML('afterbegin', ${JSON.stringify(html)})`);
  return tab;
}

/** Every way a navigation to the vendor can start. Each resolves with the tab that navigated. */
const WAYS: Record<string, (target: string) => Promise<string>> = {
  typed: async (target) => {
    const { context } = await ff.send('browsingContext.create', { type: 'tab' });
    await ff.send('browsingContext.navigate', { context, url: target, wait: 'none' });
    return context;
  },
  link: async (target) => {
    const tab = await otherSite(`<a id="go" href="${target}">vendor</a>`);
    await click(tab, `document.getElementById('go')`);
    return tab;
  },
  'window.open': async (target) => {
    const tab = await otherSite('');
    const before = new Set((await contexts()).map((c) => c.context));
    // With a user activation, as from a click (otherwise the popup blocker would stop it).
    await ff.send('script.evaluate', { expression: `void window.open(${JSON.stringify(target)})`, target: { context: tab }, awaitPromise: false, userActivation: true });
    let opened: string | undefined;
    await poll(async () => (opened = (await contexts()).find((c) => !before.has(c.context))?.context)).toBeDefined();
    await ff.send('browsingContext.close', { context: tab });
    return opened!;
  },
  'form POST': async (target) => {
    const tab = await otherSite(`<form method="post" action="${target}"><input name="a" value="1"><button id="go">send</button></form>`);
    await click(tab, `document.getElementById('go')`);
    return tab;
  },
  '302 from another site': async (target) => {
    const tab = await otherSite(`<a id="go" href="https://example.org:${ff.port}/redirect?to=${encodeURIComponent(target)}">via example.org</a>`);
    await click(tab, `document.getElementById('go')`);
    return tab;
  },
};

describe('Firefox strict mode (declarativeNetRequest), switched on in the options page', () => {
  const warningPage = () => `${ff.extensionBase}src/warning/index.html`;
  let options: string;

  it('positive control: with strict mode off, each way does reach the vendor', async () => {
    for (const [name, go] of Object.entries(WAYS)) {
      const marker = `off-${name.replace(/\W/g, '')}`;
      const tab = await go(`https://www.kaspersky.com:${ff.port}/path/?s=${marker}`);
      await poll(() => hits(marker).length, 5000).toBeGreaterThan(0);
      expect(await urlOf(tab)).not.toContain(ff.extensionBase);
      await ff.send('browsingContext.close', { context: tab });
    }
  });

  it('the options page (opened at its address) turns strict mode on with a real click', async () => {
    options = await openTab(`${ff.extensionBase}src/options/index.html`);
    await poll(() => settle<boolean>(options, `document.getElementById('warningStyle-banner')?.checked ?? null`)).toBe(true);
    await click(options, `document.getElementById('warningStyle-strict')`);
    await poll(() => settle<boolean>(options, `document.getElementById('warningStyle-strict').checked`)).toBe(true);
    // Read-only: the add-on's own page lists the rules the background installed for the new setting.
    await poll(() => settle<number>(options, 'browser.declarativeNetRequest.getDynamicRules().then((r) => r.length)')).toBeGreaterThan(0);
  });

  it('with strict mode on, no request reaches the vendor, and the warning page shows the exact address', async () => {
    for (const [name, go] of Object.entries(WAYS)) {
      const marker = `on-${name.replace(/\W/g, '')}`;
      const target = `https://www.kaspersky.com:${ff.port}/path/?s=${marker}&q=a%20b&u=%E2%9C%93&x=%22%3C%3E#frag`;
      const tab = await go(target);
      await poll(() => urlOf(tab), 5000).toContain(warningPage());
      // Stopped by the redirect rule, before the request: not the fallback that replaces a page already loaded (`?loaded`).
      expect(new URL(await urlOf(tab)).searchParams.has('loaded'), name).toBe(false);
      await poll(() => settle<string>(tab, `document.querySelector('.target')?.textContent ?? null`), 5000).toBe(target);
      expect(await settle<string>(tab, `document.querySelector('h1').textContent`)).toContain('Kaspersky');
      expect(hits(marker), name).toEqual([]);
      await ff.send('browsingContext.close', { context: tab });
    }
  });

  it('"Proceed this time" lets exactly this tab reach exactly this host', async () => {
    const target = `https://www.kaspersky.com:${ff.port}/?s=proceed-1`;
    const tab = await WAYS.typed!(target);
    await poll(() => settle<string>(tab, `document.querySelector('.target')?.textContent ?? null`)).toBe(target);
    await click(tab, byText('button', 'Proceed this time'));
    await poll(() => urlOf(tab)).toBe(target);
    expect(hits('proceed-1')).toEqual(['GET']); // the page itself, once
    // The same host in another tab is still stopped.
    const other = await WAYS.typed!(`https://www.kaspersky.com:${ff.port}/?s=proceed-2`);
    await poll(() => urlOf(other)).toContain(warningPage());
    // Stopped by the redirect rule before the request (not the fallback after a load, `?loaded`):
    // a request that had gone out would be in the server's log before the warning page could show.
    expect(new URL(await urlOf(other)).searchParams.has('loaded')).toBe(false);
    expect(hits('proceed-2')).toEqual([]);
    await Promise.all([tab, other].map((context) => ff.send('browsingContext.close', { context })));
  });

  it("where the user took BanWatch's site access away, strict mode cannot act, and the options page says so", async () => {
    expect(await settle<boolean>(options, `!!document.querySelector('#warnings .host-access')`)).toBe(false);
    // What the add-on's Permissions tab in about:addons does when the user turns a domain off.
    expect(await settle<boolean>(options, `browser.permissions.remove({ origins: ['*://*.kaspersky.com/*'] })`)).toBe(true);
    await poll(() => settle<string>(options, `document.querySelector('#warnings .host-access')?.textContent ?? null`)).toMatch(/does not let BanWatch run on 1 of its \d+ vendor domains/);
    await settle(options, `document.querySelector('#warnings .host-access').scrollIntoView({ block: 'center' })`);
    const { data } = await ff.send('browsingContext.captureScreenshot', { context: options });
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'firefox-options-no-vendor-access.png'), Buffer.from(data, 'base64'));
    // Neither the redirect rule nor the page script may touch that domain: the page opens, unwarned.
    const open = await WAYS.typed!(`https://www.kaspersky.com:${ff.port}/?s=revoked-1`);
    await poll(() => hits('revoked-1')).toEqual(['GET']);
    // Loaded: a redirect rule acts before the request (the GET reached the server), and the page
    // script at document_start before the load event (see the example.org test's control).
    await poll(() => settle<string>(open, `location.search + ' ' + document.readyState`)).toBe('?s=revoked-1 complete');
    expect(await urlOf(open)).toBe(`https://www.kaspersky.com:${ff.port}/?s=revoked-1`);
    expect((await banner(open)).count).toBe(0);
    // Control: a vendor domain still granted is stopped as before.
    const stopped = await WAYS.typed!(`https://www.huawei.com:${ff.port}/?s=revoked-2`);
    await poll(() => urlOf(stopped)).toContain(warningPage());
    expect(hits('revoked-2')).toEqual([]);
  });
});
