// Finds Debian's firefox-esr on PATH (the Firefox smoke test drives it over WebDriver BiDi; a
// downloaded browser is never used).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const NO_FIREFOX = 'No Firefox found: apt-get install firefox-esr';

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * `env` and `executable` are parameters so the decision can be unit-tested without uninstalling anything.
 * @returns {string | null}
 */
export function findFirefoxEsr(env = process.env, executable = isExecutable) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, 'firefox-esr'))) return join(dir, 'firefox-esr');
  }
  return null;
}
