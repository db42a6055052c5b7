// Finds a Chromium that still honours --load-extension: CHROME_PATH first, then common paths.
// Branded Google Chrome 137+ ignores --load-extension, so it is not on the list.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/lib/chromium/chromium'];

export const HOW_TO_GET_CHROMIUM =
  'No Chromium found: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chromium binary.';

/**
 * `env` and `exists` are parameters so the decision can be unit-tested without uninstalling anything.
 * @returns {string | null}
 */
export function findChromium(env = process.env, exists = existsSync) {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv && exists(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => exists(p)) ?? null;
}

/**
 * The flags every test and bench browser gets: the extension(s) at `dist` (a comma-separated list
 * of folders, when given), no background traffic, and every hostname sent to the local fixture
 * server on `port` (HTTPS with a self-signed certificate).
 * @param {number} port
 * @param {string} [dist]
 * @returns {string[]}
 */
export function chromiumFlags(port, dist) {
  return [
    ...(dist ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--ignore-certificate-errors',
    `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
  ];
}
