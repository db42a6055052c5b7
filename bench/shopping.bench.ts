// Long tasks while marking 5 MB pages (issue #9). Run: node bench/run.mjs bench/shopping.bench.ts
//
// The built extension in Chromium (test/e2e/harness.ts), "Warn on shopping sites" and "Mark
// search results" turned on the way a user does (test/e2e/shopping-setup.ts). On a Google results
// page and a Newegg listing page, ~5 MB of results or tiles (1 in 10 a listed vendor's) are
// appended at once — the worst case of infinite scroll — and, from after the page's own parse,
// layout and first frame until every chip is in, the page records:
//   - long tasks (PerformanceObserver 'longtask': tasks over 50 ms), and
//   - long animation frames ('long-animation-frame'), split into script and render
//     (style/layout/paint) time.
// RUNS runs per page, each in a fresh tab; the figure is the median over runs of each run's
// longest task. Target (issue #9): no task over 50 ms. Exits non-zero when it is missed.
import { chromiumForBench, launch } from '../test/e2e/harness';
import { at, BIG_PAGES, CHIP, enableFeature, markBigPage, waitUntil, type BigPageRun } from '../test/e2e/shopping-setup';

const RUNS = 5;
const TARGET_MS = 50;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const longest = (xs: { duration: number }[]) => Math.max(0, ...xs.map((x) => x.duration));
const ms = (x: number) => `${x.toFixed(0)} ms`;

export default async function main(): Promise<{ results: object[] }> {
  console.log('# BanWatch: long tasks while marking 5 MB pages (built extension in Chromium)');
  const chromium = chromiumForBench();
  if (!chromium) {
    process.exitCode = 1;
    return { results: [] };
  }
  const { version } = chromium;
  console.log(`chromium: ${version}, headless, ${RUNS} runs per page, each in a fresh tab; target: no task over ${TARGET_MS} ms`);

  const h = await launch();
  const results: object[] = [];
  try {
    await enableFeature(h, 'shoppingSites');
    await enableFeature(h, 'searchResults');
    for (const { name, kind, baseChips } of BIG_PAGES) {
      const runs: BigPageRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await h.context.newPage();
        await page.goto(at(name), { waitUntil: 'load' });
        const chips = page.locator(CHIP);
        await waitUntil(async () => (await chips.count()) === baseChips, `${name}: the fixture's own ${baseChips} chips`);
        await page.waitForTimeout(500); // let the first scan's tail and the page settle
        const run = await page.evaluate(markBigPage, [kind, baseChips] as const);
        await page.close();
        if (run.chips !== run.expected || !run.chipsPlaced) throw new Error(`${name}: ${run.chips} chips of ${run.expected} (placed right: ${run.chipsPlaced})`);
        runs.push(run);
      }
      const r0 = runs[0]!;
      const worst = runs.map((r) => longest(r.tasks));
      const frame = runs.map((r) => r.frames.reduce((a, f) => (f.duration > a.duration ? f : a), { duration: 0, render: 0, start: 0, scripts: [] as { src: string; duration: number }[] }));
      console.log(`\n## ${name}: ${(r0.bytes / 1048576).toFixed(1)} MB, ${r0.items} ${kind}, ${r0.expected} chips added`);
      console.log(`time to mark all (after the page's own append + layout, median ${ms(median(runs.map((r) => r.appendMs)))}): median ${ms(median(runs.map((r) => r.markMs)))}`);
      console.log(`long tasks after the append: median count ${median(runs.map((r) => r.tasks.length))}; longest per run: ${worst.map((x) => x.toFixed(0)).join(', ')} ms`);
      console.log(
        `long animation frames: median count ${median(runs.map((r) => r.frames.length))}; longest per run: ${frame.map((f) => `${f.duration.toFixed(0)} (script ${(f.duration - f.render).toFixed(0)}, render ${f.render.toFixed(0)})`).join(', ')} ms`,
      );
      const scripts = runs.flatMap((r) => r.frames.flatMap((f) => f.scripts)).sort((a, b) => b.duration - a.duration);
      if (scripts.length) console.log(`longest scripts named in those frames: ${scripts.slice(0, 3).map((s) => `${s.duration.toFixed(0)} ms ${s.src}`).join('; ')}`);
      const m = median(worst);
      const ok = m <= TARGET_MS;
      const text = `longest task while marking 5 MB (${name}, median of ${RUNS}): ${m.toFixed(0)} ms / ${TARGET_MS} ms = ${(m / TARGET_MS).toFixed(2)}`;
      console.log(`${ok ? 'ok' : 'FAIL'} ${text}`);
      results.push({ text, ok });
      results.push({ text: `time to mark 5 MB (${name}, median): ${ms(median(runs.map((r) => r.markMs)))}`, info: true });
    }
  } finally {
    await h.close();
  }
  if (results.some((r) => (r as { ok?: boolean }).ok === false)) process.exitCode = 1;
  return { results };
}
