// Firefox smoke-test harness: Debian's firefox-esr (never a downloaded browser), headless, driven
// over its built-in WebDriver BiDi server, with dist-firefox/ installed as a temporary add-on
// (`webExtension.install`, as about:debugging does) and every hostname resolved to the local HTTPS
// fixture server.
//
// Why not playwright-core: 1.65 drives a stock Firefox only through its BiDi backend
// (`firefox.launchPersistentContext(dir, { channel: 'moz-firefox', executablePath })`), and that
// backend sends `emulation.setMediaFeaturesOverride` while setting up every context, which
// firefox-esr 153 rejects ("Protocol error (emulation.setMediaFeaturesOverride): unknown command").
// The handful of BiDi commands this test needs are spoken directly instead.
//
// `--remote-allow-system-access`: without it, BiDi refuses to navigate a tab to anything but
// http(s), file, blob and about:blank, so BanWatch's own pages (moz-extension://) could not be
// opened at their address, as a user can type it. Settings are changed by clicking the options
// page; the only calls the tests make into the add-on's own API from its page are a read of its
// rules and the permission removal that about:addons makes when a user turns a site off.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ESM helpers shared with `npm start`
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
// @ts-expect-error plain ESM helpers shared with `npm test`'s browser check (scripts/ensure-deps.mjs)
import { findFirefoxEsr, NO_FIREFOX } from '../../scripts/find-firefox.mjs';

export const DIST_FIREFOX = resolve('dist-firefox');
/** dist-firefox/'s gecko id (vite.config.ts). */
const ADDON_ID = 'banwatch@banwatch.org';
export { findFirefoxEsr, NO_FIREFOX };

/**
 * Profile preferences (user.js). The remote agent already applies its "recommended" automation
 * prefs (no updates, no telemetry, no first-run pages); these are the ones this test relies on.
 */
const PREFS: Record<string, string | number | boolean> = {
  // Every hostname resolves to 127.0.0.1, so https://www.kaspersky.com:<port>/ reaches the fixture
  // server. Content-script match patterns ignore the port.
  'network.dns.forceResolve': '127.0.0.1',
  // Firefox MV3 grants an add-on's host permissions (content-script matches included) only on
  // request, unless this pref is true, which makes install grant them as Chromium does. It is true
  // by default in Firefox 127+ desktop builds (153 here); set explicitly so that a changed default
  // fails this test loudly (the onboarding tab opens and no banner appears) rather than silently.
  'extensions.originControls.grantByDefault': true,
  'extensions.autoDisableScopes': 0,
  // No network noise (every hostname goes to 127.0.0.1 anyway).
  'network.proxy.type': 0,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.startup.homepage_override.mstone': 'ignore',
  'app.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
};

type BidiMessage = { id?: number; type: 'success' | 'error' | 'event'; result?: any; error?: string; message?: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Socket {
  send(data: string): void;
  close(): void;
  addEventListener(type: 'message', fn: (ev: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close' | 'error', fn: (ev: unknown) => void): void;
}

/**
 * Node 22+ has a global WebSocket; Node 20 does not without a flag, so fall back to `ws`, already
 * installed as a dependency of happy-dom (no new package).
 */
async function openSocket(url: string): Promise<Socket> {
  const Ctor: new (url: string) => Socket =
    (globalThis as { WebSocket?: new (url: string) => Socket }).WebSocket ?? ((await import('ws')).default as unknown as new (url: string) => Socket);
  const socket = new Ctor(url);
  await new Promise<void>((ok, fail) => {
    socket.addEventListener('open', () => ok());
    socket.addEventListener('error', () => fail(new Error(`WebDriver BiDi: cannot connect to ${url}`)));
  });
  return socket;
}

export interface FirefoxHarness {
  /** The fixture server's port: use it in every URL (https://www.kaspersky.com:<port>/). */
  port: number;
  serverRequests: { host: string; url: string; method?: string }[];
  /** The add-on id webExtension.install answered. */
  extensionId: string;
  /**
   * `moz-extension://<uuid>/`, the add-on's own origin. Firefox gives each add-on a random UUID
   * per profile; the harness picks it (pref `extensions.webextensions.uuids`, which Firefox reads
   * before generating one) so the test can open BanWatch's pages like a user would.
   */
  extensionBase: string;
  /** Sends one BiDi command and resolves with its result (rejects on a BiDi error). */
  send(method: string, params?: Record<string, unknown>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** URLs of the top-level browsing contexts (tabs). */
  tabUrls(): Promise<string[]>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchFirefox(): Promise<FirefoxHarness> {
  const executable = findFirefoxEsr();
  if (!executable) throw new Error(NO_FIREFOX);
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error('dist-firefox/ is not built: run `npm run build:firefox`');

  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const fn of cleanups.reverse()) await fn();
    cleanups.length = 0;
  };
  try {
    const server = await startFixtureServer();
    cleanups.push(() => server.close());
    const profile = mkdtempSync(join(tmpdir(), 'banwatch-firefox-'));
    cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
    const uuid = randomUUID();
    const prefs = { ...PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }) };
    writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));

    // Its own process group, so that cleanup can end Firefox's content processes with it.
    const ff: ChildProcess = spawn(executable, ['--headless', '--no-remote', '--remote-debugging-port=0', '--remote-allow-system-access', '--profile', profile], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    });
    let log = '';
    const exited = new Promise<void>((r) => ff.once('exit', () => r()));
    cleanups.push(async () => {
      if (ff.exitCode === null && ff.signalCode === null) await Promise.race([exited, sleep(10_000)]);
      try {
        process.kill(-ff.pid!, 'SIGKILL'); // stragglers of the group we started, if any
      } catch {
        // group already gone
      }
    });

    const wsBase = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`firefox-esr: no WebDriver BiDi endpoint after 20 s\n${log.slice(-2000)}`)), 20_000);
      const onData = (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-20_000);
        const m = log.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      };
      ff.stdout!.on('data', onData);
      ff.stderr!.on('data', onData);
      ff.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`firefox-esr exited (${code ?? signal}) before WebDriver BiDi started\n${log.slice(-2000)}`));
      });
    });

    const socket = await openSocket(`${wsBase}/session`);
    let nextId = 0;
    const pending = new Map<number, (m: BidiMessage) => void>();
    let closed = false;
    socket.addEventListener('message', (ev) => {
      const m = JSON.parse(String(ev.data)) as BidiMessage;
      if (m.id !== undefined) pending.get(m.id)?.(m);
    });
    socket.addEventListener('close', () => {
      closed = true;
      for (const fn of pending.values()) fn({ type: 'error', error: 'closed', message: 'WebDriver BiDi connection closed' });
    });
    const send = (method: string, params: Record<string, unknown> = {}, timeoutMs = 20_000) =>
      new Promise<any>((ok, fail) => { // eslint-disable-line @typescript-eslint/no-explicit-any
        if (closed) return fail(new Error(`${method}: WebDriver BiDi connection closed`));
        const id = ++nextId;
        const timer = setTimeout(() => {
          pending.delete(id);
          fail(new Error(`${method}: no answer after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, (m) => {
          clearTimeout(timer);
          pending.delete(id);
          if (m.type === 'error') fail(new Error(`${method}: ${m.error}: ${m.message}`));
          else ok(m.result);
        });
        socket.send(JSON.stringify({ id, method, params }));
      });
    cleanups.push(async () => {
      // Ask Firefox to quit; the process-group kill above is the fallback.
      if (!closed) await send('browser.close', {}, 5000).catch(() => undefined);
      socket.close();
    });

    // The fixture server's certificate is self-signed.
    await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    // A temporary install, like about:debugging's "Load Temporary Add-on…": unsigned is fine.
    const { extension } = await send('webExtension.install', { extensionData: { type: 'path', path: DIST_FIREFOX } });

    return {
      port: server.port,
      serverRequests: server.requests,
      extensionId: extension,
      extensionBase: `moz-extension://${uuid}/`,
      send,
      async tabUrls() {
        const tree = await send('browsingContext.getTree', { maxDepth: 0 });
        return (tree.contexts as { url: string }[]).map((c) => c.url);
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
