// The popup (current-site ruling context and the lookup) and the details page, in Chromium with
// the built extension. The popup page is opened as an ordinary tab with ?tab=<id> of the tab it
// describes; it learns that tab's URL from the background's per-tab state, as the real popup
// does when the URL is not available to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, RESULTS, tabIdOf, type Harness } from './harness';

let h: Harness;
/**
 * An extension page used to read and write extension storage and list tabs. Unlike the service
 * worker handle, it stays valid when MV3 stops and restarts the worker between tests.
 */
let ext: Page;
beforeAll(async () => {
  h = await launch();
  ext = await h.context.newPage();
  await ext.goto(h.url('src/details/index.html?vendor=none'));
});
afterAll(async () => {
  await h?.close();
});

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const axe: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const POPUP = 'src/popup/index.html';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}

async function popupPage(query = ''): Promise<Page> {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(h.url(POPUP + query));
  return page;
}

/** A vendor page in its own tab, and the popup opened for that tab. */
async function popupFor(url: string): Promise<{ site: Page; popup: Page }> {
  const site = await h.context.newPage();
  await site.goto(url, { waitUntil: 'domcontentloaded' });
  // The background records the tab once the content script has reported the page.
  const tabId = await tabIdOf(h, site, ext);
  const popup = await popupPage(`?tab=${tabId}`);
  await popup.locator('#vendor-title').waitFor({ timeout: 15_000 });
  return { site, popup };
}

/** The id of the newest tab (tabs are numbered in creation order). */
async function newestTabId(): Promise<number> {
  return ext.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t: { id: number }) => t.id)));
}

/** A tab at `url` whose URL the background knows (as it would from the page or activeTab). */
async function popupForKnownUrl(url: string, pageUrl = 'https://example.org/'): Promise<{ site: Page; popup: Page }> {
  const site = await h.context.newPage();
  await site.goto(pageUrl);
  const tabId = await newestTabId();
  await ext.evaluate(
    async ([id, u]: [number, string]) => chrome.storage.session.set({ [`tab:${id}`]: { url: u, host: new URL(u).hostname, vendorId: null, severity: null } }),
    [tabId, url] as [number, string],
  );
  const popup = await popupPage(`?tab=${tabId}`);
  await popup.locator('#vendor-title').waitFor();
  return { site, popup };
}

async function setSettings(values: Record<string, unknown>): Promise<void> {
  await ext.evaluate(async (v: Record<string, unknown>) => chrome.storage.sync.set(v), values);
}
async function removeSettings(keys: string[]): Promise<void> {
  await ext.evaluate(async (k: string[]) => chrome.storage.sync.remove(k), keys);
}

const AXE_SOURCE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  // Extension pages' CSP refuses injected <script> tags (addScriptTag); DevTools evaluation is not
  // subject to it.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => axe.run(document, { resultTypes: ['violations'] }));
  return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function lookup(popup: Page, text: string): Promise<void> {
  const input = popup.locator('#lookup-input');
  await input.fill('');
  await input.fill(text);
}

const options = (popup: Page) => popup.locator('#lookup-list [role=option]');

async function noHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
}

describe('popup: current site', () => {
  it('shows the vendor, its headline ruling and why the site matched (Kaspersky)', async () => {
    const { site, popup } = await popupFor('https://www.kaspersky.com/');
    await expect.poll(() => popup.locator('#vendor-title').textContent()).toBe('Kaspersky');
    const text = (await popup.locator('main').textContent()) ?? '';
    expect(text).toContain('AO Kaspersky Lab');
    expect(text).toContain('Russia');
    expect(text).toContain('Commerce Dept. Final Determination');
    expect(text).toContain('Department of Commerce');
    expect(text).toContain('89 FR 52434');
    expect(text).toContain('What this means for you');
    expect(text).toContain('www.kaspersky.com is part of kaspersky.com');
    expect(await popup.locator('.v-chips .chip').first().textContent()).toBe('Prohibited');
    // Headline open; the other rulings collapsible.
    expect(await popup.locator('article.ruling').count()).toBe(1);
    expect(await popup.locator('details.ruling').count()).toBeGreaterThan(1);
    // Sources open in a new tab without an opener or referrer.
    const links = popup.locator('.sources a');
    expect(await links.count()).toBeGreaterThan(0);
    for (const a of await links.all()) {
      expect(await a.getAttribute('target')).toBe('_blank');
      expect(await a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    await shot(popup, 'popup-vendor-kaspersky-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shot(popup, 'popup-vendor-kaspersky-dark');
    await site.close();
    await popup.close();
  });

  it('shows Hikvision with its scope qualifier, and the ruling dates', async () => {
    const { site, popup } = await popupFor('https://www.hikvision.com/');
    await expect.poll(() => popup.locator('#vendor-title').textContent()).toBe('Hikvision');
    const text = (await popup.locator('main').textContent()) ?? '';
    expect(text).toContain('FCC');
    expect(text).toMatch(/public safety/);
    expect(text).toContain('believed');
    await shot(popup, 'popup-vendor-hikvision-light');
    await site.close();
    await popup.close();
  });

  it('still explains the ruling when the user has turned warnings off for the site', async () => {
    await setSettings({ allowedSites: ['www.kaspersky.com'] });
    try {
      const { site, popup } = await popupFor('https://www.kaspersky.com/');
      await expect.poll(() => popup.locator('.off').textContent()).toContain('you chose not to be warned');
      expect(await popup.locator('#vendor-title').textContent()).toBe('Kaspersky');
      expect(await popup.locator('article.ruling').count()).toBe(1);
      await site.close();
      await popup.close();
    } finally {
      await removeSettings(['allowedSites']);
    }
  });

  it('says when a matched vendor is below the warning threshold (TikTok for a consumer)', async () => {
    const { site, popup } = await popupFor('https://www.tiktok.com/');
    await expect.poll(() => popup.locator('.off').textContent()).toContain('below your warning threshold');
    await site.close();
    await popup.close();
  });

  it('says "No restriction found" for an unmatched site', async () => {
    const unknown = await h.context.newPage();
    await unknown.goto('https://example.org/');
    const id = await newestTabId();
    const popup = await popupPage(`?tab=${id}`);
    await expect.poll(() => popup.locator('#vendor-title').textContent()).toBe('No restriction found for this page');
    await popup.close();
    await unknown.close();

    const { site, popup: p2 } = await popupForKnownUrl('https://www.example.org/some/page');
    await expect.poll(() => p2.locator('#vendor-title').textContent()).toBe('No restriction found for www.example.org');
    expect(await p2.locator('.foot').textContent()).toMatch(/Dataset \d{4}\.\d{2}\.\d{2}, reviewed/);
    expect(await p2.evaluate(() => document.activeElement?.id)).toBe('lookup-input');
    await shot(p2, 'popup-unmatched-light');
    await p2.emulateMedia({ colorScheme: 'dark' });
    await shot(p2, 'popup-unmatched-dark');
    await site.close();
    await p2.close();
  });

  it('says a not-restricted domain is not restricted, with the reason (honor.com)', async () => {
    const { site, popup } = await popupForKnownUrl('https://www.honor.com/us/');
    await expect.poll(() => popup.locator('#vendor-title').textContent()).toContain('is not restricted');
    expect(await popup.locator('main').textContent()).toContain('sold by Huawei');
    await shot(popup, 'popup-not-restricted-light');
    await site.close();
    await popup.close();
  });

  it('says where the extension cannot run', async () => {
    const own = await popupPage();
    await expect.poll(() => own.locator('#vendor-title').textContent()).toBe('This is an extension page, not a website');
    await own.close();
    const { site, popup } = await popupForKnownUrl('chrome://settings/');
    await expect.poll(() => popup.locator('#vendor-title').textContent()).toBe('BanWatch does not run on browser pages');
    await popup.close();
    await site.close();
    const store = await popupForKnownUrl('https://chromewebstore.google.com/detail/x');
    await expect.poll(() => store.popup.locator('#vendor-title').textContent()).toBe('BanWatch cannot run on the extension store');
    await store.popup.close();
    await store.site.close();
  });
});

describe('popup: lookup', () => {
  let popup: Page;
  beforeAll(async () => {
    popup = await popupPage();
    await popup.locator('#vendor-title').waitFor();
  });
  afterAll(async () => {
    await popup.close();
  });

  it.each([
    ['Hikvision', 'Hikvision'],
    ['hikvison', 'Hikvision'],
    ['kasperski', 'Kaspersky'],
    ['EZVIZ', 'Hikvision'],
    ['Kaspersky Premium', 'Kaspersky'],
    ['Mavic', 'DJI'],
    ['ezviz.com', 'Hikvision'],
    ['https://usa.kaspersky.com/downloads?x=1', 'Kaspersky'],
  ])('finds %s → %s', async (q, name) => {
    await lookup(popup, q);
    await expect.poll(() => options(popup).first().locator('.result-name').textContent()).toBe(name);
    expect(await options(popup).first().locator('.chip').textContent()).toMatch(/Prohibited|Restricted|Listed|Watch/);
    expect(await options(popup).first().locator('.result-line').textContent()).not.toBe('');
  });

  it('answers a not-restricted name with its reason (Honor)', async () => {
    await lookup(popup, 'Honor');
    const first = options(popup).first();
    await expect.poll(() => first.locator('.result-name').textContent()).toBe('Honor');
    expect(await first.locator('.chip').textContent()).toBe('Not restricted');
    expect(await first.locator('.result-line').textContent()).toContain('sold by Huawei');
  });

  it('answers a reported link as not established (Anzu)', async () => {
    await lookup(popup, 'anzu');
    const first = options(popup).first();
    await expect.poll(() => first.locator('.chip').textContent()).toBe('Reported link');
    expect(await first.locator('.result-line').textContent()).toContain('not established');
  });

  it('says plainly when nothing matches, and announces result counts', async () => {
    await lookup(popup, 'zzqxv');
    await expect.poll(() => popup.locator('.no-results').textContent()).toContain('Nothing matches “zzqxv”');
    expect(await popup.locator('[role=status]').textContent()).toBe('No results');
    await lookup(popup, 'china');
    await expect.poll(() => popup.locator('[role=status]').textContent()).toMatch(/^\d+ results$/);
    expect(await popup.locator('#lookup-input').getAttribute('aria-expanded')).toBe('true');
  });

  it('screenshots typo results in light and dark', async () => {
    await lookup(popup, 'hikvison');
    await options(popup).first().waitFor();
    await shot(popup, 'popup-lookup-typo-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await lookup(popup, 'kas');
    await options(popup).first().waitFor();
    await shot(popup, 'popup-lookup-kas-dark');
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('works by keyboard only: type, ArrowDown, Enter opens details; Escape clears', async () => {
    const page = await popupPage();
    await page.locator('#vendor-title').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lookup-input');
    await page.keyboard.type('kasp');
    await options(page).first().waitFor();
    await page.keyboard.press('ArrowDown');
    const input = page.locator('#lookup-input');
    expect(await input.getAttribute('aria-activedescendant')).toBe('lookup-opt-0');
    expect(await options(page).first().getAttribute('aria-selected')).toBe('true');
    const opened = h.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const details = await opened;
    await details.waitForURL(/src\/details\/index\.html\?vendor=kaspersky/);
    await expect.poll(() => details.locator('#vendor-title').textContent()).toBe('Kaspersky');
    await details.close();
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });
});

describe('details page', () => {
  it('shows everything: rulings expanded, domains with evidence, aliases, reported links, dataset', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('src/details/index.html?vendor=dji'));
    await expect.poll(() => page.locator('#vendor-title').textContent()).toBe('DJI');
    expect(await page.locator('details:not(.silence)').count()).toBe(0); // "Stop warning me…" stays folded: two clicks, on purpose
    expect(await page.locator('article.ruling').count()).toBeGreaterThan(3);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('dji.com');
    expect(text).toContain('Mavic');
    expect(text).toContain('Anzu Robotics');
    expect(text).toContain('Reported links — not established');
    expect(await page.locator('footer').textContent()).toMatch(/Dataset \d{4}\.\d{2}\.\d{2}, reviewed/);
    await shot(page, 'details-dji-light');
    await page.goto(h.url('src/details/index.html?vendor=kaspersky'));
    await page.locator('#vendor-title').waitFor();
    expect(await page.locator('main').textContent()).toContain('On record, not in effect today');
    await shot(page, 'details-kaspersky-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'details-kaspersky-dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await shot(page, 'details-kaspersky-print');
    await page.close();
  });

  it('shows how fresh each ruling is, and its timeline of dated events', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('src/details/index.html?vendor=hikvision'));
    await expect.poll(() => page.locator('#vendor-title').textContent()).toBe('Hikvision');
    expect(await page.locator('footer').textContent()).toMatch(/reviewed through (30 Apr|Apr 30,) 2026/);
    const ea = page.locator('article.ruling', { hasText: 'FCC equipment authorization ban' });
    const timeline = ea.locator('ol.timeline');
    expect(await timeline.locator('li').count()).toBeGreaterThan(5);
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain('Court decision');
    expect(text).toContain('Hikvision USA v. FCC');
    expect(text).toMatch(/about\s*(6 Jul|Jul 6,) 2026/);
    expect(await ea.locator('.fresh').textContent()).toMatch(/Last verified (26 Jun|Jun 26,) 2026/);
    await shot(page, 'details-hikvision-timeline');
    await ea.screenshot({ path: join(RESULTS, 'details-hikvision-ea-ruling.png') });
    // DJI: the section 1709 ruling was last verified in May 2026, over 180 days before today.
    await page.goto(h.url('src/details/index.html?vendor=dji'));
    await page.locator('#vendor-title').waitFor();
    const stale = page.locator('article.ruling', { hasText: 'NDAA FY2025 section 1709' }).locator('.fresh.stale');
    expect(await stale.textContent()).toMatch(/Not verified for \d+ days: this may be out of date/);
    await page.goto(h.url('src/details/index.html?vendor=bytedance'));
    await page.locator('#vendor-title').waitFor();
    expect(await page.locator('main').textContent()).toContain('Only for: tiktok.com');
    await shot(page, 'details-bytedance-timeline');
    await page.locator('article.ruling, section.inactive, .inactive', { hasText: 'divest-or-ban' }).first().screenshot({ path: join(RESULTS, 'details-bytedance-pafaca.png') });
    await page.close();
  });

  it('answers not-restricted ids and unknown ids', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('src/details/index.html?vendor=honor'));
    await expect.poll(() => page.locator('#vendor-title').textContent()).toBe('Honor is not restricted');
    await page.goto(h.url('src/details/index.html?vendor=nope'));
    await expect.poll(() => page.locator('#vendor-title').textContent()).toBe('No such entry');
    await page.close();
  });
});

describe('accessibility and layout', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no violations (${scheme})`, async () => {
      const { site, popup } = await popupFor('https://www.kaspersky.com/');
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup)).toEqual([]);
      await popup.locator('details.ruling summary').first().click();
      await lookup(popup, 'hikvison');
      await options(popup).first().waitFor();
      await popup.keyboard.press('ArrowDown');
      expect(await axeViolations(popup)).toEqual([]);
      await lookup(popup, 'zzqxv');
      expect(await axeViolations(popup)).toEqual([]);
      await site.close();
      await popup.close();

      const unmatched = await popupForKnownUrl('https://www.example.org/');
      await unmatched.popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(unmatched.popup)).toEqual([]);
      await unmatched.popup.close();
      await unmatched.site.close();

      for (const id of ['kaspersky', 'dji', 'honor', 'anzu-robotics']) {
        const page = await h.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(h.url(`src/details/index.html?vendor=${id}`));
        await page.locator('#vendor-title').waitFor();
        expect(await axeViolations(page), id).toEqual([]);
        await page.close();
      }
    });
  }

  it('fits at 200% zoom without horizontal scrolling', async () => {
    const { site, popup } = await popupFor('https://www.kaspersky.com/');
    // A 400px popup at 200% zoom lays out in 200 CSS px only if the browser keeps the popup at
    // 400 device px; Chrome grows it (up to 800px), so the popup's own width is what must fit.
    expect(await noHorizontalOverflow(popup)).toBe(true);
    await lookup(popup, 'https://www.some-very-long-subdomain-name.hikvision.com/path');
    expect(await noHorizontalOverflow(popup)).toBe(true);
    await site.close();
    await popup.close();
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 640, height: 400 }); // a 1280px window at 200%
    await page.goto(h.url('src/details/index.html?vendor=hikvision'));
    await page.locator('#vendor-title').waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'details-hikvision-200pct');
    await page.close();
  });
});
