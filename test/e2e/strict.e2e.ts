// Strict mode before the request (declarativeNetRequest redirect rules): with strict mode on, no
// request reaches a vendor host — whatever started the navigation — and the warning page shows
// the exact address; "Proceed this time" lets exactly that tab reach exactly that host; Back
// (back/forward cache enabled) never shows the vendor page unwarned. Every case has a positive
// control: the same navigation with strict mode off does reach the vendor's server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshot, type Harness } from './harness';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const poll = <T>(fn: () => T | Promise<T>, timeout = 10_000) => expect.poll(fn, { timeout, interval: 100 });
const WARNING = 'src/warning/index.html';

/** Requests that reached a vendor host carrying `marker` (any path, method or Sec-Purpose). */
const hits = (h: Harness, marker: string) =>
  h.serverRequests.filter((r) => /(^|\.)(kaspersky|huawei|dji)\.com$/.test(r.host) && new URL(r.url).searchParams.get('s') === marker).map((r) => `${r.method} ${r.purpose ?? ''}`.trim());

async function setStyle(h: Harness, style: 'strict' | 'banner'): Promise<void> {
  await h.worker.evaluate((s: string) => chrome.storage.sync.set({ warningStyle: s }), style);
  await poll(() => h.worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length)).toSatisfy((n: number) => (style === 'strict' ? n > 0 : n === 0));
}

/**
 * How the browser's own speculative loads (speculation rules) ended, per DevTools (Preload domain):
 * 'Ready' once the response is in, 'Failure' when stopped, with Chromium's reason. A load that
 * reached the server did so before it could end, so the server's log is complete by then.
 */
async function watchPreloads(h: Harness, page: Page): Promise<{ ended(action: 'Prefetch' | 'Prerender', url: string): Promise<string> }> {
  const cdp = await h.context.newCDPSession(page);
  const done = new Map<string, string>();
  const record = (e: { key: { action: string; url: string }; status: string; prefetchStatus?: string; prerenderStatus?: string }) => {
    if (['Ready', 'Success', 'Failure', 'NotSupported'].includes(e.status)) done.set(`${e.key.action} ${e.key.url}`, `${e.status} ${e.prefetchStatus ?? e.prerenderStatus ?? ''}`.trim());
  };
  cdp.on('Preload.prefetchStatusUpdated', record);
  cdp.on('Preload.prerenderStatusUpdated', record);
  await cdp.send('Preload.enable');
  return {
    async ended(action, url) {
      await poll(() => done.has(`${action} ${url}`), 15_000).toBe(true);
      return done.get(`${action} ${url}`)!;
    },
  };
}

/** A page on another site (example.org) with `html` added to it. */
async function otherSite(h: Harness, html: string, page?: Page): Promise<Page> {
  const p = page ?? (await h.context.newPage());
  await p.goto('https://example.org/links');
  await p.evaluate((markup: string) => {
    const range = document.createRange();
    document.body.prepend(range.createContextualFragment(markup)); // scripts in a contextual fragment run (speculation rules too)
  }, html);
  return p;
}

/** Every way a navigation to the vendor can start. Each resolves with the page that navigated. */
const WAYS: Record<string, (h: Harness, target: string) => Promise<Page>> = {
  typed: async (h, target) => {
    const p = await h.context.newPage();
    await p.goto(target).catch(() => undefined);
    return p;
  },
  link: async (h, target) => {
    const p = await otherSite(h, `<a id="go" href="${target}">vendor</a>`);
    await p.click('#go');
    return p;
  },
  'window.open': async (h, target) => {
    const p = await otherSite(h, '');
    const [opened] = await Promise.all([h.context.waitForEvent('page'), p.evaluate((u: string) => void window.open(u), target)]);
    await p.close();
    return opened;
  },
  'form POST': async (h, target) => {
    const p = await otherSite(h, `<form id="f" method="post" action="${target}"><input name="a" value="1"><button id="go">send</button></form>`);
    await p.click('#go');
    return p;
  },
  '302 from another site': async (h, target) => {
    const p = await otherSite(h, `<a id="go" href="https://example.org/redirect?to=${encodeURIComponent(target)}">via example.org</a>`);
    await p.click('#go');
    return p;
  },
};

/** Background fetches a page may start without navigating. */
const SPECULATIONS: Record<string, (target: string) => string> = {
  'speculation-rules prefetch': (t) => `<script type="speculationrules">{"prefetch":[{"source":"list","urls":["${t}"]}]}</script>`,
  'speculation-rules prerender': (t) => `<script type="speculationrules">{"prerender":[{"source":"list","urls":["${t}"]}]}</script>`,
};

describe('strict mode (Chromium, declarativeNetRequest)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('positive control: with strict mode off, each way does reach the vendor', async () => {
    await setStyle(h, 'banner');
    for (const [name, go] of Object.entries(WAYS)) {
      const marker = `off-${name.replace(/\W/g, '')}`;
      const p = await go(h, `https://www.kaspersky.com/path/?s=${marker}`);
      await poll(() => hits(h, marker).length, 5000).toBeGreaterThan(0);
      await p.close();
    }
    for (const [name, markup] of Object.entries(SPECULATIONS)) {
      const marker = `off-${name.replace(/\W/g, '')}`;
      const url = `https://www.kaspersky.com/next?s=${marker}`;
      const p = await h.context.newPage();
      const preloads = await watchPreloads(h, p);
      await otherSite(h, markup(url), p);
      // The same signal the strict case waits for: by then the server has the request.
      expect(await preloads.ended('Prefetch', url), name).toMatch(/^Ready/);
      expect(hits(h, marker), name).toEqual([expect.stringMatching(/^GET prefetch/)]);
      await p.close();
    }
  });

  it('with strict mode on, no request reaches the vendor, and the warning page shows the exact address', async () => {
    await setStyle(h, 'strict');
    for (const [name, go] of Object.entries(WAYS)) {
      const marker = `on-${name.replace(/\W/g, '')}`;
      const target = `https://www.kaspersky.com/path/?s=${marker}&q=a%20b&u=%E2%9C%93&x=%22%3C%3E#frag`;
      const p = await go(h, target);
      await poll(() => p.url(), 5000).toContain(WARNING);
      await poll(() => p.locator('.target').textContent(), 5000).toBe(target);
      expect(await p.locator('h1').textContent()).toContain('Kaspersky');
      expect(hits(h, marker), name).toEqual([]);
      await p.close();
    }
    for (const [name, markup] of Object.entries(SPECULATIONS)) {
      const marker = `on-${name.replace(/\W/g, '')}`;
      const url = `https://www.kaspersky.com/next?s=${marker}`;
      const p = await h.context.newPage();
      const preloads = await watchPreloads(h, p);
      await otherSite(h, markup(url), p);
      // Each attempt of Chromium's has ended: a prerender (Chromium prefetches first, and refuses a
      // cross-site prerender here anyway), and the prefetch, stopped by the redirect rule (a prefetch
      // may not follow a redirect). Neither reached the server.
      if (name.endsWith('prerender')) expect(await preloads.ended('Prerender', url), name).toMatch(/^Failure/);
      expect(await preloads.ended('Prefetch', url), name).toBe('Failure PrefetchFailedIneligibleRedirect');
      expect(hits(h, marker), name).toEqual([]);
      await p.close();
    }
  });

  it('"Proceed this time" lets exactly this tab reach exactly this host', async () => {
    await setStyle(h, 'strict');
    const p = await h.context.newPage();
    await p.goto('https://www.kaspersky.com/?s=proceed-1').catch(() => undefined);
    await poll(() => p.url()).toContain(WARNING);
    await screenshot(p, 'strict-warning-page');
    await p.getByRole('button', { name: 'Proceed this time' }).click();
    await poll(() => p.url()).toBe('https://www.kaspersky.com/?s=proceed-1');
    expect(hits(h, 'proceed-1')).toEqual(['GET']); // the page itself, once
    // The same tab on the same host again: allowed. Another vendor in that tab, or the same host in another tab: stopped.
    await p.goto('https://www.kaspersky.com/more?s=proceed-2');
    expect(hits(h, 'proceed-2')).toEqual(['GET']);
    const other = await h.context.newPage();
    await other.goto('https://www.kaspersky.com/?s=proceed-3').catch(() => undefined);
    await poll(() => other.url()).toContain(WARNING);
    await p.goto('https://www.huawei.com/?s=proceed-4').catch(() => undefined);
    await poll(() => p.url()).toContain(WARNING);
    expect([...hits(h, 'proceed-3'), ...hits(h, 'proceed-4')]).toEqual([]);
    // Closing the tab drops its allowance.
    const rules = () => h.worker.evaluate(async () => (await chrome.declarativeNetRequest.getSessionRules()).length);
    expect(await rules()).toBe(1);
    await p.close();
    await poll(rules).toBe(0);
    await other.close();
  });

  it('"Go back" returns to the page before, one step (the vendor page never entered history)', async () => {
    await setStyle(h, 'strict');
    const p = await otherSite(h, '<a id="go" href="https://www.dji.com/?s=back-1">vendor</a>');
    await p.click('#go');
    await poll(() => p.url()).toContain(WARNING);
    await p.getByRole('button', { name: 'Go back' }).click();
    await poll(() => p.url()).toBe('https://example.org/links');
    expect(hits(h, 'back-1')).toEqual([]);
    await p.close();
  });
});

describe('strict mode and Back with the back/forward cache on', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('Back after strict mode shows the warning page again, never the vendor page', async () => {
    await setStyle(h, 'strict');
    const p = await otherSite(h, '<a id="go" href="https://www.huawei.com/?s=bf-1">vendor</a>');
    await p.click('#go');
    await poll(() => p.locator('.target').textContent()).toBe('https://www.huawei.com/?s=bf-1');
    await p.goto('https://example.org/other?s=bf-elsewhere');
    const cdp = await h.context.newCDPSession(p);
    await cdp.send('Page.enable');
    await p.evaluate(() => addEventListener('pageshow', (e) => ((window as unknown as { persisted: boolean }).persisted = e.persisted)));
    await p.goBack({ waitUntil: 'commit' });
    await poll(() => p.url()).toContain(WARNING);
    await poll(() => p.locator('.target').textContent()).toBe('https://www.huawei.com/?s=bf-1');
    expect(hits(h, 'bf-1')).toEqual([]);
    // Positive control: the cache is on (Back to example.org restores it from the cache).
    await p.goForward({ waitUntil: 'commit' });
    await poll(() => p.url()).toBe('https://example.org/other?s=bf-elsewhere');
    await poll(() => p.evaluate(() => (window as unknown as { persisted?: boolean }).persisted ?? null)).toBe(true);
    await cdp.detach();
  });
});
