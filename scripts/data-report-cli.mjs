// Prints the data report (see scripts/data-report.ts). Run: npm run data:report [-- YYYY-MM-DD]
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { module } = await runnerImport(resolve(root, 'scripts/data-report.ts'), { root, configFile: false, logLevel: 'error' });
const raw = JSON.parse(readFileSync(resolve(root, 'src/data/dataset.json'), 'utf8'));
const today = process.argv[2] ?? new Date().toISOString().slice(0, 10);
const report = module.dataReport(raw, today);
console.log(report);
if (report.startsWith('INVALID')) process.exitCode = 1;
