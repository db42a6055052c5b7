// Bundle sizes against budgets (issue #7). Run: node bench/run.mjs bench/sizes.bench.mjs
// (the runner builds dist/ first when it is missing or older than the sources).
//
// For each entry of the built extension it counts the JavaScript that entry loads, following
// static `import … from`, bare `import "…"`, `export … from` and dynamic `import("…")` edges
// through dist/, each file once per entry (a chunk shared by two entries counts in both):
//   content     the content script, dist/src/content/index.js (an IIFE, imports nothing)
//   background  the service worker: dist/service-worker-loader.js and everything it imports
//   popup, options, details, warning
//               the <script type=module src> of dist/src/<page>/index.html and its imports
//               (Vite's <link rel=modulepreload> list is checked to agree)
// Minified bytes are the files as built (Vite minifies); gzip bytes are each file gzipped at
// level 9, summed. 1 KB = 1000 bytes, as Vite prints. Budgets live in bench/budgets.json; the
// bench exits non-zero when any entry exceeds its minified or gzip budget.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const DIST = resolve(root, process.env.BANWATCH_DIST ?? 'dist');
const BUDGETS = join(root, 'bench/budgets.json');

const IMPORT_RE = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']|\bimport\s*\(\s*["']([^"']+\.js)["']\s*\)/g;

/** Every JS file reachable from `entries` (absolute paths), in visiting order. */
function reachable(entries) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${relative(root, file)} is imported but missing from dist/`);
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue; // bare specifiers cannot load in an extension anyway
      stack.push(spec.startsWith('/') ? join(DIST, spec) : resolve(dirname(file), spec));
    }
  }
  return [...seen];
}

/** The module scripts an HTML page loads, and the chunks Vite told it to preload. */
function pageScripts(html) {
  const abs = (p) => (p.startsWith('/') ? join(DIST, p) : resolve(DIST, p));
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => abs(m[1]));
  const preloads = [...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => abs(m[1]));
  return { scripts, preloads };
}

function measure(files) {
  let min = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    min += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { min, gzip };
}

const kb = (bytes) => (bytes / 1000).toFixed(1);

export function entries() {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  const out = {};
  // The banner content script is budgeted; any other content script (e.g. an optional one for
  // shopping sites) is reported under its own path.
  for (const p of new Set(manifest.content_scripts.flatMap((cs) => cs.js ?? []))) {
    out[p === 'src/content/index.js' ? 'content' : `content ${p}`] = [join(DIST, p)];
  }
  out.background = [join(DIST, manifest.background.service_worker)];
  const pages = {
    popup: manifest.action?.default_popup,
    options: manifest.options_ui?.page ?? manifest.options_page,
    details: 'src/details/index.html',
    warning: 'src/warning/index.html',
  };
  const problems = [];
  for (const [name, page] of Object.entries(pages)) {
    const file = page && join(DIST, page);
    if (!file || !existsSync(file)) {
      problems.push(`${name}: page ${page ?? '(none)'} not in dist/`);
      continue;
    }
    const { scripts, preloads } = pageScripts(readFileSync(file, 'utf8'));
    out[name] = scripts;
    const files = new Set(reachable(scripts));
    const missing = preloads.filter((p) => !files.has(p));
    if (missing.length) problems.push(`${name}: preloads ${missing.map((p) => relative(DIST, p)).join(', ')} that the import walk did not find`);
  }
  return { entries: out, problems };
}

export default function main() {
  console.log('# BanWatch bundle sizes (dist/, JS per entry incl. imported chunks)');
  if (!existsSync(join(DIST, 'manifest.json'))) {
    console.log('dist/manifest.json missing: run `npm run build` first');
    process.exitCode = 1;
    return { results: [] };
  }
  const budgets = JSON.parse(readFileSync(BUDGETS, 'utf8')).entries;
  const { entries: found, problems } = entries();
  const results = [];
  console.log('| entry | files | min KB | budget | min/budget | gzip KB | budget | gzip/budget | |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, roots] of Object.entries(found)) {
    const files = reachable(roots);
    const size = measure(files);
    const b = budgets[name];
    const minRatio = b ? size.min / (b.minKB * 1000) : NaN;
    const gzRatio = b ? size.gzip / (b.gzipKB * 1000) : NaN;
    const ok = !b || (minRatio <= 1 && gzRatio <= 1);
    console.log(
      `| ${name} | ${files.length} | ${kb(size.min)} | ${b ? b.minKB : '–'} | ${b ? minRatio.toFixed(2) : '–'} | ${kb(size.gzip)} | ${b ? b.gzipKB : '–'} | ${b ? gzRatio.toFixed(2) : '–'} | ${b ? (ok ? 'ok' : 'OVER BUDGET') : 'no budget'} |`,
    );
    if (b) {
      results.push({ name: `${name} JS min KB`, measured: size.min / 1000, target: b.minKB, unit: 'KB', ok: minRatio <= 1 });
      results.push({ name: `${name} JS gzip KB`, measured: size.gzip / 1000, target: b.gzipKB, unit: 'KB', ok: gzRatio <= 1 });
    }
    if (process.env.BENCH_VERBOSE) for (const f of files) console.log(`    ${relative(DIST, f)} ${kb(readFileSync(f).length)} KB`);
  }
  for (const name of Object.keys(budgets)) if (!(name in found)) problems.push(`${name}: budgeted but not found in dist/`);
  for (const p of problems) console.log(`problem: ${p}`);
  const failed = results.filter((r) => !r.ok);
  console.log(failed.length ? `\nbudgets: ${failed.length} exceeded (${failed.map((r) => r.name).join(', ')})` : '\nbudgets: all met');
  if (failed.length || problems.length) process.exitCode = 1;
  return { results };
}
