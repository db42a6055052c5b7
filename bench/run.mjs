// Runs TypeScript benchmarks under plain Node, no browser:
//
//   node --expose-gc bench/run.mjs bench/matcher.bench.ts [more.bench.ts …]
//
// Node 20 cannot execute TypeScript, so each bench file is first bundled (TS, JSON imports and
// dependencies included) with Vite's build API into .tmp/bench/<name>.mjs, then imported. The
// bundle is plain ESM, so timings are of the same code the extension ships, not of a dev-server
// transform. A bench reports failure by setting `process.exitCode`; this runner exits non-zero if
// any bench did or threw.
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, '.tmp/bench');
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node --expose-gc bench/run.mjs <bench file.ts> …');
  process.exit(2);
}
if (typeof globalThis.gc !== 'function') console.warn('note: run node with --expose-gc for heap figures');

let failed = false;
for (const file of files) {
  const name = basename(file).replace(/\.[cm]?[jt]s$/, '');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: resolve(root, file),
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'esm', entryFileNames: `${name}.mjs` } },
    },
  });
  try {
    const url = pathToFileURL(resolve(outDir, `${name}.mjs`)).href + `?t=${Date.now()}`;
    const mod = await import(url);
    if (typeof mod.default === 'function') await mod.default();
  } catch (error) {
    console.error(`${file} threw:`, error);
    failed = true;
  }
  if (process.exitCode) failed = true;
}
process.exitCode = failed ? 1 : 0;
