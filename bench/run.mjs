// Runs BanWatch's benchmarks and prints one summary of ratios against their targets.
//
//   npm run bench                       every bench below, in order (about 10 minutes)
//   npm run bench -- bench/x.bench.ts   only the named bench files
//   npm run bench -- --write-docs       also rewrite the figures in docs/performance.md (full run only)
//   flags: --build (always rebuild dist/ first), --no-build (never), --write-docs
//
// Benches: matcher throughput vs baselines (matcher.bench.ts), popup lookup latency
// (lookup.bench.ts), bytes each surface fetches before first render vs bench/budgets.json, with
// the bundled and a 2× dataset (sizes.bench.mjs), the banner vs a reference extension's static
// element (banner.bench.ts), popup and details page vs a static extension page (pages.bench.ts),
// long animation frames with BanWatch's script in them while marking 5 MB pages
// (shopping.bench.ts), and supplier screening at 10,000 rows: throughput against the lookup and
// long animation frames in the screening page (screen.bench.ts). All timings are ratios against a
// baseline measured in the same run, or percentiles over many runs; nothing here is a timed test
// assertion.
//
// dist/: the sizes and browser benches measure the built extension. When dist/manifest.json is
// missing or older than any build input (src/, scripts/, manifest.json, vite.config.ts,
// package-lock.json), the runner runs `npm run build` first (about 3 s); with --no-build it
// measures dist/ as it is.
//
// TypeScript benches are bundled with Vite's build API into .tmp/bench/<name>.mjs (Node 20 cannot
// run TypeScript), so timings are of the same code the extension ships, not of a dev-server
// transform; playwright-core, selfsigned and the plain-ESM scripts/ helpers stay external. .mjs
// benches are imported as they are. A bench's default export returns `{ results, docs? }`
// (bench/stats.ts): `results` are its summary lines (`{ text, ok }`, or `{ text, info: true }`),
// printed once each, prefixed ok / MISS; `docs` is Markdown for docs/performance.md. A bench
// reports failure by setting `process.exitCode`, by a result with `ok: false`, or by throwing;
// the runner then exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, '.tmp/bench');
const DEFAULT_BENCHES = ['bench/matcher.bench.ts', 'bench/lookup.bench.ts', 'bench/sizes.bench.mjs', 'bench/banner.bench.ts', 'bench/pages.bench.ts', 'bench/shopping.bench.ts', 'bench/screen.bench.ts'];
const NEEDS_DIST = /(sizes|banner|pages|shopping|screen)\.bench\./;

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
for (const f of flags) {
  if (!['--build', '--no-build', '--write-docs'].includes(f)) {
    console.error(`unknown flag ${f}\nusage: node --expose-gc bench/run.mjs [--build|--no-build] [--write-docs] [bench files …]`);
    process.exit(2);
  }
}
const named = args.filter((a) => !a.startsWith('--'));
const files = named.length ? named : DEFAULT_BENCHES;

if (typeof globalThis.gc !== 'function') {
  // Heap figures need --expose-gc: re-run this script with it rather than lose them.
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, import.meta.filename, ...args], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const started = performance.now();

// ---------------------------------------------------------------------------------------------
// dist/ freshness

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function ensureDist() {
  const manifest = join(root, 'dist/manifest.json');
  const inputs = ['src', 'scripts', 'manifest.json', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(root, p)));
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const stale = built < Math.max(...inputs);
  if (flags.has('--no-build')) {
    if (!built) console.log('dist/ missing and --no-build given: the sizes and browser benches will fail');
    else if (stale) console.log('note: dist/ is older than its sources (--no-build): measuring it as it is');
    return;
  }
  if (!flags.has('--build') && !stale) {
    console.log('dist/ is up to date with its sources: not rebuilding');
    return;
  }
  console.log(built ? 'dist/ is older than its sources: npm run build …' : 'dist/ missing: npm run build …');
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    console.log(r.stdout, r.stderr);
    console.error('build failed');
    process.exit(1);
  }
  console.log(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------
// Running one bench, with its console output captured for the summary

async function load(file) {
  if (/\.m?js$/.test(file)) return import(pathToFileURL(resolve(root, file)).href + `?t=${Date.now()}`);
  const name = basename(file).replace(/\.[cm]?[jt]s$/, '');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { noExternal: true },
    plugins: [
      {
        name: 'banwatch-bench-external-scripts',
        enforce: 'pre',
        resolveId(source, importer) {
          if (!importer || !/^\.{1,2}\/.*scripts\/[^/]+\.mjs$/.test(source)) return null;
          return { id: pathToFileURL(resolve(dirname(importer), source)).href, external: true };
        },
      },
    ],
    build: {
      ssr: resolve(root, file),
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: {
        // Browser-driving dependencies and the scripts/ helpers (which locate fixtures relative
        // to themselves) are loaded from where they are, not bundled.
        external: (id) => /^(playwright-core|selfsigned)(\/|$)/.test(id),
        output: { format: 'esm', entryFileNames: `${name}.mjs` },
      },
    },
  });
  return import(pathToFileURL(resolve(outDir, `${name}.mjs`)).href + `?t=${Date.now()}`);
}

async function runBench(file) {
  const lines = [];
  const log = console.log;
  console.log = (...a) => {
    const text = format(...a);
    lines.push(...text.split('\n'));
    log(text);
  };
  const before = process.exitCode;
  process.exitCode = 0;
  let results = [];
  let docs = [];
  let error;
  const t0 = performance.now();
  try {
    const mod = await load(file);
    const out = typeof mod.default === 'function' ? await mod.default() : undefined;
    results = out?.results ?? [];
    docs = out?.docs ?? [];
  } catch (e) {
    error = e;
  } finally {
    console.log = log;
  }
  const failed = Boolean(error) || Boolean(process.exitCode) || results.some((r) => r.ok === false);
  process.exitCode = before;
  if (error) console.error(`${file} threw:`, error);
  return { file, lines, results, docs, failed, seconds: (performance.now() - t0) / 1000 };
}

// ---------------------------------------------------------------------------------------------

const runs = [];
if (files.some((f) => NEEDS_DIST.test(f))) ensureDist();
for (const file of files) {
  if (!existsSync(resolve(root, file))) {
    console.log(`\n(${file} is not present: skipped)`);
    runs.push({ file, lines: [], results: [], docs: [], failed: !DEFAULT_BENCHES.includes(file) || named.length > 0, skipped: true, seconds: 0 });
    continue;
  }
  console.log(`\n==================== ${file} ====================`);
  runs.push(await runBench(file));
}

// Each bench's own results, each once, prefixed by its status.
const summary = runs.flatMap((run) => run.results.map((r) => `${r.info ? '     ' : r.ok ? 'ok   ' : 'MISS '} ${r.text}`));
const total = (performance.now() - started) / 1000;
console.log('\n==================== summary (measured / target; ≤ 1 meets a ceiling, ≥ 1 a floor) ====================');
for (const line of summary) console.log(line);
for (const run of runs) console.log(`${run.skipped ? 'skip ' : run.failed ? 'FAIL ' : 'pass '} ${run.file} (${run.seconds.toFixed(1)} s)`);
console.log(`total ${total.toFixed(1)} s`);

if (flags.has('--write-docs')) {
  if (named.length) console.log('--write-docs needs the full run (no bench files named): docs/performance.md not written');
  else writeDocs(summary, runs, total);
}

process.exitCode = runs.some((r) => r.failed) ? 1 : 0;

// ---------------------------------------------------------------------------------------------
// docs/performance.md: the block between the bench markers is regenerated from this run.

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const browserLine = runs.flatMap((r) => r.lines).find((l) => l.startsWith('chromium: '));
  return [
    `- date: ${new Date().toISOString().slice(0, 10)}, commit ${spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim()}`,
    `- \`nproc\`: ${cpus().length}; CPU: ${model}`,
    `- Node ${process.version}; ${browserLine ? browserLine.replace(/^chromium: /, '') : 'Chromium: not run'}`,
  ];
}

function writeDocs(summaryLines, allRuns, seconds) {
  const doc = join(root, 'docs/performance.md');
  const text = readFileSync(doc, 'utf8');
  const begin = '<!-- bench:begin (generated by `npm run bench -- --write-docs`) -->';
  const end = '<!-- bench:end -->';
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) {
    console.log('docs/performance.md has no bench markers: not written');
    return;
  }
  const rows = summaryLines.map((l) => {
    const status = l.slice(0, 5).trim() || 'info';
    return `| ${status} | ${l.slice(6).replaceAll('|', '\\|')} |`;
  });
  const block = [
    begin,
    '',
    ...machine(),
    `- command: \`npm run bench\` (total ${seconds.toFixed(0)} s; benches: ${allRuns.map((r) => `${basename(r.file)} ${r.skipped ? 'skipped' : r.failed ? 'FAILED' : 'passed'}`).join(', ')})`,
    '',
    '| status | figure |',
    '|---|---|',
    ...rows,
    ...allRuns.filter((r) => r.docs.length).flatMap((r) => ['', `### ${basename(r.file)}`, '', ...r.docs]),
    '',
    end,
  ].join('\n');
  writeFileSync(doc, text.slice(0, i) + block + text.slice(j + end.length));
  console.log('docs/performance.md updated');
}
