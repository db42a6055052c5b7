// Bundle budgets (issue 14, item 4). Run alone: npm run bench -- bench/sizes.bench.mjs
//
// For each surface of the built extension, the gzip bytes of every JS, JSON and CSS file it
// fetches before its first complete render (bench/surfaces.mjs says exactly what is counted),
// against bench/budgets.json: content script ≤ 8 KB, popup, details and options ≤ 50 KB each,
// service worker ≤ 60 KB. Twice: for dist/ as built from the bundled dataset, and for a build
// with a synthetic dataset twice its size (bench/double-data.mjs, built into .tmp/bench-2x/).
// Exits non-zero when any surface is over budget in either build.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildWithDoubledData } from './double-data.mjs';
import { bytes, surfaces, WHOLE_DATASET } from './surfaces.mjs';

const root = resolve(import.meta.dirname, '..');
const DIST = resolve(root, process.env.BANWATCH_DIST ?? 'dist');
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8')).gzipKB;
const kb = (n) => (n / 1000).toFixed(1);

function measure(dist) {
  const { surfaces: found, problems } = surfaces(dist);
  const rows = Object.entries(found).map(([name, files]) => ({ name, files, ...bytes(files) }));
  for (const name of Object.keys(budgets)) if (!(name in found)) problems.push(`${name}: budgeted but not found in the build`);
  return { rows, problems };
}

export default function main() {
  console.log('# BanWatch: bytes fetched before first complete render (JS + JSON + CSS, gzip), per surface');
  if (!existsSync(join(DIST, 'manifest.json'))) {
    console.log('dist/manifest.json missing: run `npm run build` first');
    process.exitCode = 1;
    return { results: [] };
  }
  const t0 = performance.now();
  const doubledDist = buildWithDoubledData(root, join(root, '.tmp/bench-2x'));
  console.log(`built with a dataset twice the size in ${((performance.now() - t0) / 1000).toFixed(1)} s (${relative(root, doubledDist)})`);
  const now = measure(DIST);
  const twice = measure(doubledDist);

  const results = [];
  const table = ['| surface | files | minified KB | gzip KB | gzip KB, 2× data | budget (gzip) | ratio | ratio, 2× data |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const row of now.rows) {
    const big = twice.rows.find((r) => r.name === row.name);
    const budget = budgets[row.name];
    const ratio = (r) => (budget && r ? (r.gzip / (budget * 1000)).toFixed(2) : '–');
    table.push(`| ${row.name} | ${row.files.length} | ${kb(row.raw)} | ${kb(row.gzip)} | ${big ? kb(big.gzip) : '–'} | ${budget ?? 'none'} | ${ratio(row)} | ${ratio(big)} |`);
    const when = row.name === 'background' ? 'at start, with one visit' : 'before first render';
    if (!budget) {
      results.push({ text: `${row.name} ${when}: ${kb(row.gzip)} KB gzip (no budget)`, info: true });
      continue;
    }
    for (const [label, r] of [['bundled data', row], ['2× data', big]]) {
      if (!r) continue;
      results.push({ text: `${row.name} ${when}, ${label}: ${kb(r.gzip)} KB gzip / ${budget} KB = ${ratio(r)}`, ok: r.gzip <= budget * 1000 });
    }
    if (process.env.BENCH_VERBOSE) for (const f of row.files) console.log(`    ${relative(DIST, f)} ${kb(readFileSync(f).length)} KB`);
  }
  const messages = join(DIST, '_locales/en/messages.json');
  const locale = existsSync(messages) ? bytes([messages]) : null;
  const whole = (dist) => (existsSync(join(dist, WHOLE_DATASET)) ? bytes([join(dist, WHOLE_DATASET)]) : null);
  const [wholeNow, wholeTwice] = [whole(DIST), whole(doubledDist)];
  for (const line of table) console.log(line);
  const notes = [];
  if (locale) notes.push(`\`_locales/en/messages.json\` is not counted (the browser holds it and answers i18n calls over IPC): ${kb(locale.raw)} KB, ${kb(locale.gzip)} KB gzip.`);
  if (wholeNow) {
    const at2x = wholeTwice ? `; ${kb(wholeTwice.gzip)} KB gzip with 2× data` : '';
    notes.push(`\`${WHOLE_DATASET}\` is not counted (the worker reads it only to decide on every entry at once: strict mode's rules and the banner's overrides at install, browser start and a change of settings or policy, and an update check): ${kb(wholeNow.raw)} KB, ${kb(wholeNow.gzip)} KB gzip${at2x}.`);
  }
  for (const text of notes) {
    console.log(text);
    results.push({ text, info: true });
  }
  const problems = [...now.problems, ...twice.problems.map((p) => `2× data: ${p}`)];
  for (const p of problems) console.log(`problem: ${p}`);
  if (problems.length) results.push({ text: `sizes: ${problems.join('; ')}`, ok: false });
  const over = results.filter((r) => r.ok === false);
  console.log(over.length ? `\nbudgets: ${over.length} exceeded` : '\nbudgets: all met');
  if (over.length) process.exitCode = 1;
  return { results, docs: [...table, '', ...notes.flatMap((n) => [n, ''])].slice(0, -1) };
}
