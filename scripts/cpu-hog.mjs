// A CPU hog per core: child processes spinning, to run the benchmarks and the end-to-end suite
// as on a loaded CI machine. Started by bench/banner.bench.ts and scripts/e2e-loaded.mjs; each
// hog is stopped by its own process id, also when the caller exits early.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** @returns {{ count: number, stop: () => Promise<void> }} */
export function startHogs(count = availableParallelism()) {
  const hogs = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const running = () => hogs.filter((h) => h.exitCode === null && h.signalCode === null);
  const kill = () => running().forEach((h) => h.kill('SIGKILL'));
  const interrupted = (signal) => {
    kill();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', kill);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return {
    count,
    async stop() {
      const exited = running().map((h) => new Promise((resolve) => h.once('exit', resolve)));
      kill();
      await Promise.all(exited);
      process.off('exit', kill);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    },
  };
}
