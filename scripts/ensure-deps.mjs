// `npm start` and `npm test` work on a fresh clone: install the locked dependencies first when
// node_modules is missing. With --browsers (`npm test`): also the browsers the end-to-end tests
// drive, Chromium and firefox-esr — installed with apt-get when running as root on Debian or
// Ubuntu (as in CI), otherwise one line naming the command to run. Plain Node, no dependencies.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { browserPlan, missingBrowsers } from './browser-deps.mjs';

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('node_modules is missing: running `npm ci` first.');
  execSync('npm ci', { stdio: 'inherit' });
}

if (process.argv.includes('--browsers')) {
  const facts = {
    missing: missingBrowsers(),
    isRoot: process.getuid?.() === 0,
    hasAptGet: spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
  };
  const plan = browserPlan(facts);
  if (plan.action === 'install') {
    console.log(plan.message);
    const run = spawnSync('sh', ['-c', plan.command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const still = missingBrowsers();
    if (run.status !== 0 || still.length) {
      console.error(`npm test needs ${still.join(' and ') || 'the browsers'}: \`${plan.command}\` did not install ${still.length > 1 ? 'them' : 'it'}; install by hand, then npm test again.`);
      process.exit(1);
    }
  } else if (plan.action === 'stop') {
    console.error(plan.message);
    process.exit(1);
  }
}
