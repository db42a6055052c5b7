// End-to-end harness: Debian's Chromium (never a downloaded browser) driven by playwright-core,
// with the built extension loaded and every hostname resolved to the local HTTPS fixture server.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
// @ts-expect-error plain ESM helpers shared with `npm start`
import { chromiumFlags, findChromium, HOW_TO_GET_CHROMIUM } from '../../scripts/find-chromium.mjs';
// @ts-expect-error plain ESM helpers shared with `npm start`
import { startFixtureServer } from '../../scripts/fixture-server.mjs';

export const DIST = resolve('dist');
/** A test extension loaded next to BanWatch: a no-op content script at document_idle on every page (see contentScriptsInjected). */
const IDLE_WITNESS = resolve('test/e2e/idle-witness');
const IDLE_WITNESS_WORLD = 'BanWatch e2e idle witness';
/** The name of BanWatch's content scripts' isolated world in Chromium: its English name, from the build. */
export const banwatchWorld = (): string => JSON.parse(readFileSync(join(DIST, '_locales/en/messages.json'), 'utf8')).extName.message as string;
export const RESULTS = resolve('test-results');

export interface Harness {
  context: BrowserContext;
  /** The service worker (after stopWorker, it answers again once something has woken it). */
  worker: Worker;
  extensionId: string;
  port: number;
  /** Every request the fixture server answered (host, URL, method, Sec-Purpose header, and the cookie and referer it carried). */
  serverRequests: { host: string; url: string; method?: string; purpose?: string | null; cookie?: string; referer?: string }[];
  url(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  extraArgs?: string[];
  /** The built extension to load (default dist/). */
  dist?: string;
  /** Playwright default arguments to leave out (e.g. '--disable-back-forward-cache' to test Back). */
  ignoreDefaultArgs?: string[];
  /** URLs the fixture server answers with a handler of the test's (see scripts/fixture-server.mjs). */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
}

export async function launch(opts: LaunchOptions = {}): Promise<Harness> {
  const executablePath = findChromium() as string | null;
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const server = await startFixtureServer({ routes: opts.routes });
  const profile = mkdtempSync(join(tmpdir(), 'banwatch-e2e-'));
  const dist = opts.dist ?? DIST;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    ...(opts.ignoreDefaultArgs && { ignoreDefaultArgs: opts.ignoreDefaultArgs }),
    args: [
      ...chromiumFlags(server.port, `${dist},${IDLE_WITNESS}`),
      ...(opts.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    port: server.port,
    serverRequests: server.requests,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Chromium reads /etc/chromium/policies/managed/*.json at startup (the e2e runs as root here).
const POLICY_DIR = '/etc/chromium/policies/managed';
/** The id the dev key in manifest.json gives the built extension. */
const EXTENSION_ID = 'lmjnolibjkigahpdjkjlkaibpkhopdmn';

/**
 * Launches with `policy` as the administrator's policy for BanWatch: a machine-wide file named
 * after `name`, removed again by close() (or at once if the launch fails).
 */
export async function launchWithPolicy(name: string, policy: unknown): Promise<Harness> {
  const file = join(POLICY_DIR, `banwatch-e2e-${name}.json`);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2));
  } catch (e) {
    throw new Error(`cannot write the managed policy file ${file} (the policy e2e needs root to write there): ${String(e)}`);
  }
  let h: Harness;
  try {
    h = await launch();
  } catch (e) {
    rmSync(file, { force: true });
    throw e;
  }
  const close = h.close;
  h.close = async () => {
    try {
      await close();
    } finally {
      rmSync(file, { force: true });
    }
  };
  return h;
}

/**
 * Stops the extension's service worker the way the browser does when it idles: DevTools protocol
 * `ServiceWorker.stopAllWorkers`, sent from one of the extension's own pages (whose storage
 * partition the worker shares). Resolves once DevTools reports the worker stopped; throws if it
 * does not stop. `runningAgain()` then waits until DevTools reports it started again (something
 * woke it): only then does `h.worker` answer again.
 */
export async function stopWorker(h: Harness): Promise<{ runningAgain(): Promise<void> }> {
  const page = await h.context.newPage();
  await page.goto(h.url('src/details/index.html?vendor=none'));
  const cdp = await h.context.newCDPSession(page);
  const statuses: string[] = [];
  const script = `chrome-extension://${h.extensionId}/`;
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(script)) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const until = async (what: string, ok: () => boolean) => {
    for (let i = 0; i < 150 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
    if (!ok()) throw new Error(`${what} (DevTools saw: ${statuses.join(', ') || 'nothing'})`);
  };
  await until('the service worker did not stop', () => statuses.includes('stopped'));
  const stoppedAt = statuses.lastIndexOf('stopped');
  return {
    async runningAgain() {
      try {
        await until('the service worker did not start again', () => statuses.slice(stoppedAt).includes('running'));
      } finally {
        await cdp.detach().catch(() => undefined);
        await page.close();
      }
    },
  };
}

/** Saves a screenshot under test-results/ for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

// Runs inside the service worker (serialised by Playwright), where `chrome` exists.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The id of the tab showing vendor page `page`, from the per-tab state the background keeps
 * (the extension has no `tabs` permission, so it cannot list tab URLs itself). Read through the
 * service worker, or through `reader`, an extension page (which stays valid when MV3 stops the worker).
 */
export async function tabIdOf(h: Harness, page: Page, reader?: Page): Promise<number> {
  const url = page.url();
  const find = async (u: string) => {
    const all: Record<string, { url: string }> = await chrome.storage.session.get(null);
    // The newest open tab on that URL: a closed tab's state may linger until the background next
    // looks, and this page's own may not be recorded yet (then ask again).
    const ids = Object.entries(all)
      .filter(([k, v]) => k.startsWith('tab:') && v.url === u)
      .map(([k]) => Number(k.slice(4)));
    const open = await Promise.all(ids.map((id) => chrome.tabs.get(id).then(() => id, () => null)));
    const live = open.filter((id): id is number => id !== null);
    return live.length ? Math.max(...live) : null;
  };
  for (let attempt = 0; attempt < 150; attempt++) {
    const id = await (reader ? reader.evaluate(find, url) : h.worker.evaluate(find, url));
    if (id !== null) return id;
    await page.waitForTimeout(100); // polling the background's state, not a sleep before an assertion
  }
  throw new Error(`no tab state for ${url}`);
}

export async function badgeText(h: Harness, tabId: number): Promise<string> {
  return h.worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

declare const axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string }[] }> };
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/**
 * axe-core's violations on the page, or only inside `selector`. Injected by evaluation rather
 * than a script tag, so it also works on extension pages, whose CSP forbids inline scripts.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (sel) => axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] }),
    selector ?? null,
  );
  return result.violations.map((v) => `${v.id}: ${v.help}`);
}

/** A page opened at `url` with the names of the isolated worlds (content scripts) created in it, as they come. */
export interface WatchedPage {
  page: Page;
  worlds: string[];
}

/** Opens `url` in a new page, recording over CDP every isolated world (content script) created in it. */
export async function openWatched(h: Harness, url: string): Promise<WatchedPage> {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { name: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated') worlds.push(e.context.name);
  });
  await cdp.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load' });
  return { page, worlds };
}

/**
 * Resolves once every content script the page's top frame gets has been injected: the idle
 * witness's world exists. Chromium injects the scripts of every extension for a frame and a run
 * time in one pass, document_start and document_end before document_idle, so a BanWatch script
 * that has not run by then will not (a script never injected sends no signal of its own). One
 * round trip to the page after it lets the rest of that pass's events arrive.
 */
export async function contentScriptsInjected(w: WatchedPage): Promise<void> {
  for (const end = Date.now() + 15_000; !w.worlds.includes(IDLE_WITNESS_WORLD); await w.page.waitForTimeout(20)) {
    if (Date.now() > end) throw new Error(`${w.page.url()}: the idle witness's content script never ran`);
  }
  await w.page.evaluate(() => 0);
}

/** Names of the isolated worlds (content scripts) created in a page's top frame once they have all been injected. */
export async function isolatedWorlds(h: Harness, url: string): Promise<string[]> {
  const watched = await openWatched(h, url);
  await contentScriptsInjected(watched);
  await watched.page.close();
  return watched.worlds;
}

/**
 * For a bench's header: Chromium's path and its `--version` line ('unknown' when it does not
 * say), or null after printing how to get Chromium.
 */
export function chromiumForBench(): { executable: string; version: string } | null {
  const executable = findChromium() as string | null;
  if (!executable) {
    console.log(HOW_TO_GET_CHROMIUM);
    return null;
  }
  let version = 'unknown';
  try {
    version = execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* reported as unknown */
  }
  return { executable, version };
}
