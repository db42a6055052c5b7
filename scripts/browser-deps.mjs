// What `npm test` needs besides node_modules: Debian's Chromium (the end-to-end suite) and
// firefox-esr (the Firefox smoke test). Never a downloaded browser. The decision is a pure
// function of what is found and who runs it, so it is unit-tested (test/unit/browser-deps.test.ts)
// without uninstalling anything; scripts/ensure-deps.mjs acts on it.
import { findChromium } from './find-chromium.mjs';
import { findFirefoxEsr } from './find-firefox.mjs';

/** Debian package names, also the names printed to the user. */
export const PACKAGES = { chromium: 'chromium', firefox: 'firefox-esr' };

/**
 * The Debian packages of the browsers that are missing.
 * @param {NodeJS.ProcessEnv} env  CHROME_PATH and PATH are read from it
 * @param {{ exists?: (path: string) => boolean, executable?: (path: string) => boolean }} [probe]
 * @returns {string[]}
 */
export function missingBrowsers(env = process.env, probe = {}) {
  const missing = [];
  if (!findChromium(env, probe.exists)) missing.push(PACKAGES.chromium);
  if (!findFirefoxEsr(env, probe.executable)) missing.push(PACKAGES.firefox);
  return missing;
}

/**
 * What to do about the missing packages.
 * - nothing missing: `ok`
 * - root with apt-get (Debian, Ubuntu, CI containers): `install`, the command to run
 * - otherwise: `stop`, with one line naming the exact command
 * @param {{ missing: string[], isRoot: boolean, hasAptGet: boolean }} facts
 * @returns {{ action: 'ok' | 'install' | 'stop', command?: string, message?: string }}
 */
export function browserPlan({ missing, isRoot, hasAptGet }) {
  if (!missing.length) return { action: 'ok' };
  const what = missing.join(' and ');
  if (hasAptGet && isRoot) {
    return { action: 'install', command: `apt-get update && apt-get install -y ${missing.join(' ')}`, message: `npm test needs ${what}: installing with apt-get.` };
  }
  if (hasAptGet) {
    const command = `sudo apt-get install -y ${missing.join(' ')}`;
    return { action: 'stop', command, message: `npm test needs ${what}, not installed: run \`${command}\`, then npm test again.` };
  }
  const chromium = missing.includes(PACKAGES.chromium) ? ' (or set CHROME_PATH to a Chromium binary)' : '';
  return {
    action: 'stop',
    message: `npm test needs ${what}, not found: install the ${missing.length > 1 ? 'packages' : 'package'} ${missing.join(' ')} with your system's package manager${chromium}, then npm test again.`,
  };
}
