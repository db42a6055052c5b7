// `npm run package`: store-ready zips of both builds in artifacts/ (web-ext zips a folder the
// way the stores expect: manifest.json at the root, no source maps or dot-files).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of `dir` whose manifest has no `key`: the Chrome Web Store assigns its own id and refuses one. */
function storeCopy(dir) {
  const copy = mkdtempSync(join(tmpdir(), 'banwatch-package-'));
  cpSync(dir, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  delete manifest.key;
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return copy;
}

const { version } = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
for (const [dir, name] of [
  ['dist', 'chromium'],
  ['dist-firefox', 'firefox'],
]) {
  const source = storeCopy(dir);
  const file = `banwatch-${name}-${version}.zip`;
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', source, '--artifacts-dir', 'artifacts', '--filename', file, '--overwrite-dest'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  rmSync(source, { recursive: true, force: true });
  console.log(`artifacts/${file}`);
}
