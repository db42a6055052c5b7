// Marketplaces and search results, end to end in Chromium with the built extension. Every
// hostname resolves to the local fixture server; `?fixture=<name>` picks the page so URLs keep
// each site's real shape. How the opt-in features are turned on in headless Chromium (hosts
// granted through chrome://extensions, then a real click on the options page's switch):
// test/e2e/shopping-setup.ts, shared with bench/shopping.bench.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { inContentScript } from './banner-probe';
import { banwatchWorld, contentScriptsInjected, launch, openWatched, screenshot, type Harness, type WatchedPage } from './harness';
import { at, BIG_PAGES, CHIP, clickToggle as toggleSwitch, markBigPage, NOTICE, preGrant as preGrantIn, type Feature } from './shopping-setup';
import { allOptionalOrigins, originsFor, matchesFor, SCRIPT_IDS } from '../../src/core/shopping/sites';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
let extName: string;
beforeAll(async () => {
  h = await launch();
  extName = banwatchWorld();
});
afterAll(async () => {
  await h?.close();
});

/** Opens `url` and records the names of isolated worlds (content scripts) created in it. */
const open = (url: string) => openWatched(h, url);

/** Waits until BanWatch's script on the page has finished a scan: the background answered and the marks are drawn. */
async function settled(p: WatchedPage): Promise<void> {
  await expect.poll(() => inContentScript<number>(p.page, 'globalThis.banwatchShopPage?.scans()'), { timeout: 10_000 }).toBeGreaterThan(0);
}

/** The shopping scripts' registrations (the vendor-site banner's overrides are registered too, and not counted). */
const registered = () =>
  h.worker.evaluate(async (ids: string[]) => (await chrome.scripting.getRegisteredContentScripts({ ids })) as { id: string; matches: string[]; persistAcrossSessions: boolean; js: string[] }[], Object.values(SCRIPT_IDS));
/** The granted origins among the optional ones (getAll also lists the vendor sites' content-script hosts). */
const grantedOrigins = async () => {
  const all: string[] = await h.worker.evaluate(async () => (await chrome.permissions.getAll()).origins);
  return all.filter((o) => allOptionalOrigins().includes(o)).sort();
};
const setSettings = (values: Record<string, unknown>) => h.worker.evaluate((v) => chrome.storage.sync.set(v), values);

const preGrant = (origins: string[]) => preGrantIn(h, origins);
/** The options page's switch from !want to want, by a real click (a user gesture for permissions.request). */
const clickToggle = (feature: Feature, want: boolean): Promise<Page> => toggleSwitch(h, feature, want);

/** Anchors' full markup in the page, to show marking leaves links untouched. */
const anchorsHtml = (page: Page) => page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.outerHTML));

const before: Record<string, string[]> = {};

describe('marketplaces and search results (opt-in)', () => {
  it('is off by default: the hosts are optional, nothing is registered, nothing runs on those sites', async () => {
    const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
    expect(manifest.permissions).toContain('scripting');
    expect(manifest.optional_host_permissions).toEqual([...originsFor('shoppingSites'), ...originsFor('searchResults')]);
    expect(JSON.stringify(manifest.host_permissions ?? [])).not.toMatch(/amazon|google/);
    expect(JSON.stringify(manifest.content_scripts)).not.toMatch(/amazon|google|shop-page/);
    // Nothing of the shopping script is web-accessible (only strict mode's warning page is).
    expect((manifest.web_accessible_resources ?? []).flatMap((r: { resources: string[] }) => r.resources)).toEqual(['src/warning/index.html']);
    expect(await registered()).toEqual([]);
    expect(await grantedOrigins()).toEqual([]);

    for (const name of ['shop-amazon-hikvision', 'shop-bestbuy-kaspersky', 'serp-google', 'serp-bing', 'serp-duckduckgo']) {
      const p = await open(at(name));
      await contentScriptsInjected(p); // every script the page gets has run (control: "Warn on shopping sites")
      expect(p.worlds, name).not.toContain(extName);
      expect(await p.page.locator(`${NOTICE}, ${CHIP}`).count()).toBe(0);
      if (name.startsWith('serp-')) before[name] = await anchorsHtml(p.page);
      await p.page.close();
    }
  });

  it('"Warn on shopping sites": a click asks for exactly the marketplace hosts and registers the script', async () => {
    await preGrant(originsFor('shoppingSites'));
    expect(await grantedOrigins()).toEqual([]); // granted before is not active: still nothing runs
    expect(await registered()).toEqual([]);

    const options = await clickToggle('shoppingSites', true);
    await screenshot(options, 'shopping-options-on');
    await options.close();
    expect(await grantedOrigins()).toEqual([...originsFor('shoppingSites')].sort());
    const scripts = await registered();
    expect(scripts.map((s) => s.id)).toEqual([SCRIPT_IDS.shoppingSites]);
    expect(scripts[0]!.matches.sort()).toEqual([...matchesFor('shoppingSites')].sort());
    expect(scripts[0]!.persistAcrossSessions).toBe(true);
    expect(scripts[0]!.js).toEqual(['src/shop-page/content.js']);
    const built = readFileSync('dist/src/shop-page/content.js', 'utf8');
    expect(built).not.toMatch(/^\s*import\s|\bimport\s*\(/m); // self-contained
    // Positive control for the "nothing runs" checks: the same wait sees the script's world.
    const p = await open(at('shop-amazon-hikvision'));
    await contentScriptsInjected(p);
    expect(p.worlds).toContain(extName);
    await p.page.close();
  });

  it('shows the notice for Hikvision, Dahua, DJI and Kaspersky listings, with why it matched', async () => {
    const cases: [string, string, RegExp][] = [
      ['shop-amazon-hikvision', 'hikvision', /Brand: Hikvision \(from the listing's brand line “Visit the Hikvision Store”\)/],
      ['shop-bestbuy-kaspersky', 'kaspersky', /Brand: Kaspersky \(from the page's product data\)/],
      ['shop-newegg-dahua', 'dahua', /Brand: Dahua \(from the page's product data\)/],
      ['shop-walmart-ezviz', 'hikvision', /Brand: EZVIZ \(from the page's product data\) EZVIZ is a brand of Hikvision\./],
      ['shop-ebay-dji', 'dji', /Brand: DJI/],
      ['shop-bhphoto-dji', 'dji', /Brand: DJI/],
      ['shop-homedepot-hikvision', 'hikvision', /Brand: Hikvision/],
    ];
    for (const [name, vendor, why] of cases) {
      const { page } = await open(at(name));
      const notice = page.locator(NOTICE);
      await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
      expect(await notice.getAttribute('data-banwatch-vendor'), name).toBe(vendor);
      expect(await notice.getAttribute('data-kind')).toBe('vendor');
      const text = (await notice.locator('section').textContent()) ?? '';
      expect(text, name).toMatch(why);
      expect(text).toMatch(/Prohibited|Restricted|Listed/);
      // Right after the product title, in the page's flow.
      const placed = await page.evaluate(() => {
        const n = document.querySelector('[data-banwatch-notice]')!;
        return { prev: n.previousElementSibling?.tagName, position: getComputedStyle(n).position };
      });
      expect(placed.prev, name).toBe('H1');
      expect(placed.position).not.toBe('fixed');
      if (name === 'shop-amazon-hikvision') await screenshot(page, 'shopping-notice-amazon');
      await page.close();
    }
  });

  it('says nothing for a lookalike, a "Hikvision-compatible" brand field, or a not-restricted brand', async () => {
    for (const name of ['shop-amazon-lookalike', 'shop-ebay-compatible', 'shop-bestbuy-tplink', 'shop-homedepot-lorex']) {
      const p = await open(at(name));
      await settled(p); // the script did run here
      expect(await p.page.locator(NOTICE).count(), name).toBe(0);
      await p.page.close();
    }
  });

  it('shows a reported link (Anzu) as a reported link at "watch", never as DJI, and only when the user asks for watch-level', async () => {
    const p = await open(at('shop-amazon-anzu'));
    await settled(p);
    expect(await p.page.locator(NOTICE).count()).toBe(0); // default threshold "restricted" hides "watch"
    await setSettings({ minSeverity: 'watch' });
    const notice = p.page.locator(NOTICE);
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    expect(await notice.getAttribute('data-kind')).toBe('reported-link');
    expect(await notice.getAttribute('data-banwatch-vendor')).toBe('anzu-robotics');
    expect(await notice.getAttribute('data-severity')).toBe('watch');
    expect(await notice.locator('h2').textContent()).toBe('Anzu Robotics — reported link to DJI');
    const text = (await notice.locator('section').textContent()) ?? '';
    expect(text).toMatch(/Reported link, not established/);
    expect(text).not.toMatch(/Covered List|Restricted|Prohibited/);
    await screenshot(p.page, 'shopping-notice-reported-link');
    await p.page.close();
  });

  it('Details opens the full ruling context for the vendor', async () => {
    const { page } = await open(at('shop-ebay-dji'));
    const details = page.locator(NOTICE).getByRole('button', { name: 'Full ruling context' });
    await expect.poll(() => details.count(), { timeout: 10_000 }).toBe(1);
    const opened = h.context.waitForEvent('page');
    await details.click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(h.url('src/details/index.html?vendor=dji'));
    await tab.close();
    await page.close();
  });

  it('marks listing tiles by their brand field only (Newegg)', async () => {
    const { page } = await open(at('shop-newegg-listing'));
    await expect.poll(() => page.locator(CHIP).count(), { timeout: 10_000 }).toBe(2);
    const marked = await page.evaluate(() => [...document.querySelectorAll('[data-banwatch-chip]')].map((c) => c.closest('.item-cell')!.id));
    expect(marked).toEqual(['item-1', 'item-5']); // HIKVISION, EZVIZ; not Lorex, TP-LINK or the unbranded mount
    expect(await page.locator(NOTICE).count()).toBe(0); // a listing is no product page
    await page.close();
  });

  it('respects hidden vendors', async () => {
    await setSettings({ hiddenVendors: ['kaspersky'] });
    const p = await open(at('shop-bestbuy-kaspersky'));
    await settled(p);
    expect(await p.page.locator(NOTICE).count()).toBe(0);
    await setSettings({ hiddenVendors: [] });
    await expect.poll(() => p.page.locator(NOTICE).count(), { timeout: 10_000 }).toBe(1);
    await p.page.close();
  });

  it('"Mark search results": chips after results for hikvision.com and dji.com only; links unchanged', async () => {
    await preGrant(originsFor('searchResults'));
    (await clickToggle('searchResults', true)).close();
    expect(await grantedOrigins()).toEqual([...originsFor('shoppingSites'), ...originsFor('searchResults')].sort());
    expect((await registered()).map((s) => s.id).sort()).toEqual([SCRIPT_IDS.searchResults, SCRIPT_IDS.shoppingSites].sort());

    const expected: Record<string, string[]> = {
      'serp-google': ['https://www.hikvision.com/en/', 'https://www.dji.com/mini-4-pro', '/url?q=https://www.hik-connect.com/&sa=U&ved=2ahUKEw'],
      'serp-bing': ['hikvision', 'https://www.dji.com/'],
      'serp-duckduckgo': ['https://www.dji.com/', 'https://www.anzurobotics.com/'], // Anzu: "reported link" (minSeverity is "watch" here)
    };
    for (const [name, hrefs] of Object.entries(expected)) {
      const { page } = await open(at(name));
      await expect.poll(() => page.locator(CHIP).count(), { timeout: 10_000 }).toBe(hrefs.length);
      const chips = await page.evaluate(() =>
        [...document.querySelectorAll('[data-banwatch-chip]')].map((c) => ({
          after: (c.previousElementSibling as HTMLAnchorElement | null)?.getAttribute('href') ?? '',
          title: c.getAttribute('title') ?? '',
          label: c.shadowRoot?.querySelector('.chip')?.getAttribute('aria-label') ?? '',
          inside: c.closest('a') !== null,
        })),
      );
      chips.forEach((c, i) => {
        expect(c.after.includes(hrefs[i]!) || (hrefs[i] === 'hikvision' && c.after.includes('u=a1')), `${name} ${c.after}`).toBe(true);
        expect(c.inside).toBe(false);
        expect(c.label).toBe(c.title);
      });
      for (const c of chips) expect(c.title).toMatch(/^BanWatch: (Hikvision|DJI) — (Prohibited|Restricted|Listed): .+|^BanWatch: Anzu Robotics — reported link to DJI \(alleged, not established\)$/);
      expect(await anchorsHtml(page), name).toEqual(before[name]); // every link exactly as served
      if (name === 'serp-google') await screenshot(page, 'shopping-serp-google');
      await page.close();
    }
  });

  it('picks up results added later (infinite scroll)', async () => {
    const { page } = await open(at('serp-google'));
    await expect.poll(() => page.locator(CHIP).count(), { timeout: 10_000 }).toBe(3);
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.className = 'MjjYud';
      div.innerHTML = '<div class="g"><a href="https://www.dahuasecurity.com/"><h3 class="LC20lb">Dahua Technology</h3></a></div><div class="g"><a href="https://www.amcrest.com/"><h3 class="LC20lb">Amcrest</h3></a></div>';
      document.querySelector('#rso')!.append(div);
    });
    await expect.poll(() => page.locator(CHIP).count(), { timeout: 10_000 }).toBe(4);
    expect(await page.locator('[data-banwatch-chip="dahua"]').count()).toBe(1);
    await page.close();
  });

  // Functional only: how long it takes, and whether any task is long, is measured by
  // bench/shopping.bench.ts (`npm run bench`), never asserted in a test.
  it('marks every listed result or tile when 5 MB of them are added at once; links unchanged', async () => {
    for (const { name, kind, baseChips } of BIG_PAGES) {
      const { page } = await open(at(name));
      await expect.poll(() => page.locator(CHIP).count(), { timeout: 10_000 }).toBe(baseChips);
      const m = await page.evaluate(markBigPage, [kind, baseChips] as const);
      expect(m.bytes, name).toBeGreaterThanOrEqual(5 * 1024 * 1024);
      expect(m.items, name).toBeGreaterThan(10_000);
      expect(m.chips, name).toBe(m.expected); // all of them, and no more
      expect(m.chipsPlaced, `${name}: each chip right after a listed item's link, outside it`).toBe(true);
      expect(m.linksUnchanged, `${name}: every link exactly as it was`).toBe(true);
      await page.close();
    }
  });

  it('turning a switch off unregisters the script and gives the hosts back; nothing runs any more', async () => {
    (await clickToggle('searchResults', false)).close();
    (await clickToggle('shoppingSites', false)).close();
    expect(await registered()).toEqual([]);
    expect(await grantedOrigins()).toEqual([]);
    const stored = await h.worker.evaluate(() => chrome.storage.sync.get(['shoppingSites', 'searchResults']));
    expect(stored).toEqual({ shoppingSites: false, searchResults: false });
    for (const name of ['shop-amazon-hikvision', 'serp-google']) {
      const p = await open(at(name));
      await contentScriptsInjected(p); // every script the page gets has run (control: "Warn on shopping sites")
      expect(p.worlds, name).not.toContain(extName);
      expect(await p.page.locator(`${NOTICE}, ${CHIP}`).count()).toBe(0);
      await p.page.close();
    }
  });

  it('the background re-registers a missing registration, and drops it when access is revoked', async () => {
    await preGrant(originsFor('shoppingSites'));
    (await clickToggle('shoppingSites', true)).close();
    // Registration lost: the same sync the worker runs on install and startup (asked for here by message) restores it.
    await h.worker.evaluate(() => chrome.scripting.unregisterContentScripts());
    expect(await registered()).toEqual([]);
    const options = await h.context.newPage();
    await options.goto(h.url('src/options/index.html'));
    await options.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'ui-bg-shopping-sync' })); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect((await registered()).map((s) => s.id)).toEqual([SCRIPT_IDS.shoppingSites]);
    // Access revoked elsewhere (the browser's own site-access UI): permissions.onRemoved → unregister.
    await h.worker.evaluate((o) => chrome.permissions.remove({ origins: o }), originsFor('shoppingSites'));
    await expect.poll(() => registered()).toEqual([]);
    await options.reload();
    const toggle = options.locator('#shop-toggle-shoppingSites');
    await expect.poll(() => toggle.count(), { timeout: 10_000 }).toBe(1);
    expect(await toggle.isChecked()).toBe(false); // on in settings, but no access here: shown off, with a hint
    expect(await options.locator('#shopping .hint').textContent()).toMatch(/not been given access/);
    await options.close();
  });
});
