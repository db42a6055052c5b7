// `npm start` and `npm test` work on a fresh clone: install the locked dependencies first
// when node_modules is missing. Plain Node, no dependencies of its own.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('node_modules is missing: running `npm ci` first.');
  execSync('npm ci', { stdio: 'inherit' });
}
