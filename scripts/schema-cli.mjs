// Writes schema/*.schema.json from the zod schema (see scripts/schema.ts). Run: node scripts/schema-cli.mjs
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { module } = await runnerImport(resolve(root, 'scripts/schema.ts'), { root, configFile: false, logLevel: 'error' });
for (const [path, content] of Object.entries(module.schemaFiles())) {
  writeFileSync(resolve(root, path), content);
  console.log(`wrote ${path}`);
}
