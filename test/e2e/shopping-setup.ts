// Shared by test/e2e/shopping.e2e.ts and bench/shopping.bench.ts: the fixture URLs of the
// marketplace and search pages, turning "Warn on shopping sites" / "Mark search results" on in
// headless Chromium, and the ~5 MB results and listing pages built in the page.
//
// Permissions: Chromium's prompt for `permissions.request` cannot be answered in headless mode
// (the request stays pending; --apps-gallery-install-auto-confirm-for-tests does not apply to it).
// What works reliably: the hosts are first added to the extension's *granted* set through
// chrome://extensions (developerPrivate.addHostPermission, the "Site access → add a site" the
// user has in the browser UI). That alone does not activate them (permissions.contains stays
// false and nothing runs). The real click on the options page's switch then calls
// permissions.request, which Chromium answers without a prompt for hosts granted before, and the
// switch's own code path registers the content script. Turning the switch off removes both.
//
// No vitest here (the bench imports this module): failures are thrown errors.
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { originsFor } from '../../src/core/shopping/sites';

export type Feature = 'shoppingSites' | 'searchResults';

export const NOTICE = '[data-banwatch-notice]';
export const CHIP = '[data-banwatch-chip]';

export const PRODUCT: Record<string, string> = {
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
export const SERP: Record<string, string> = {
  'serp-google': 'https://www.google.com/search?q=hikvision&sourceid=chrome&ie=UTF-8',
  'serp-bing': 'https://www.bing.com/search?q=hikvision&form=QBLH',
  'serp-duckduckgo': 'https://duckduckgo.com/?q=dji&ia=web',
};

/** The URL of fixture `name`: the site's real URL shape, `?fixture=<name>` picks the page. */
export const at = (name: string): string => {
  const base = PRODUCT[name] ?? SERP[name]!;
  return `${base}${base.includes('?') ? '&' : '?'}fixture=${name}`;
};

/** Polls `check` every 100 ms until it is true; throws `what` after `timeout` ms. */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Adds hosts to the extension's granted set the way chrome://extensions "Site access" does. */
export async function preGrant(h: Harness, origins: string[]): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(`chrome://extensions/?id=${h.extensionId}`);
  for (const origin of origins) {
    await page.evaluate(([id, o]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, o), [h.extensionId, origin] as const); // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  await page.close();
}

/** Clicks the options page's switch for `feature` (from !want to want); returns the options page, left open. */
export async function clickToggle(h: Harness, feature: Feature, want: boolean): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.url('src/options/index.html'));
  const toggle = page.locator(`#shop-toggle-${feature}`);
  await waitUntil(async () => (await toggle.count()) === 1, `the ${feature} switch`);
  if ((await toggle.isChecked()) === want) throw new Error(`the ${feature} switch is already ${want ? 'on' : 'off'}`);
  await toggle.click(); // a real click: a user gesture for permissions.request
  await waitUntil(() => toggle.isChecked().then((c) => c === want), `the ${feature} switch to turn ${want ? 'on' : 'off'}`);
  const status = want ? /Turned on/ : /Turned off/;
  await waitUntil(async () => status.test((await page.locator('#shopping-status').textContent()) ?? ''), `"${status.source}" on the options page`);
  return page;
}

/** Turns `feature` on as a user would: hosts granted in chrome://extensions, then the switch clicked. */
export async function enableFeature(h: Harness, feature: Feature): Promise<void> {
  await preGrant(h, originsFor(feature));
  await (await clickToggle(h, feature, true)).close();
}

/** The chips each big-page fixture carries before anything is appended. */
export const BIG_PAGES = [
  { name: 'serp-google', kind: 'results', baseChips: 3 },
  { name: 'shop-newegg-listing', kind: 'tiles', baseChips: 2 },
] as const;

export interface BigPageRun {
  bytes: number;
  items: number;
  /** Chips BanWatch should add for the appended items (1 in 10 is a listed vendor's). */
  expected: number;
  /** Chips on the page once marking settled (the fixture's own included). */
  chips: number;
  /** Every added chip sits right after an appended item's link to a listed vendor. */
  chipsPlaced: boolean;
  /** Every link on the page is exactly as it was right after the append. */
  linksUnchanged: boolean;
  /** The page's own insertAdjacentHTML, layout and first frames. */
  appendMs: number;
  /** From after the append to the last chip. */
  markMs: number;
  /** Long tasks that started after the append, until the marking settled. */
  tasks: { start: number; duration: number }[];
  /** Long animation frames in the same span, with their render (style/layout/paint) part and the scripts they name. */
  frames: { start: number; duration: number; render: number; scripts: { src: string; duration: number }[] }[];
  /** The longest animation frame of the page's own append (before `appendMs` ended), for comparison. */
  ownFrame: number;
}

/**
 * Runs in the page (page.evaluate): appends ~5 MB of markup shaped like the site's own (Google
 * results or Newegg tiles, 1 in 10 a listed vendor's) at once — the worst case of infinite
 * scroll — waits until BanWatch has marked them all, and reports what happened meanwhile.
 * With `observeMs` (a page without BanWatch, bench/shopping.bench.ts), it waits that long instead
 * of for the chips.
 */
export async function markBigPage([kind, baseChips, observeMs]: readonly ['results' | 'tiles', number, number?]): Promise<BigPageRun> {
  const tasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
  // Long animation frames name the scripts that ran in them (source URL and time), so the
  // frame's script work can be told from the browser's style and layout work.
  const frames: BigPageRun['frames'] = [];
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
  const items = parts.length;
  const expected = Math.ceil(items / 10);
  const container = document.querySelector(kind === 'results' ? '#rso' : '#items')!;
  const html = parts.join('');
  // A frame boundary, so building the markup above is not counted in the append's frame.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t0 = performance.now();
  container.insertAdjacentHTML('beforeend', html);
  // Same task: before any script of the extension can run.
  const links = () => [...document.querySelectorAll('a')].map((a) => a.outerHTML).join('\n');
  const linksBefore = links();
  container.getBoundingClientRect(); // the page's own parse and layout, inside this task
  // …and its first frame after it (paint): still the page's own cost, not BanWatch's, whose
  // throttled scan starts 300 ms after the mutation.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
  const appended = performance.now();
  const count = () => document.querySelectorAll('[data-banwatch-chip]').length;
  const end = Date.now() + (observeMs ?? 30_000);
  while ((observeMs !== undefined || count() < baseChips + expected) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  const done = performance.now();
  await new Promise((r) => setTimeout(r, 500)); // more chips than expected would show up here; observers deliver
  const settled = performance.now();
  const during = <T extends { start: number }>(xs: T[]) => xs.filter((x) => x.start > appended + 1 && x.start < settled);

  // The checks below are not part of the figures.
  const listedItem = kind === 'results' ? /^https:\/\/www\.(hikvision|dji|dahuasecurity|kaspersky)\.com\/page\/\d+$/ : /^\/p\/\d+$/;
  const added = [...container.querySelectorAll('[data-banwatch-chip]')].filter((c) => {
    const href = c.previousElementSibling?.getAttribute('href') ?? '';
    return /^(https:\/\/[^/]+)?\/(page|p)\/\d+$/.test(href);
  });
  const chipsPlaced =
    added.length === expected &&
    added.every((c) => {
      const a = c.previousElementSibling!;
      const n = Number(/(\d+)$/.exec(a.getAttribute('href')!)![1]);
      return n % 10 === 0 && listedItem.test(a.getAttribute('href')!) && c.closest('a') === null;
    });
  return {
    bytes,
    items,
    expected,
    chips: count() - baseChips,
    chipsPlaced,
    linksUnchanged: links() === linksBefore,
    appendMs: appended - t0,
    markMs: done - appended,
    tasks: during(tasks),
    frames: during(frames),
    ownFrame: Math.max(0, ...frames.filter((f) => f.start + f.duration > t0 && f.start <= appended).map((f) => f.duration)),
  };
}
