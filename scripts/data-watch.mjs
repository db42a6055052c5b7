// `npm run data:watch`: see scripts/data-watch/cli.ts. Plain Node loading the TypeScript through
// Vite's module runner, as scripts/schema-cli.mjs does.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { module } = await runnerImport(resolve(root, 'scripts/data-watch/cli.ts'), { root, configFile: false, logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2), root);
