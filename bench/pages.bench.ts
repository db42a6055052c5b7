// Popup and details page against the physical limit (issue 14, item 3). Run alone:
// npm run bench -- bench/pages.bench.ts   (BENCH_LOADS=n changes the loads per cell, 12 by default)
//
// Same browser as bench/banner.bench.ts (BanWatch and the reference extension). Per load, in ms
// since navigation start:
//   - the reference extension's static page (static.html: text, no script, no style sheet): its
//     first-contentful-paint entry, the fastest an extension page shows anything;
//   - the popup for a vendor tab (src/popup/index.html?tab=<id>, the tab found through the
//     reference extension, which may list tabs) and the details page
//     (src/details/index.html?vendor=kaspersky): their first complete render — the first frame
//     showing the vendor's name and every ruling name the page shows once settled (for the popup
//     that is its ruling line for the current site), as rendered text (innerText: not hidden, not
//     in a closed <details>). When that content is rendered before the page's
//     first-contentful-paint, that paint is the complete render; otherwise the end of the next
//     frame: a task posted from its requestAnimationFrame callback runs once the frame's style,
//     layout and paint are done (the callback itself runs before them, which would leave the
//     cost of laying out the content uncounted).
// The figure is each page's complete render ÷ the static page's first paint measured just before
// it; median and p95 over the loads; warm (service worker running) and cold (stopped over the
// DevTools protocol, stop confirmed) alternating. Target ≤ 1.5.
//
// Control, for what the content alone costs: each page's settled DOM (styles inlined, scripts
// removed), saved as static HTML in an extension of its own made at run time and loaded in the
// same browser, timed the same way against the static page. No script, no reads: the fastest that
// much content can be on screen, so the share of BanWatch's figure that its script and reads add.
//
// Also, as a check on bench/sizes.bench.mjs: the files each page (and the options page, until its
// load event) really fetched before its content was complete, from DevTools Network events; any
// JS, JSON or CSS file the sizes bench does not count is reported and fails the bench.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { bannerProbeArgs, chromiumVersion, DIST, installBannerProbe, launchBench, newExtensionKey, probeLoad, tabIdOf, type BenchBrowser } from './browser';
import { fixed, median, p95, type BenchOutput, type Result } from './stats';
// @ts-expect-error plain ESM helper shared with bench/sizes.bench.mjs
import { RECORDS_DIR, surfaces } from './surfaces.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 12);
const TARGET = 1.5;
const VENDOR_ID = 'kaspersky';
const SITE = 'https://www.kaspersky.com/bench/tiny';
const STATES = ['warm', 'cold'] as const;
/** The control's cell: the page's settled content as static HTML (see above). */
const COPY = 'static copy';
const CELLS = [...STATES, COPY] as const;
const STATIC_TEXT = 'Reference extension page';
const COPY_DIR = resolve('.tmp/bench-static-copy');

/** An empty extension for the static copies (Chromium reads an unpacked extension's files when they are requested, so they can be written once the browser runs). */
function staticCopyExtension(): string {
  rmSync(COPY_DIR, { recursive: true, force: true });
  mkdirSync(COPY_DIR, { recursive: true });
  const { key, id } = newExtensionKey();
  const manifest = { manifest_version: 3, name: 'BanWatch bench: static copies of pages', version: '1.0', key };
  writeFileSync(resolve(COPY_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return id;
}

/** The page as it shows now, without its scripts (its styles are inline), as an HTML document. */
function settledHtml(): string {
  const root = document.documentElement.cloneNode(true) as HTMLElement;
  for (const s of root.querySelectorAll('script')) s.remove();
  return `<!doctype html>\n${root.outerHTML}`;
}

interface RenderProbe {
  complete: number | null;
  frame: number | null;
  fcp: number | null;
}

/** Runs first in an extension page: when every needle is in the page's rendered text, and the paint that shows it. */
function installRenderProbe(needles: string[]): void {
  const probe: RenderProbe = { complete: null, frame: null, fcp: null };
  Object.defineProperty(window, '__bwRender', { value: probe });
  const has = (text: string) => needles.every((n) => text.includes(n));
  const check = () => {
    if (probe.complete !== null) return true;
    // textContent first (cheap); innerText, which lays the page out, only once the DOM has it all.
    if (!has(document.body?.textContent ?? '') || !has(document.body.innerText)) return false;
    probe.complete = performance.now();
    requestAnimationFrame(() => {
      const after = new MessageChannel();
      after.port1.onmessage = () => (probe.frame = performance.now());
      after.port2.postMessage(null);
    });
    return true;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  // Attributes too: hidden text shown by a class or attribute change completes the page.
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') probe.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
}

/** ms since navigation start of the first frame showing the complete content, or null. */
const rendered = (p: RenderProbe) => (p.complete === null || p.fcp === null ? null : p.complete < p.fcp ? p.fcp : p.frame);

async function renderLoad(page: Page, url: string, timeout = 15_000): Promise<RenderProbe & { rendered: number | null }> {
  await page.goto(url, { waitUntil: 'load' });
  const read = () => page.evaluate(() => ({ ...(window as unknown as { __bwRender: RenderProbe }).__bwRender }));
  const end = Date.now() + timeout;
  let p = await read();
  while (rendered(p) === null && Date.now() < end) {
    await page.waitForTimeout(10);
    p = await read();
  }
  return { ...p, rendered: rendered(p) };
}

/** Ruling names among the vendor's that the page shows (rendered text) once it has settled (3 s). */
async function settledNeedles(page: Page, url: string, candidates: string[]): Promise<string[]> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(3_000);
  const text = await page.evaluate(() => document.body.innerText);
  return candidates.filter((c) => text.includes(c));
}

/** Extension files (path in the build) requested by `page` loading `url` before its content was complete (or its load event). */
async function fetchedBefore(b: BenchBrowser, url: string, needles: string[] | null): Promise<string[]> {
  const page = await b.context.newPage();
  const cdp: CDPSession = await b.context.newCDPSession(page);
  const requests: { url: string; ts: number; type: string }[] = [];
  cdp.on('Network.requestWillBeSent', (e) => requests.push({ url: e.request.url, ts: e.timestamp, type: e.type ?? '' }));
  await cdp.send('Network.enable');
  let until = Number.POSITIVE_INFINITY;
  if (needles) {
    await page.addInitScript(installRenderProbe, needles);
    const p = await renderLoad(page, url);
    if (p.rendered === null || p.complete === null) throw new Error(`${url}: no complete render within 15 s`);
    // A file requested once the content is complete cannot be one it needed (the paint that shows
    // it can be presented a few milliseconds later, and the page may use them to fetch more).
    until = p.complete;
  } else await page.goto(url, { waitUntil: 'load' });
  // The render is timed from navigation start, the requests from the document's request, which
  // the browser sends tens of milliseconds later: line the two clocks up at the document's fetch.
  const docFetch = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).fetchStart);
  await page.close();
  const doc = requests.find((r) => r.type === 'Document');
  if (!doc) throw new Error(`${url}: no document request seen`);
  const origin = `chrome-extension://${b.banwatchId}/`;
  return requests
    .filter((r) => r !== doc && r.url.startsWith(origin) && docFetch + (r.ts - doc.ts) * 1000 <= until + 1)
    .map((r) => new URL(r.url).pathname.slice(1))
    .filter((path) => /\.(m?js|css|json)$/.test(path));
}

export default async function main(): Promise<BenchOutput> {
  console.log('# BanWatch popup and details page vs a static extension page (reference extension), same browser');
  console.log(`chromium: ${chromiumVersion()}, headless, ${LOADS} loads per cell, warm and cold alternating`);
  const data = JSON.parse(readFileSync(resolve('src/data/dataset.json'), 'utf8')) as { vendors: { id: string; name: string; rulings: { ruling: string }[] }[]; rulings: { id: string; shortName: string }[] };
  const vendor = data.vendors.find((v) => v.id === VENDOR_ID)!;
  const rulingNames = vendor.rulings.map((r) => data.rulings.find((x) => x.id === r.ruling)!.shortName);
  const counted = surfaces(DIST).surfaces as Record<string, string[]>;
  const countedPaths = (name: string) => new Set((counted[name] ?? []).map((f) => f.slice(DIST.length + 1)));

  const copyId = staticCopyExtension();
  const b = await launchBench({ extra: [COPY_DIR] });
  const results: Result[] = [];
  const docs: string[] = [];
  try {
    const site = await b.context.newPage();
    await site.addInitScript(installBannerProbe, bannerProbeArgs);
    const shown = await probeLoad(site, SITE, 30_000);
    if (shown.banner === null) console.log('note: no banner on the vendor tab within 30 s; the popup may not know the tab');
    const tabId = await tabIdOf(b, SITE);
    const surfacesUnderTest = [
      { name: 'popup', url: b.url('banwatch', `src/popup/index.html?tab=${tabId}`), viewport: { width: 400, height: 600 } },
      { name: 'details', url: b.url('banwatch', `src/details/index.html?vendor=${VENDOR_ID}`), viewport: { width: 1280, height: 800 } },
    ];

    const staticPage = await b.context.newPage();
    await staticPage.addInitScript(installRenderProbe, [STATIC_TEXT]);
    const pages: { name: string; url: string; page: Page; needles: string[]; copy: Page; copyUrl: string }[] = [];
    for (const s of surfacesUnderTest) {
      const page = await b.context.newPage();
      await page.setViewportSize(s.viewport);
      const names = await settledNeedles(page, s.url, rulingNames);
      const bodyHasName = (await page.evaluate(() => document.body.innerText)).includes(vendor.name);
      if (!names.length || !bodyHasName) throw new Error(`${s.name}: after 3 s it shows ${bodyHasName ? '' : 'neither the vendor name nor '}no ruling of ${vendor.name}`);
      const needles = [vendor.name, ...names];
      console.log(`${s.name}: complete = "${needles.join('", "')}" in the page`);
      await page.addInitScript(installRenderProbe, needles);
      writeFileSync(resolve(COPY_DIR, `${s.name}.html`), await page.evaluate(settledHtml));
      const copy = await b.context.newPage();
      await copy.setViewportSize(s.viewport);
      await copy.addInitScript(installRenderProbe, needles);
      pages.push({ name: s.name, url: s.url, page, needles, copy, copyUrl: `chrome-extension://${copyId}/${s.name}.html` });
    }

    // What each surface fetched before its complete render, against what the sizes bench counts.
    for (const s of [...pages, { name: 'options', url: b.url('banwatch', 'src/options/index.html'), needles: null }]) {
      const fetched = await fetchedBefore(b, s.url, s.needles);
      const expected = countedPaths(s.name);
      // The largest entry record is counted in place of the one the page shows (bench/surfaces.mjs).
      const countsRecord = [...expected].some((f) => f.startsWith(`${RECORDS_DIR}/`));
      const uncounted = fetched.filter((f) => !expected.has(f) && !(countsRecord && f.startsWith(`${RECORDS_DIR}/`)));
      console.log(`${s.name}: fetched ${fetched.length} files before ${s.needles ? 'its complete render' : 'its load event'}; not counted by the sizes bench: ${uncounted.join(', ') || 'none'}`);
      results.push({ text: `${s.name}: every JS/JSON/CSS file fetched before ${s.needles ? 'first complete render' : 'load'} is counted by the sizes bench${uncounted.length ? ` — NOT: ${uncounted.join(', ')}` : ''}`, ok: uncounted.length === 0 });
    }

    const samples = new Map<string, { ratio: number; rendered: number | null; fcpStatic: number }[]>();
    for (const s of pages) for (const state of CELLS) samples.set(`${s.name} ${state}`, []);
    const staticFcps: number[] = [];
    for (const s of pages) await renderLoad(s.page, s.url); // warm-up
    for (let i = 0; i < LOADS; i++) {
      for (const state of CELLS) {
        for (const s of pages) {
          const st = await renderLoad(staticPage, b.url('reference', 'static.html'));
          if (st.rendered === null) throw new Error('the static page never painted');
          staticFcps.push(st.rendered);
          if (state === 'cold') await b.worker.stop();
          else await b.worker.ensureRunning();
          const p = state === COPY ? await renderLoad(s.copy, s.copyUrl) : await renderLoad(s.page, s.url);
          samples.get(`${s.name} ${state}`)!.push({ ratio: p.rendered === null ? Number.POSITIVE_INFINITY : p.rendered / st.rendered, rendered: p.rendered, fcpStatic: st.rendered });
        }
      }
    }
    console.log(`\nstatic page first paint: median ${fixed(median(staticFcps), 0)} ms, p95 ${fixed(p95(staticFcps), 0)} ms`);
    docs.push(`Static extension page (reference) first paint: median ${fixed(median(staticFcps), 0)} ms, p95 ${fixed(p95(staticFcps), 0)} ms. Target: complete render ÷ that ≤ ${TARGET} (median and p95). ${LOADS} loads per cell.`, '');
    docs.push('| page | state | complete render ÷ static first paint, median | p95 | complete render (ms, median) | never complete (15 s) |', '|---|---|---:|---:|---:|---:|');
    for (const state of CELLS) {
      for (const s of pages) {
        const xs = samples.get(`${s.name} ${state}`)!;
        const ratios = xs.map((x) => x.ratio);
        const never = xs.filter((x) => x.rendered === null).length;
        const [m, p] = [median(ratios), p95(ratios)];
        const ms = median(xs.flatMap((x) => (x.rendered === null ? [] : [x.rendered])));
        console.log(`${s.name}, ${state}: complete render at ${xs.map((x) => (x.rendered === null ? '–' : x.rendered.toFixed(0))).join(', ')} ms; ratio median ${fixed(m)}, p95 ${fixed(p)}`);
        const neverNote = never ? `; never complete in ${never} loads` : '';
        if (state === COPY) results.push({ text: `${s.name}'s settled content as static HTML, no script (control) ÷ static page first paint: median ${fixed(m)}, p95 ${fixed(p)}${neverNote}`, info: true });
        else results.push({ text: `${s.name} complete render ÷ static page first paint, ${state}: median ${fixed(m)}, p95 ${fixed(p)} (target ≤ ${TARGET})${neverNote}`, ok: m <= TARGET && p <= TARGET });
        docs.push(`| ${s.name} | ${state === COPY ? 'control: its settled content as static HTML, no script' : state} | ${fixed(m)} | ${fixed(p)} | ${fixed(ms, 0)} | ${never} |`);
      }
    }
  } finally {
    await b.close();
  }
  if (results.some((r) => r.ok === false)) process.exitCode = 1;
  return { results, docs };
}
