// Passive warnings while browsing: the banner on every matching fixture case and on none of the
// others, the toolbar badge, the banner's actions, strict mode, hostile pages, accessibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations, badgeText, bannerHost, launch, screenshot, stopWorker, tabIdOf, type Harness } from './harness';

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

/** Waits until the background has answered this page's content script (or a short grace). */
async function settled(): Promise<void> {
  await page.waitForTimeout(150);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

const banner = () => bannerHost(page);
const inBanner = (selector: string) => page.locator(`[data-banwatch-banner] ${selector}`);

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
      if (c.expect) {
        try {
          await banner().waitFor({ state: 'attached', timeout: 3000 });
          const vendor = await banner().getAttribute('data-banwatch-vendor');
          if (vendor !== c.expect) failures.push(`${c.url}: expected ${c.expect}, got ${vendor} (${c.note})`);
        } catch {
          failures.push(`${c.url}: expected ${c.expect}, got no banner (${c.note})`);
        }
      } else {
        await settled();
        await page.waitForTimeout(250);
        const count = await banner().count();
        if (count) failures.push(`${c.url}: expected nothing, got ${await banner().getAttribute('data-banwatch-vendor')} (${c.note})`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('banner', () => {
  it('is compact, names the vendor, severity, ruling and date, and expands to the ruling context', async () => {
    await resetSettings();
    await visit('https://www.kaspersky.com/');
    await banner().waitFor({ state: 'visible' });
    await expect.poll(() => inBanner('h2').textContent()).toBe('Kaspersky');
    expect(await inBanner('.chip').textContent()).toBe('Prohibited');
    const line = await inBanner('.line').textContent();
    expect(line).toMatch(/Sales banned in the US since .*2024 — Commerce Dept\. Final Determination/);
    expect(await inBanner('.more').isHidden()).toBe(true);
    await screenshot(page, 'banner-compact');

    await inBanner('button[aria-controls="bw-more"]').click();
    expect(await inBanner('button[aria-controls="bw-more"]').getAttribute('aria-expanded')).toBe('true');
    const more = await inBanner('.more').textContent();
    expect(more).toContain('What this means for you');
    expect(more).toContain('Key dates');
    expect(more).toContain('www.kaspersky.com is part of kaspersky.com, listed as a Kaspersky domain');
    expect(await inBanner('.more a[href^="https://"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'banner-expanded');
  });

  it('does not cover the page’s top navigation', async () => {
    await visit('https://www.kaspersky.com/');
    await banner().waitFor({ state: 'visible' });
    const nav = await page.locator('#site-nav').boundingBox();
    const card = await inBanner('.card').boundingBox();
    expect(nav && card).toBeTruthy();
    expect(card!.y).toBeGreaterThan(nav!.y + nav!.height);
  });

  it('fits at 200 % zoom: inside the viewport, expanded text scrolls within the card, nothing cut off sideways', async () => {
    await page.setViewportSize({ width: 640, height: 400 }); // what a 1280×800 window shows at 200 %
    try {
      await visit('https://www.kaspersky.com/');
      await banner().waitFor({ state: 'visible' });
      await inBanner('button[aria-controls="bw-more"]').click();
      const card = (await inBanner('.card').boundingBox())!;
      expect(card.x).toBeGreaterThanOrEqual(0);
      expect(card.y).toBeGreaterThanOrEqual(0);
      expect(card.x + card.width).toBeLessThanOrEqual(640);
      expect(card.y + card.height).toBeLessThanOrEqual(400);
      const overflow = await inBanner('.card').evaluate((el) => ({ sideways: el.scrollWidth - el.clientWidth, down: el.scrollHeight - el.clientHeight }));
      expect(overflow.sideways).toBeLessThanOrEqual(0);
      expect(overflow.down).toBeGreaterThan(0); // the long part scrolls inside the card
      await screenshot(page, 'banner-200pct-expanded');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('has no axe-core violations', async () => {
    await visit('https://www.kaspersky.com/');
    await banner().waitFor({ state: 'visible' });
    await inBanner('button[aria-controls="bw-more"]').click();
    expect(await axeViolations(page, 'banwatch-banner')).toEqual([]);
  });

  it('is operable by keyboard: Escape dismisses it for this page view', async () => {
    await visit('https://www.kaspersky.com/');
    await banner().waitFor({ state: 'visible' });
    await inBanner('button.primary').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BANWATCH-BANNER');
    await page.keyboard.press('Escape');
    await expect.poll(() => banner().count()).toBe(0);
    await page.reload();
    await banner().waitFor({ state: 'visible' }); // dismiss lasts one page view only
  });
});

describe('badge', () => {
  it('is set on a vendor page and cleared when the tab leaves the vendor', async () => {
    await resetSettings();
    await visit('https://www.kaspersky.com/');
    await banner().waitFor({ state: 'attached' });
    const tabId = await tabIdOf(h, page);
    await expect.poll(() => badgeText(h, tabId)).toBe('!');
    const title = await h.worker.evaluate((id: number) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(title).toContain('Kaspersky');
    await visit('https://example.org/');
    await expect.poll(() => badgeText(h, tabId)).toBe('');
  });

  it('survives the service worker being stopped: badge, banner and per-tab state stay, and the next vendor page is warned', async () => {
    await visit('https://www.huawei.com/');
    await banner().waitFor({ state: 'attached' });
    const tabId = await tabIdOf(h, page);
    await expect.poll(() => badgeText(h, tabId)).toBe('!');
    const worker = await stopWorker(h); // resolves only once DevTools reports the worker stopped
    expect(await banner().count()).toBe(1); // the page keeps its banner

    // A vendor page in another tab wakes the worker; it answers as before.
    const other = await h.context.newPage();
    await other.goto('https://www.kaspersky.com/');
    await bannerHost(other).waitFor({ state: 'attached' });
    await worker.runningAgain(); // a new run of the worker answered it
    await expect.poll(async () => badgeText(h, await tabIdOf(h, other))).toBe('!');
    expect(await badgeText(h, tabId)).toBe('!'); // the browser keeps a tab's badge across worker restarts
    const state = await h.worker.evaluate((k: string) => chrome.storage.session.get(k), `tab:${tabId}`);
    expect(state[`tab:${tabId}`].vendorId).toBe('huawei');
    expect(await bannerHost(page).getAttribute('data-banwatch-vendor')).toBe('huawei');
    await other.close();
  });
});

describe('lasting choices (made in the popup) persist and are reversible', () => {
  const settings = () => h.worker.evaluate(() => chrome.storage.sync.get(null));

  async function act(label: RegExp): Promise<void> {
    await visit('https://www.kaspersky.com/');
    await banner().waitFor({ state: 'visible' });
    // Lasting choices are made in the popup for this tab, never in the page (src/ui/SilenceControls.tsx).
    const popup = await h.context.newPage();
    await popup.goto(h.url(`src/popup/index.html?tab=${await tabIdOf(h, page)}`));
    await popup.getByText('Stop warning me…').click();
    await popup.getByRole('button', { name: label }).click();
    await popup.locator('.silence-status', { hasText: 'Done' }).waitFor();
    await popup.close();
    await expect.poll(() => banner().count()).toBe(0); // applied live, no reload
    await page.reload();
    await settled();
    await page.waitForTimeout(300);
    expect(await banner().count()).toBe(0); // and it persists
  }

  it('Always allow this site', async () => {
    await resetSettings();
    await act(/^Always allow www\.kaspersky\.com$/);
    expect((await settings()).allowedSites).toEqual(['www.kaspersky.com']);
    await visit('https://usa.kaspersky.com/');
    await banner().waitFor({ state: 'visible' }); // other Kaspersky sites still warn
  });

  it('Hide this vendor', async () => {
    await resetSettings();
    await act(/^Hide Kaspersky everywhere$/);
    expect((await settings()).hiddenVendors).toEqual(['kaspersky']);
    await visit('https://www.huawei.com/');
    await banner().waitFor({ state: 'visible' });
  });

  it('Snooze until the data changes: back when the stored signature no longer matches', async () => {
    await resetSettings();
    await act(/^Snooze Kaspersky until its rulings change$/);
    const snoozed = (await settings()).snoozed as Record<string, string>;
    expect(Object.keys(snoozed)).toEqual(['kaspersky']);
    // Simulate a dataset change: the snooze was for an older signature.
    await h.worker.evaluate(() => chrome.storage.sync.set({ snoozed: { kaspersky: 'older-data' } }));
    await banner().waitFor({ state: 'visible' });
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
    await banner().waitFor({ state: 'visible' }); // still informed after proceeding
  });

  it('"Go back" returns to the page before the vendor, not to the vendor page again', async () => {
    await resetSettings();
    await h.worker.evaluate(() => chrome.storage.sync.set({ warningStyle: 'strict' }));
    const tab = await h.context.newPage(); // a fresh tab: "Proceed this time" above covers the other one
    await tab.goto('https://example.org/');
    await gotoStrict(tab, 'https://www.kaspersky.com/');
    await tab.getByRole('button', { name: 'Go back' }).click();
    await tab.waitForURL('https://example.org/');
    await tab.waitForTimeout(500);
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

describe('hostile pages', () => {
  for (const name of ['hostile-hide-all', 'hostile-unset', 'hostile-overlay']) {
    it(`${name}: the banner is still visible, on top and correct`, async () => {
      await resetSettings();
      await visit(`https://www.kaspersky.com/${name}`);
      await banner().waitFor({ state: 'visible' });
      await page.waitForTimeout(400); // let the page's late scripts run
      expect(await inBanner('h2').textContent()).toBe('Kaspersky');
      const box = await inBanner('.card').boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(60);
      // Nothing of the page's covers the banner: a click at its centre lands on it.
      const top = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName, [box!.x + box!.width / 2, box!.y + box!.height / 2]);
      expect(top).toBe('BANWATCH-BANNER');
      await screenshot(page, `banner-${name}`);
    });
  }

  it('a page script that keeps deleting the banner: it comes back, and the badge still tells the truth', async () => {
    await visit('https://www.kaspersky.com/');
    await banner().waitFor({ state: 'attached' });
    await page.evaluate(() => document.querySelector('banwatch-banner')?.remove());
    await expect.poll(() => banner().count()).toBe(1);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          let n = 0;
          const t = setInterval(() => {
            document.querySelector('banwatch-banner')?.remove();
            if (++n === 20) (clearInterval(t), resolve());
          }, 20);
        }),
    );
    const tabId = await tabIdOf(h, page);
    expect(await badgeText(h, tabId)).toBe('!');
  });
});

describe('dark mode', () => {
  it('renders the banner in dark colours', async () => {
    const dark = await launch({ colorScheme: 'dark' });
    try {
      const p = await dark.context.newPage();
      await p.goto('https://www.kaspersky.com/');
      await bannerHost(p).waitFor({ state: 'visible' });
      await p.locator('[data-banwatch-banner] button[aria-controls="bw-more"]').click();
      const bg = await p.locator('[data-banwatch-banner] .card').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).toBe('rgb(27, 33, 48)');
      await screenshot(p, 'banner-dark-expanded');
      expect(await axeViolations(p, 'banwatch-banner')).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
