// The vendor-site banner against the physical limit (issue 14, item 3). Run alone:
// npm run bench -- bench/banner.bench.ts   (BENCH_LOADS=n changes the loads per cell, 20 by default)
//
// One headless Chromium with BanWatch (dist/) and the reference extension
// (bench/reference-extension/: a content script that appends one static element at
// document_start) loaded together, so both react to the same load of the same page. A probe in the
// page's main world, installed before any script runs (bench/browser.ts), timestamps every element
// inserted under <html> or <body>: the reference's element by its known tag, and the first element
// that neither the page (which marks all of its own) nor the reference put there as BanWatch's
// banner — whatever its tag, attributes or shadow root.
//
// Per load: banner time ÷ reference time (both ms since navigation start), and whether the banner
// was in the DOM before the page's first-paint entry. For a page under 1 KB and a 0.5 MB page;
// warm (service worker running) and cold (all service workers stopped with the DevTools protocol's
// ServiceWorker.stopAllWorkers before the load, and Chromium's report that BanWatch's has stopped
// awaited); idle and with a CPU hog spinning on every core. Warm and cold loads alternate.
// Targets: ratio ≤ 1.2 at the median and at p95; banner before first paint in ≥ 95 % of loads.
//
// Controls: the probe sees the reference element on every load (else the probe is blind), and on
// https://example.org/ (not a vendor) it sees the reference and no banner (else it would count
// something that is not BanWatch's). Also reported: the first vendor page after browser start.
import type { Page } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with npm run test:e2e:loaded
import { startHogs } from '../scripts/cpu-hog.mjs';
import { bannerProbeArgs, chromiumVersion, DIST, installBannerProbe, launchBench, probeLoad, type BannerProbe, type BenchBrowser } from './browser';
import { TINY_HTML, largeHtml } from './fixtures';
import { fixed, median, p95, pct, type BenchOutput, type Result } from './stats';
// @ts-expect-error plain ESM helper shared with bench/sizes.bench.mjs
import { surfaces } from './surfaces.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const TARGET_RATIO = 1.2;
const TARGET_SHARE = 0.95;
const VENDOR = 'https://www.kaspersky.com';
const PAGES = [
  { label: '<1 KB page', url: `${VENDOR}/bench/tiny` },
  { label: '0.5 MB page', url: `${VENDOR}/bench/large` },
] as const;
const STATES = ['warm', 'cold'] as const;
const LOADINGS = ['idle', 'CPU hog per core'] as const;

type State = (typeof STATES)[number];
interface Sample extends BannerProbe {
  /** Cold loads: Chromium reported the worker starting or running during the load. */
  woke: boolean;
}
interface Cell {
  page: string;
  state: State;
  loading: string;
  samples: Sample[];
}

const ratioOf = (s: BannerProbe) => (s.banner !== null && s.reference ? s.banner / s.reference : Number.POSITIVE_INFINITY);
const beforePaint = (s: BannerProbe) => s.banner !== null && s.firstPaint !== null && s.banner < s.firstPaint;
const ms = (xs: (number | null)[]) => fixed(median(xs.filter((x): x is number => x !== null)), 0);

async function runCell(b: BenchBrowser, page: Page, url: string, cells: Map<State, Cell>): Promise<void> {
  await probeLoad(page, url); // warm-up: not measured
  for (let i = 0; i < LOADS; i++) {
    for (const state of STATES) {
      if (state === 'cold') await b.worker.stop();
      else await b.worker.ensureRunning();
      b.worker.mark();
      const p = await probeLoad(page, url);
      cells.get(state)!.samples.push({ ...p, woke: b.worker.startedSinceMark });
    }
  }
}

function summarise(c: Cell): Result[] {
  const ratios = c.samples.map(ratioOf);
  const [m, p] = [median(ratios), p95(ratios)];
  const share = c.samples.filter(beforePaint).length / c.samples.length;
  const missing = c.samples.filter((s) => s.banner === null).length;
  const where = `${c.page}, ${c.state}, ${c.loading}`;
  return [
    { text: `banner ÷ reference, ${where}: median ${fixed(m)}, p95 ${fixed(p)} (target ≤ ${TARGET_RATIO})${missing ? `; no banner in ${missing} loads` : ''}`, ok: m <= TARGET_RATIO && p <= TARGET_RATIO },
    { text: `banner before first paint, ${where}: ${pct(share)} of ${c.samples.length} loads (target ≥ ${pct(TARGET_SHARE)})`, ok: share >= TARGET_SHARE },
  ];
}

function table(cells: Cell[]): string[] {
  return [
    '| page | CPU | banner ÷ reference, median | p95 | banner before first paint | reference at (ms, median) | banner at | first paint | loads | worker started by the load |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...cells.map((c) => {
      const ratios = c.samples.map(ratioOf);
      const woke = c.state === 'cold' ? pct(c.samples.filter((s) => s.woke).length / c.samples.length) : '–';
      return `| ${c.page} | ${c.loading} | ${fixed(median(ratios))} | ${fixed(p95(ratios))} | ${pct(c.samples.filter(beforePaint).length / c.samples.length)} | ${ms(c.samples.map((s) => s.reference))} | ${ms(c.samples.map((s) => s.banner))} | ${ms(c.samples.map((s) => s.firstPaint))} | ${c.samples.length} | ${woke} |`;
    }),
  ];
}

export default async function main(): Promise<BenchOutput> {
  console.log('# BanWatch banner vs a static element at document_start (reference extension), same page, same load');
  console.log(`chromium: ${chromiumVersion()}, headless, ${LOADS} loads per cell, warm and cold alternating`);
  const tinyBytes = Buffer.byteLength(TINY_HTML);
  const largeBytes = Buffer.byteLength(largeHtml());
  if (tinyBytes >= 1000) throw new Error(`the tiny page is ${tinyBytes} bytes, not under 1 KB`);
  console.log(`pages: ${tinyBytes} bytes and ${(largeBytes / 1048576).toFixed(2)} MB`);

  const b = await launchBench();
  const results: Result[] = [];
  const cells: Cell[] = [];
  let first: BannerProbe;
  try {
    const page = await b.context.newPage();
    await page.addInitScript(installBannerProbe, bannerProbeArgs);

    first = await probeLoad(page, PAGES[0].url, 30_000);
    if (first.reference === null || first.banner === null) throw new Error(`first vendor page: ${first.reference === null ? 'the probe did not see the reference element' : 'no banner within 30 s'}; nothing to measure`);
    console.log(`\nfirst vendor page after browser start: reference at ${fixed(first.reference ?? NaN, 0)} ms, banner at ${first.banner === null ? 'never (30 s)' : `${fixed(first.banner, 0)} ms`}, first paint ${fixed(first.firstPaint ?? NaN, 0)} ms`);

    const other = await probeLoad(page, 'https://example.org/bench/tiny', 1_500);
    const negative = other.reference !== null && other.banner === null;
    console.log(`control, https://example.org/ (no BanWatch there): reference ${other.reference === null ? 'NOT seen' : 'seen'}, banner ${other.banner === null ? 'none' : 'SEEN'}`);

    for (const loading of LOADINGS) {
      const hogs = loading === 'idle' ? null : startHogs();
      try {
        for (const { label, url } of PAGES) {
          const byState = new Map(STATES.map((state) => [state, { page: label, state, loading, samples: [] } as Cell]));
          await runCell(b, page, url, byState);
          for (const c of byState.values()) {
            cells.push(c);
            console.log(`\n## ${c.page}, ${c.state}, ${c.loading}: ms since navigation start (reference / banner / first paint)`);
            console.log(c.samples.map((s) => `${fixed(s.reference ?? NaN, 0)}/${s.banner === null ? '–' : fixed(s.banner, 0)}/${fixed(s.firstPaint ?? NaN, 0)}`).join('  '));
          }
        }
      } finally {
        await hogs?.stop();
      }
    }
    const blind = cells.flatMap((c) => c.samples).filter((s) => s.reference === null).length;
    results.push({ text: `banner probe: reference element seen in every load, and no banner on a non-vendor page (control)`, ok: blind === 0 && negative });
    results.push({ text: `first vendor page after browser start: banner at ${first.banner === null ? 'never (30 s)' : `${fixed(first.banner, 0)} ms`}, reference at ${fixed(first.reference ?? NaN, 0)} ms`, info: true });
    for (const c of cells) results.push(...summarise(c));
    // A check on bench/sizes.bench.mjs: the content scripts that really ran are the ones it counts.
    const ran = await isolatedWorldScripts(b, PAGES[0].url);
    const counted = new Set((surfaces(DIST).surfaces.content as string[]).map((f) => f.slice(DIST.length + 1)));
    const uncounted = ran.filter((f) => !counted.has(f));
    console.log(`\nBanWatch scripts parsed in the vendor page's isolated world: ${ran.join(', ') || 'none'}`);
    results.push({ text: `content: every BanWatch script run on the vendor page is counted by the sizes bench${uncounted.length ? ` — NOT: ${uncounted.join(', ')}` : ''}`, ok: ran.length > 0 && uncounted.length === 0 });
  } finally {
    await b.close();
  }
  for (const r of results) if (r.ok === false) process.exitCode = 1;
  const docs = [
    `Loads per cell: ${LOADS}; pages of ${tinyBytes} bytes and ${(largeBytes / 1048576).toFixed(2)} MB; targets: ratio ≤ ${TARGET_RATIO} (median and p95), banner before first paint in ≥ ${pct(TARGET_SHARE)} of loads.`,
    `First vendor page after browser start: banner at ${first!.banner === null ? 'never (30 s)' : `${fixed(first!.banner, 0)} ms`}, reference element at ${fixed(first!.reference ?? NaN, 0)} ms.`,
    '',
    '**Cold** (all service workers stopped over the DevTools protocol before each load):',
    '',
    ...table(cells.filter((c) => c.state === 'cold')),
    '',
    '**Warm** (BanWatch\'s service worker running):',
    '',
    ...table(cells.filter((c) => c.state === 'warm')),
  ];
  return { results, docs };
}

/** The scripts of BanWatch (paths in the build) that Chromium parsed in the vendor page's isolated worlds. */
async function isolatedWorldScripts(b: BenchBrowser, url: string): Promise<string[]> {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    if ((e.executionContextAuxData as { type?: string } | undefined)?.type === 'isolated' && e.url.startsWith(`chrome-extension://${b.banwatchId}/`)) urls.push(new URL(e.url).pathname.slice(1));
  });
  await cdp.send('Debugger.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  await page.close();
  return urls;
}
