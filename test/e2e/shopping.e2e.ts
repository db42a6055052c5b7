// Marketplaces and search results (#9), end to end in Chromium with the built extension. Every
// hostname resolves to the local fixture server; `?fixture=<name>` picks the page so URLs keep
// each site's real shape.
//
// Permissions: Chromium's prompt for `permissions.request` cannot be answered in headless mode
// (the request stays pending; --apps-gallery-install-auto-confirm-for-tests does not apply to it).
// What works reliably: the hosts are first added to the extension's *granted* set through
// chrome://extensions (developerPrivate.addHostPermission, the "Site access → add a site" the
// user has in the browser UI). That alone does not activate them (permissions.contains stays
// false and nothing runs). The real click on the options page's switch then calls
// permissions.request, which Chromium answers without a prompt for hosts granted before, and the
// switch's own code path registers the content script. Turning the switch off removes both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, screenshot, type Harness } from './harness';
import { allOptionalOrigins, originsFor, matchesFor, SCRIPT_IDS } from '../../src/core/shopping/sites';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
let extName: string;
beforeAll(async () => {
  h = await launch();
  extName = JSON.parse(readFileSync('dist/_locales/en/messages.json', 'utf8')).extName.message as string;
});
afterAll(async () => {
  await h?.close();
});

const NOTICE = '[data-banwatch-notice]';
const CHIP = '[data-banwatch-chip]';

const PRODUCT: Record<string, string> = {
  'shop-amazon-hikvision': 'https://www.amazon.com/Hikvision-DS-2CD2143G2-IU-AcuSense-Outdoor/dp/B08L5MR3DZ',
  'shop-amazon-lookalike': 'https://www.amazon.com/Compatible-Junction-DS-2CD2143-Aluminium/dp/B0C1234567',
  'shop-amazon-anzu': 'https://www.amazon.com/Anzu-Robotics-Raptor-Enterprise-Thermal/dp/B0D7654321',
  'shop-bestbuy-kaspersky': 'https://www.bestbuy.com/site/kaspersky-premium-10-devices/6520999.p?skuId=6520999',
  'shop-bestbuy-tplink': 'https://www.bestbuy.com/site/tp-link-tapo-2k-outdoor/6491234.p?skuId=6491234',
  'shop-newegg-dahua': 'https://www.newegg.com/p/N82E16881000001',
  'shop-newegg-listing': 'https://www.newegg.com/p/pl?d=hikvision',
  'shop-walmart-ezviz': 'https://www.walmart.com/ip/EZVIZ-C3TN-1080p-Outdoor/512345678',
  'shop-ebay-dji': 'https://www.ebay.com/itm/395012345678',
  'shop-ebay-compatible': 'https://www.ebay.com/itm/395087654321',
  'shop-bhphoto-dji': 'https://www.bhphotovideo.com/c/product/1766054-REG/dji_cp_ma_00000656_01_mavic_3_pro.html',
  'shop-homedepot-hikvision': 'https://www.homedepot.com/p/Hikvision-8-Channel-4K-PoE-NVR/318654321',
  'shop-homedepot-lorex': 'https://www.homedepot.com/p/Lorex-4K-8-Channel-NVR-System/318123456',
};
const SERP: Record<string, string> = {
  'serp-google': 'https://www.google.com/search?q=hikvision&sourceid=chrome&ie=UTF-8',
  'serp-bing': 'https://www.bing.com/search?q=hikvision&form=QBLH',
  'serp-duckduckgo': 'https://duckduckgo.com/?q=dji&ia=web',
};
const at = (name: string) => {
  const base = PRODUCT[name] ?? SERP[name]!;
  return `${base}${base.includes('?') ? '&' : '?'}fixture=${name}`;
};

/** Opens `url` and records the names of isolated worlds (content scripts) created in it. */
async function open(url: string): Promise<{ page: Page; worlds: string[] }> {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { name: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated') worlds.push(e.context.name);
  });
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await page.waitForLoadState('load');
  return { page, worlds };
}

/** Waits until BanWatch's script ran on the page, then a little more for its answer. */
async function settled(p: { page: Page; worlds: string[] }): Promise<void> {
  await expect.poll(() => p.worlds.includes(extName), { timeout: 10_000 }).toBe(true);
  await p.page.waitForTimeout(800);
}

const registered = () => h.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()) as { id: string; matches: string[]; persistAcrossSessions: boolean; js: string[] }[]);
/** The granted origins among the optional ones (getAll also lists the vendor sites' content-script hosts). */
const grantedOrigins = async () => {
  const all: string[] = await h.worker.evaluate(async () => (await chrome.permissions.getAll()).origins);
  return all.filter((o) => allOptionalOrigins().includes(o)).sort();
};
const setSettings = (values: Record<string, unknown>) => h.worker.evaluate((v) => chrome.storage.sync.set(v), values);

/** Adds hosts to the extension's granted set the way chrome://extensions "Site access" does. */
async function preGrant(origins: string[]): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(`chrome://extensions/?id=${h.extensionId}`);
  for (const origin of origins) {
    await page.evaluate(([id, o]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, o), [h.extensionId, origin] as const); // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  await page.close();
}

async function clickToggle(feature: 'shoppingSites' | 'searchResults', want: boolean): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.url('src/options/index.html'));
  const toggle = page.locator(`#shop-toggle-${feature}`);
  await expect.poll(() => toggle.count(), { timeout: 10_000 }).toBe(1);
  expect(await toggle.isChecked()).toBe(!want);
  await toggle.click(); // a real click: a user gesture for permissions.request
  await expect.poll(() => toggle.isChecked(), { timeout: 10_000 }).toBe(want);
  await expect.poll(() => page.locator("#shopping-status").textContent(), { timeout: 10_000 }).toMatch(want ? /Turned on/ : /Turned off/);
  return page;
}

/** Anchors' full markup in the page, to show marking leaves links untouched. */
const anchorsHtml = (page: Page) => page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.outerHTML));

const before: Record<string, string[]> = {};

describe('marketplaces and search results (opt-in)', () => {
  it('is off by default: the hosts are optional, nothing is registered, nothing runs on those sites', async () => {
    const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
    expect(manifest.permissions).toContain('scripting');
    expect(manifest.optional_host_permissions).toEqual([...originsFor('shoppingSites'), ...originsFor('searchResults')]);
    expect(JSON.stringify(manifest.host_permissions ?? [])).not.toMatch(/amazon|google/);
    expect(JSON.stringify(manifest.content_scripts)).not.toMatch(/amazon|google|content-shop/);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(await registered()).toEqual([]);
    expect(await grantedOrigins()).toEqual([]);

    for (const name of ['shop-amazon-hikvision', 'shop-bestbuy-kaspersky', 'serp-google', 'serp-bing', 'serp-duckduckgo']) {
      const p = await open(at(name));
      await p.page.waitForTimeout(500);
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
    expect(scripts[0]!.js).toEqual(['src/content-shop/content.js']);
    const built = readFileSync('dist/src/content-shop/content.js', 'utf8');
    expect(built).not.toMatch(/^\s*import\s|\bimport\s*\(/m); // self-contained
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

  it('long tasks while marking 5 MB of results or listing tiles added at once (target: none over 50 ms)', async () => {
    const figures: string[] = [];
    const worstAll: [string, number, unknown][] = [];
    for (const [name, kind] of [
      ['serp-google', 'results'],
      ['shop-newegg-listing', 'tiles'],
    ] as const) {
      const { page } = await open(at(name));
      await page.waitForTimeout(1000);
      const m = await page.evaluate(async (kind) => {
        const tasks: { start: number; duration: number }[] = [];
        new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
        // Long animation frames name the scripts that ran in them (source URL and time), so the
        // frame's script work by BanWatch can be told from the browser's style and layout work.
        const frames: { start: number; duration: number; render: number; scripts: { src: string; duration: number }[] }[] = [];
        new PerformanceObserver((l) =>
          l.getEntries().forEach((e: any) => // eslint-disable-line @typescript-eslint/no-explicit-any
            frames.push({
              start: e.startTime,
              duration: e.duration,
              render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
              scripts: (e.scripts ?? []).map((x: any) => ({ src: `${x.invoker} ${x.sourceURL}`, duration: x.duration })), // eslint-disable-line @typescript-eslint/no-explicit-any
            }),
          ),
        ).observe({ type: 'long-animation-frame' });
        // ~5 MB of markup shaped like the site's own, 1 in 10 items a listed vendor's.
        const hosts = ['www.hikvision.com', 'www.dji.com', 'www.dahuasecurity.com', 'www.kaspersky.com'];
        const parts: string[] = [];
        let bytes = 0;
        for (let i = 0; bytes < 5 * 1024 * 1024; i++) {
          const listed = i % 10 === 0;
          const host = listed ? hosts[(i / 10) % hosts.length]! : `shop-${i % 997}.example${i % 7}.com`;
          const brand = listed ? ['HIKVISION', 'DJI', 'Dahua', 'EZVIZ'][(i / 10) % 4]! : `Brand ${i % 1500}`;
          const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. '.repeat(2);
          const html =
            kind === 'results'
              ? `<div class="MjjYud"><div class="g"><div class="yuRUbf"><a jsname="UWckNb" href="https://${host}/page/${i}"><h3 class="LC20lb">Result ${i} about ${brand}</h3><cite>https://${host} › page</cite></a></div><div class="VwiC3b">${filler}</div></div></div>`
              : `<div class="item-cell"><div class="item-container"><div class="item-info"><div class="item-branding"><a href="/b/${i}" class="item-brand"><img title="${brand}" alt="${brand}"></a></div><a href="/p/${i}" class="item-title">${brand} product ${i} ${filler}</a></div></div></div>`;
          parts.push(html);
          bytes += html.length;
        }
        const container = document.querySelector(kind === 'results' ? '#rso' : '#items')!;
        const t0 = performance.now();
        container.insertAdjacentHTML('beforeend', parts.join(''));
        container.getBoundingClientRect(); // the page's own parse and layout, inside this task
        // …and its first frame after it (paint): still the page's own cost, not BanWatch's, whose
        // throttled scan starts 300 ms after the mutation.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
        const appended = performance.now();
        const items = parts.length;
        const expected = Math.ceil(items / 10);
        const start = Date.now();
        while (document.querySelectorAll('[data-banwatch-chip]').length < expected && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 50));
        const done = performance.now();
        await new Promise((r) => setTimeout(r, 300));
        const ours = tasks.filter((t) => t.start > appended + 1);
        const loaf = frames.filter((f) => f.start > appended + 1);
        return { bytes, items, appendMs: appended - t0, chips: document.querySelectorAll('[data-banwatch-chip]').length, expected, markMs: done - appended, ours, loaf };
      }, kind);
      expect(m.chips, name).toBeGreaterThanOrEqual(m.expected);
      const worst = Math.max(0, ...m.ours.map((t) => t.duration));
      figures.push(
        `${name}: ${(m.bytes / 1048576).toFixed(1)} MB, ${m.items} ${kind}, ${m.chips} chips in ${m.markMs.toFixed(0)} ms after the append ` +
          `(page's own append+layout ${m.appendMs.toFixed(0)} ms); long tasks after the append: ${m.ours.length}, longest ${worst.toFixed(0)} ms; ` +
          `long animation frames: ${m.loaf.length}, longest ${Math.max(0, ...m.loaf.map((f) => f.duration)).toFixed(0)} ms of which style/layout/paint ${Math.max(0, ...m.loaf.map((f) => f.render)).toFixed(0)} ms`,
      );
      worstAll.push([name, worst, m.ours]);
      await page.close();
    }
    console.log(`[shopping long tasks]\n  ${figures.join('\n  ')}`);
    // The target is 50 ms. On this two-core machine, under the load of the other suites, single
    // tasks of 50–215 ms were seen in some runs (see docs/performance.md, "Marketplaces"): this
    // bound guards against regressions (e.g. the whole page scanned in one task, which measured
    // 168 ms) without making the suite flaky; the figures are printed on every run.
    for (const [name, worst, ours] of worstAll) expect(worst, `${name}: ${JSON.stringify(ours)}`).toBeLessThanOrEqual(250);
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
      await p.page.waitForTimeout(500);
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
