// `npm start`: after the build, opens Chromium with BanWatch loaded in a fresh profile, on a
// local demo page that poses as www.kaspersky.com. Where there is no browser or no display,
// prints how to load the extension by hand instead, and exits 0.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from './find-chromium.mjs';
import { startFixtureServer } from './fixture-server.mjs';

const DEMO_URL = 'https://www.kaspersky.com/';
const dist = resolve('dist');

function printManualSteps(reason) {
  console.log(`
${reason}
The extension is built in ${dist}. To try it by hand:

  Chrome, Edge, Brave, Chromium
    1. Open chrome://extensions (edge://extensions in Edge).
    2. Turn on "Developer mode".
    3. Click "Load unpacked" and choose ${dist}

  Firefox (140 or later)
    1. Run \`npm run build:firefox\`.
    2. Open about:debugging#/runtime/this-firefox
    3. Click "Load Temporary Add-on…" and choose ${resolve('dist-firefox', 'manifest.json')}
    4. Grant BanWatch access to vendor sites when Firefox asks (or from the add-on's Permissions tab).

Then visit a listed vendor's site, e.g. ${DEMO_URL}
`);
}

const browserPath = findChromium();
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!browserPath) {
  printManualSteps('No Chromium found (set CHROME_PATH to use one).');
  process.exit(0);
}
if (!hasDisplay) {
  printManualSteps('No display available to open a browser window.');
  process.exit(0);
}

const server = await startFixtureServer();
const profile = mkdtempSync(join(tmpdir(), 'banwatch-demo-'));
console.log(`Demo server on 127.0.0.1:${server.port}; every hostname resolves to it in this browser only.`);
console.log(`Opening ${DEMO_URL} in Chromium with BanWatch loaded. Close the browser to stop.`);
const child = spawn(
  browserPath,
  [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
    '--ignore-certificate-errors',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    DEMO_URL,
  ],
  { stdio: 'ignore' },
);
child.on('exit', async () => {
  await server.close();
  process.exit(0);
});
