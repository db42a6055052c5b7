// Passive warnings while browsing: the banner on every matching fixture case and on none of the
// others, the toolbar badge, the banner's two controls (trusted clicks), strict mode,
// accessibility, dark mode and 200 % zoom. The banner sits in a closed shadow root: the tests
// read it from the content script's own world (banner-probe.ts), never from the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations, badgeText, launch, screenshot, stopWorker, tabIdOf, type Harness } from './harness';
import { banner, bannerAxe } from './banner-probe';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Case {
  url: string;
  expect: string | null;
  note: string;
}
const cases = JSON.parse(readFileSync('test/fixtures/match-cases.json', 'utf8')) as Case[];

/** A case the browser can load from the fixture server (it speaks HTTPS only). */
function loadable(c: Case): string | null {
  let url: URL;
  try {
    url = new URL(c.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (/^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('[')) return null; // IPs are not resolved by the mapping
  url.protocol = 'https:';
  return url.href;
}

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launch();
  page = await h.context.newPage();
});
afterAll(async () => {
  await h?.close();
});

async function resetSettings(): Promise<void> {
  await h.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
  });
}

async function visit(url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('domcontentloaded');
}

describe('banner on the fixture cases', () => {
  const web = cases.map((c) => ({ ...c, load: loadable(c) })).filter((c) => c.load);

  it('covers at least 40 loadable cases', () => {
    expect(web.length).toBeGreaterThanOrEqual(40);
  });

  it('shows the right vendor on every matching case and nothing on the others', async () => {
    await resetSettings();
    // Matching is what this checks, so warn at every severity (the consumer default hides "listed").
    await h.worker.evaluate(() => chrome.storage.sync.set({ audience: 'everything', minSeverity: 'watch' }));
    const failures: string[] = [];
    for (const c of web) {
      await visit(c.load!);
      // Waits for the background's answer to this page (or finds no BanWatch script at all).
      const seen = await banner(page).settled();
      const got = seen?.shown ? seen.vendorId : null;
      if (got !== c.expect) failures.push(`${c.url}: expected ${c.expect ?? 'nothing'}, got ${got ?? 'no banner'} (${c.note})`);
    }
    expect(failures).toEqual([]);
  });
});

describe('banner', () => {
  it('is compact and names the vendor, what the ruling does since when, the ruling and its agency; nothing else', async () => {
    await resetSettings();
    await visit('https://www.kaspersky.com/');
    const p = await banner(page).shown();
    expect(p.texts[0]).toBe('BanWatch');
    expect(p.texts[1]).toBe('Kaspersky');
    expect(p.texts[2]).toMatch(/^Sales banned in the US since .*2024$/);
    expect(p.texts[3]).toBe('Commerce Dept. Final Determination · Department of Commerce');
    // Only what is safe from a page: no lasting silencing (popup, details and warning page have those).
    expect(p.buttons.map((b) => b.label)).toEqual(['Full ruling context', 'Dismiss for this page']);
    expect(p.rect!.width).toBeLessThanOrEqual(400);
    expect(p.rect!.height).toBeLessThan(200);
    await screenshot(page, 'banner-compact');
  });

  it('does not cover the page’s top navigation', async () => {
    await visit('https://www.kaspersky.com/');
    const p = await banner(page).shown();
    const nav = await page.locator('#site-nav').boundingBox();
    expect(nav).toBeTruthy();
    expect(p.rect!.y).toBeGreaterThan(nav!.y + nav!.height);
  });

  it('fits at 200 % zoom: inside the viewport, nothing cut off', async () => {
    await page.setViewportSize({ width: 640, height: 400 }); // what a 1280×800 window shows at 200 %
    try {
      await visit('https://www.kaspersky.com/');
      const { rect } = await banner(page).shown();
      expect(rect!.x).toBeGreaterThanOrEqual(0);
      expect(rect!.y).toBeGreaterThanOrEqual(0);
      expect(rect!.x + rect!.width).toBeLessThanOrEqual(640);
      expect(rect!.y + rect!.height).toBeLessThanOrEqual(400);
      await screenshot(page, 'banner-200pct');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('has no axe-core violations (run in the content script’s world, with a positive control)', async () => {
    await visit('https://www.kaspersky.com/');
    await banner(page).shown();
    expect(await bannerAxe(page)).toEqual([]);
    // Positive control: the same run on the banner with a nameless button finds it.
    expect((await bannerAxe(page, { breakIt: true })).join()).toMatch(/button-name/);
  });

  it('is operable by keyboard: Escape dismisses it for this page view', async () => {
    await visit('https://www.kaspersky.com/');
    await banner(page).shown();
    await banner(page).focus('Full ruling context');
    await page.keyboard.press('Escape');
    await expect.poll(() => banner(page).count()).toBe(0);
    await page.reload();
    await banner(page).shown(); // dismiss lasts one page view only
  });

  it('"Dismiss for this page" (a trusted click) removes it for this page view only', async () => {
    await visit('https://www.huawei.com/');
    await banner(page).shown();
    await banner(page).click('Dismiss for this page');
    await expect.poll(() => banner(page).count()).toBe(0);
    await page.reload();
    await banner(page).shown();
  });

  it('"Full ruling context" (a trusted click) opens the details page for the vendor', async () => {
    await visit('https://www.kaspersky.com/');
    await banner(page).shown();
    const [details] = await Promise.all([h.context.waitForEvent('page'), banner(page).click('Full ruling context')]);
    await details.waitForLoadState('domcontentloaded');
    expect(details.url()).toContain('src/details/index.html');
    expect(details.url()).toContain('kaspersky');
    await details.close();
  });
});

describe('badge', () => {
  it('is set on a vendor page and cleared when the tab leaves the vendor', async () => {
    await resetSettings();
    await visit('https://www.kaspersky.com/');
    await banner(page).shown();
    const tabId = await tabIdOf(h, page);
    await expect.poll(() => badgeText(h, tabId)).toBe('!');
    const title = await h.worker.evaluate((id: number) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(title).toContain('Kaspersky');
    await visit('https://example.org/');
    await expect.poll(() => badgeText(h, tabId)).toBe('');
  });

  it('survives the service worker being stopped: badge, banner and per-tab state stay, and the next vendor page is warned', async () => {
    await visit('https://www.huawei.com/');
    await banner(page).shown();
    const tabId = await tabIdOf(h, page);
    await expect.poll(() => badgeText(h, tabId)).toBe('!');
    const worker = await stopWorker(h); // resolves only once DevTools reports the worker stopped
    expect(await banner(page).count()).toBe(1); // the page keeps its banner

    // A vendor page in another tab wakes the worker; it answers as before.
    const other = await h.context.newPage();
    await other.goto('https://www.kaspersky.com/');
    await banner(other).shown();
    await worker.runningAgain(); // a new run of the worker answered it
    await expect.poll(async () => badgeText(h, await tabIdOf(h, other))).toBe('!');
    expect(await badgeText(h, tabId)).toBe('!'); // the browser keeps a tab's badge across worker restarts
    const state = await h.worker.evaluate((k: string) => chrome.storage.session.get(k), `tab:${tabId}`);
    expect(state[`tab:${tabId}`].vendorId).toBe('huawei');
    expect(await banner(page).vendor()).toBe('huawei');
    await other.close();
  });
});

describe('lasting choices (made in the popup) persist and are reversible', () => {
  const settings = () => h.worker.evaluate(() => chrome.storage.sync.get(null));

  async function act(label: RegExp): Promise<void> {
    await visit('https://www.kaspersky.com/');
    await banner(page).shown();
    // Lasting choices are made in the popup for this tab, never in the page (src/ui/SilenceControls.tsx).
    const popup = await h.context.newPage();
    await popup.goto(h.url(`src/popup/index.html?tab=${await tabIdOf(h, page)}`));
    await popup.getByText('Stop warning me…').click();
    await popup.getByRole('button', { name: label }).click();
    await popup.locator('.silence-status', { hasText: 'Done' }).waitFor();
    await popup.close();
    await expect.poll(() => banner(page).count()).toBe(0); // applied live, no reload
    await page.reload();
    // The background has answered the reloaded page (an extension-side signal): still no banner.
    expect((await banner(page).settled())?.shown ?? false).toBe(false);
  }

  it('Always allow this site', async () => {
    await resetSettings();
    await act(/^Always allow www\.kaspersky\.com$/);
    expect((await settings()).allowedSites).toEqual(['www.kaspersky.com']);
    await visit('https://usa.kaspersky.com/');
    await banner(page).shown(); // other Kaspersky sites still warn
  });

  it('Hide this vendor', async () => {
    await resetSettings();
    await act(/^Hide Kaspersky everywhere$/);
    expect((await settings()).hiddenVendors).toEqual(['kaspersky']);
    await visit('https://www.huawei.com/');
    await banner(page).shown();
  });

  it('Snooze until the data changes: back when the stored signature no longer matches', async () => {
    await resetSettings();
    await act(/^Snooze Kaspersky until its rulings change$/);
    const snoozed = (await settings()).snoozed as Record<string, string>;
    expect(Object.keys(snoozed)).toEqual(['kaspersky']);
    // Simulate a dataset change: the snooze was for an older signature.
    await h.worker.evaluate(() => chrome.storage.sync.set({ snoozed: { kaspersky: 'older-data' } }));
    await banner(page).shown();
  });
});

/**
 * Opens a vendor URL in strict mode and waits for the warning page. The background replaces the
 * vendor page while it loads, so the browser may report the first navigation as aborted: that
 * is the expected path, not a failure; the URL the tab ends on is what counts.
 */
async function gotoStrict(p: Page, url: string): Promise<void> {
  await p.goto(url).catch((e: Error) => {
    if (!/ERR_ABORTED|frame was detached/.test(e.message)) throw e;
  });
  await expect.poll(() => p.url()).toMatch(/src\/warning\/index\.html/);
  await p.locator('h1').waitFor();
}

describe('strict mode', () => {
  it('shows the full-page warning before the vendor site, and Proceed works', async () => {
    await page.goto('about:blank');
    await resetSettings();
    await h.worker.evaluate(() => chrome.storage.sync.set({ warningStyle: 'strict' }));
    await gotoStrict(page, 'https://www.kaspersky.com/products');
    await expect.poll(() => page.locator('h1').textContent()).toContain('belongs to Kaspersky');
    await screenshot(page, 'strict-warning');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Proceed this time' }).click();
    await page.waitForURL('https://www.kaspersky.com/products');
    await banner(page).shown(); // still informed after proceeding
  });

  it('"Go back" returns to the page before the vendor, not to the vendor page again', async () => {
    await resetSettings();
    await h.worker.evaluate(() => chrome.storage.sync.set({ warningStyle: 'strict' }));
    const tab = await h.context.newPage(); // a fresh tab: "Proceed this time" above covers the other one
    await tab.goto('https://example.org/');
    await gotoStrict(tab, 'https://www.kaspersky.com/');
    await tab.getByRole('button', { name: 'Go back' }).click();
    await tab.waitForURL('https://example.org/');
    // The tab's history (DevTools), read once it is back: one step back, onto example.org, with
    // the warning page the only entry ahead; the vendor's address was never an entry.
    const cdp = await h.context.newCDPSession(tab);
    const { currentIndex, entries } = (await cdp.send('Page.getNavigationHistory')) as { currentIndex: number; entries: { url: string }[] };
    await cdp.detach();
    const urls = entries.map((e) => e.url);
    expect(urls[currentIndex]).toBe('https://example.org/');
    expect(urls.slice(currentIndex + 1)).toEqual([expect.stringContaining('src/warning/index.html')]);
    expect(urls.filter((u) => u.includes('kaspersky.com') && !u.includes('src/warning/'))).toEqual([]);
    expect(tab.url()).toBe('https://example.org/');
    await tab.close();
  });

  it('"Always allow this site" adds it to the allowlist', async () => {
    await resetSettings();
    await h.worker.evaluate(() => chrome.storage.sync.set({ warningStyle: 'strict' }));
    await gotoStrict(page, 'https://www.huawei.com/');
    await page.getByRole('button', { name: 'Always allow www.huawei.com' }).click();
    await page.waitForURL('https://www.huawei.com/');
    const stored = await h.worker.evaluate(() => chrome.storage.sync.get('allowedSites'));
    expect(stored.allowedSites).toEqual(['www.huawei.com']);
    await resetSettings();
  });
});

describe('dark mode', () => {
  it('renders the banner in dark colours', async () => {
    const dark = await launch({ colorScheme: 'dark' });
    try {
      const p = await dark.context.newPage();
      await p.goto('https://www.kaspersky.com/');
      await banner(p).shown();
      expect(await banner(p).cardBackground()).toBe('rgb(27, 33, 48)');
      await screenshot(p, 'banner-dark');
      expect(await bannerAxe(p)).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
