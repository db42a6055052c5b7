// `npm run test:e2e:loaded [-- --runs N] [e2e files…]`: the whole end-to-end suite N times in a
// row (3 by default) while a CPU hog spins on every core, as on a loaded CI machine. A local
// check (CI has no time for it); on a shared machine run it under the e2e lock. Builds both
// extensions first (unloaded), stops the hogs afterwards, and exits non-zero if any run failed.
import { spawn, spawnSync } from 'node:child_process';
import { startHogs } from './cpu-hog.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args[at + 1]) : 3;
const files = args.filter((a, i) => i !== at && !(at >= 0 && i === at + 1));
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run test:e2e:loaded -- [--runs N] [test/e2e/file.e2e.ts …]');
  process.exit(2);
}

for (const script of ['build', 'build:firefox']) {
  if (spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

const hogs = startHogs();
console.log(`${hogs.count} CPU hogs running (one per core); ${runs} runs of the e2e suite`);
const results = [];
try {
  for (let i = 1; i <= runs; i++) {
    const t0 = Date.now();
    // Asynchronously, so an interrupt reaches cpu-hog.mjs's handler and the hogs are stopped.
    const suite = spawn('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...files], { stdio: 'inherit' });
    const status = await new Promise((resolve) => suite.once('exit', resolve));
    results.push({ ok: status === 0, seconds: (Date.now() - t0) / 1000 });
    console.log(`\n== run ${i} of ${runs}: ${status === 0 ? 'passed' : 'FAILED'} (${results.at(-1).seconds.toFixed(0)} s) ==\n`);
  }
} finally {
  await hogs.stop();
}
results.forEach((r, i) => console.log(`run ${i + 1}: ${r.ok ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(0)} s`));
console.log(`${results.filter((r) => !r.ok).length} of ${runs} runs failed, with ${hogs.count} CPU hogs`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
