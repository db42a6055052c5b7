#!/usr/bin/env node
// The supplier-screening CLI (src/cli/screen.ts). Node 20 cannot run TypeScript, so the CLI is
// bundled once with Vite's build API (as bench/run.mjs bundles the benches) into
// node_modules/.cache/banwatch/, and rebuilt only when its sources are newer: the first run takes
// a second or two, later runs start in about a tenth of a second.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const outDir = join(root, 'node_modules/.cache/banwatch');
const bundle = join(outDir, 'screen-cli.mjs');

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const inputs = ['src/core', 'src/cli', 'src/data', 'src/locales', 'package-lock.json', 'bin/banwatch-screen.mjs'];
if (!existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(...inputs.map((p) => newest(join(root, p))))) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    publicDir: false,
    ssr: { noExternal: true },
    build: {
      ssr: join(root, 'src/cli/screen.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'esm', entryFileNames: 'screen-cli.mjs' } },
    },
  });
}

const { run } = await import(pathToFileURL(bundle).href);
process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  read: (path) => readFileSync(path === '-' ? 0 : path),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
});
