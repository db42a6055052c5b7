// Long animation frames with BanWatch's script in them while marking 5 MB pages (the opt-in
// shopping and search-results marks must never stall a page). Run alone: npm run bench -- bench/shopping.bench.ts
// (BENCH_RUNS=n changes the runs per page, 5 by default).
//
// The built extension in Chromium (test/e2e/harness.ts), "Warn on shopping sites" and "Mark
// search results" turned on the way a user does (test/e2e/shopping-setup.ts, shared with the
// e2e). On a Google results page and a Newegg listing page, ~5 MB of results or tiles (1 in 10 a
// listed vendor's) are appended at once — the worst case of infinite scroll — and, from after the
// page's own append frame until every chip is in, the page records long animation frames
// ('long-animation-frame', over 50 ms).
//
// Which of those frames BanWatch's script ran in: Chromium does not attribute extension scripts in
// a frame's `scripts` (only the page's own), so the DevTools protocol's sampling profiler runs
// alongside (200 µs), and a frame counts as BanWatch's when a sample inside it has BanWatch's
// content script (chrome-extension://<id>/…) on the stack. The profiler's clock is aligned with the
// page's performance.now() by a 20 ms busy loop in a function of known name.
//
// Per run: the longest such frame (0 if none). Figure: p95 over the runs, each in a fresh tab;
// target ≤ 50 ms, i.e. no long animation frame in which BanWatch's script ran. Next to it, the
// same page without the extension (a browser without it, the same append, observed as long as
// the marking took): its own append frame and any long frame after it; and, as the floor for
// any mark that is a box in the page, the frame that one empty <span> inserted after one result
// link costs once that page has settled (the least a chip can add to the document).
import type { CDPSession, Page } from 'playwright-core';
import { launch } from '../test/e2e/harness';
import { at, BIG_PAGES, CHIP, enableFeature, markBigPage, waitUntil, type BigPageRun } from '../test/e2e/shopping-setup';
// @ts-expect-error plain ESM helper shared with the e2e harness
import { startFixtureServer } from '../scripts/fixture-server.mjs';
import { chromiumVersion, launchBench } from './browser';
import { fixed, median, p95, type BenchOutput, type Result } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LONG_MS = 50;
const ALIGN = '(() => { function bwBenchAlign() { const t0 = performance.now(); while (performance.now() - t0 < 20); return [t0, performance.now()]; } return bwBenchAlign(); })()';

/** The parts of a DevTools-protocol CPU profile used here. */
interface Profile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

interface Attributed {
  run: BigPageRun;
  /** Per long frame: BanWatch's script time (ms, from profiler samples) inside it. */
  banwatchMs: number[];
}

/** Starts the sampling profiler on `page`, runs `work`, and returns its result with the profile and the alignment busy loop. */
async function profiled<T>(cdp: CDPSession, page: Page, work: () => Promise<T>): Promise<{ value: T; profile: Profile; align: [number, number] }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const align = (await page.evaluate(ALIGN)) as [number, number];
  const value = await work();
  const { profile } = await cdp.send('Profiler.stop');
  return { value, profile, align };
}

/** BanWatch's script time (ms) inside each of `frames`, from the profile's samples. */
function attribute(profile: Profile, align: [number, number], origin: string, frames: { start: number; duration: number }[]): number[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const flags = new Map<number, { banwatch: boolean; align: boolean }>();
  const flagsOf = (id: number): { banwatch: boolean; align: boolean } => {
    const known = flags.get(id);
    if (known) return known;
    const n = byId.get(id)!;
    const up = parent.has(id) ? flagsOf(parent.get(id)!) : { banwatch: false, align: false };
    const f = { banwatch: up.banwatch || n.callFrame.url.startsWith(origin), align: up.align || n.callFrame.functionName === 'bwBenchAlign' };
    flags.set(id, f);
    return f;
  };
  // Sample times in µs on the profiler's clock, and the time each sample stands for.
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of deltas) times.push((t += d));
  const weight = (i: number) => (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
  const alignTimes = times.filter((_, i) => flagsOf(samples[i]!).align);
  if (alignTimes.length < 10) throw new Error(`profiler alignment failed: ${alignTimes.length} samples in the busy loop`);
  // Page time = profiler time − offset; matched on the busy loop's midpoint.
  const offset = (alignTimes[0]! + alignTimes.at(-1)!) / 2000 - (align[0] + align[1]) / 2;
  return frames.map((f) => {
    let ms = 0;
    times.forEach((time, i) => {
      const at = time / 1000 - offset;
      if (at >= f.start && at <= f.start + f.duration && flagsOf(samples[i]!).banwatch) ms += weight(i);
    });
    return ms;
  });
}

/** In the page: inserts one empty span after the first result link and returns the longest animation frame over 50 ms that follows (0 if none). */
async function emptySpanFrame(kind: 'results' | 'tiles'): Promise<number> {
  const frames: number[] = [];
  const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => frames.push(e.duration)));
  observer.observe({ type: 'long-animation-frame' });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  document.querySelector(kind === 'results' ? '#rso a' : '#items a.item-title')!.after(document.createElement('span'));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500))));
  observer.disconnect();
  return Math.max(0, ...frames);
}

/** The frames over 50 ms in which BanWatch's script ran. */
const longWithBanwatch = (a: Attributed) => a.run.frames.filter((f, i) => f.duration > LONG_MS && a.banwatchMs[i]! > 0);
/** The longest of them (0 if none). */
const worstWithBanwatch = (a: Attributed) => Math.max(0, ...longWithBanwatch(a).map((f) => f.duration));
/** Their blocking time: the sum of each one's time over 50 ms (as Total Blocking Time counts tasks). */
const blockingWithBanwatch = (a: Attributed) => longWithBanwatch(a).reduce((sum, f) => sum + f.duration - LONG_MS, 0);

export default async function main(): Promise<BenchOutput> {
  console.log('# BanWatch: long animation frames with its script in them while marking 5 MB pages');
  console.log(`chromium: ${chromiumVersion()}, headless, ${RUNS} runs per page, each in a fresh tab; target: none over ${LONG_MS} ms`);
  const results: Result[] = [];
  const docs = ['| page | longest frame with BanWatch\'s script, p95 of runs | median | frames > 50 ms with its script (median per run) | its script time in them (median, ms) | their blocking time, sum over 50 ms (median per run) | time to mark all (median) | without BanWatch: its own append frame (p95) | without: longest frame after the append (p95) | without: one empty span inserted, its frame (p95) |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  const withRuns = new Map<string, Attributed[]>();

  const h = await launch();
  try {
    await enableFeature(h, 'shoppingSites');
    await enableFeature(h, 'searchResults');
    const origin = `chrome-extension://${h.extensionId}/`;
    for (const { name, kind, baseChips } of BIG_PAGES) {
      const runs: Attributed[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await h.context.newPage();
        await page.goto(at(name), { waitUntil: 'load' });
        const chips = page.locator(CHIP);
        await waitUntil(async () => (await chips.count()) === baseChips, `${name}: the fixture's own ${baseChips} chips`);
        await page.waitForTimeout(500); // let the first scan's tail and the page settle
        const cdp = await h.context.newCDPSession(page);
        const { value: run, profile, align } = await profiled(cdp, page, () => page.evaluate(markBigPage, [kind, baseChips] as const));
        await page.close();
        if (run.chips !== run.expected || !run.chipsPlaced) throw new Error(`${name}: ${run.chips} chips of ${run.expected} (placed right: ${run.chipsPlaced})`);
        runs.push({ run, banwatchMs: attribute(profile, align, origin, run.frames) });
      }
      withRuns.set(name, runs);
    }
  } finally {
    await h.close();
  }

  // The same pages and appends in a browser without any extension.
  const plain = await launchBench({ banwatch: false, reference: false, server: startFixtureServer });
  try {
    for (const { name, kind } of BIG_PAGES) {
      const runs = withRuns.get(name)!;
      const observeMs = Math.round(median(runs.map((r) => r.run.markMs)));
      const without: BigPageRun[] = [];
      const spanFrames: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await plain.context.newPage();
        await page.goto(at(name), { waitUntil: 'load' });
        await page.waitForTimeout(500);
        without.push(await page.evaluate(markBigPage, [kind, 0, observeMs] as const));
        spanFrames.push(await page.evaluate(emptySpanFrame, kind));
        await page.close();
      }
      const worst = runs.map(worstWithBanwatch);
      const blocking = runs.map(blockingWithBanwatch);
      const long = runs.map((a) => a.run.frames.map((f, i) => ({ f, ms: a.banwatchMs[i]! })).filter((x) => x.f.duration > LONG_MS && x.ms > 0));
      const r0 = runs[0]!.run;
      console.log(`\n## ${name}: ${(r0.bytes / 1048576).toFixed(1)} MB, ${r0.items} ${kind}, ${r0.expected} chips added`);
      console.log(`time to mark all: median ${fixed(median(runs.map((a) => a.run.markMs)), 0)} ms`);
      console.log(`long animation frames per run (duration / BanWatch script ms): ${runs.map((a) => a.run.frames.map((f, i) => `${f.duration.toFixed(0)}/${a.banwatchMs[i]!.toFixed(0)}`).join(' ') || 'none').join(' | ')}`);
      console.log(`longest frame with BanWatch's script per run: ${worst.map((x) => x.toFixed(0)).join(', ')} ms; their blocking time (sum over 50 ms) ${blocking.map((x) => x.toFixed(0)).join(', ')} ms`);
      const ownFrames = without.map((r) => r.ownFrame);
      const after = without.map((r) => Math.max(0, ...r.frames.map((f) => f.duration)));
      console.log(`without BanWatch: the page's own append frame ${ownFrames.map((x) => x.toFixed(0)).join(', ')} ms; longest frame in the ${observeMs} ms after it ${after.map((x) => x.toFixed(0)).join(', ')} ms; one empty span inserted: ${spanFrames.map((x) => x.toFixed(0)).join(', ')} ms`);
      const [p, m] = [p95(worst), median(worst)];
      results.push({ text: `shopping, ${name}: longest animation frame with BanWatch's script, p95 of ${RUNS} runs: ${fixed(p, 0)} ms (target ≤ ${LONG_MS} ms; median ${fixed(m, 0)})`, ok: p <= LONG_MS });
      results.push({ text: `shopping, ${name}: blocking time of the long frames with BanWatch's script (sum over 50 ms per run): median ${fixed(median(blocking), 0)} ms, p95 ${fixed(p95(blocking), 0)} ms`, info: true });
      results.push({ text: `shopping, ${name} without BanWatch: own append frame p95 ${fixed(p95(ownFrames), 0)} ms, longest frame after it p95 ${fixed(p95(after), 0)} ms`, info: true });
      results.push({ text: `shopping, ${name} without BanWatch, the floor for any mark: one empty span inserted after a result link, its frame p95 ${fixed(p95(spanFrames), 0)} ms (median ${fixed(median(spanFrames), 0)})`, info: true });
      const scriptMs = long.flat().map((x) => x.ms);
      docs.push(`| ${name} | ${fixed(p, 0)} | ${fixed(m, 0)} | ${fixed(median(long.map((l) => l.length)), 0)} | ${scriptMs.length ? fixed(median(scriptMs), 1) : '–'} | ${fixed(median(blocking), 0)} | ${fixed(median(runs.map((a) => a.run.markMs)), 0)} ms | ${fixed(p95(ownFrames), 0)} | ${fixed(p95(after), 0)} | ${fixed(p95(spanFrames), 0)} |`);
    }
  } finally {
    await plain.close();
  }
  if (results.some((r) => r.ok === false)) process.exitCode = 1;
  return { results, docs };
}
