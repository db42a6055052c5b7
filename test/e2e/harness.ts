// End-to-end harness: Debian's Chromium (never a downloaded browser) driven by playwright-core,
// with the built extension loaded and every hostname resolved to the local HTTPS fixture server.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
// @ts-expect-error plain ESM helpers shared with `npm start`
import { findChromium, HOW_TO_GET_CHROMIUM } from '../../scripts/find-chromium.mjs';
// @ts-expect-error plain ESM helpers shared with `npm start`
import { startFixtureServer } from '../../scripts/fixture-server.mjs';

export const DIST = resolve('dist');
export const RESULTS = resolve('test-results');

export interface Harness {
  context: BrowserContext;
  /** The service worker as last seen (stopWorker replaces it with the restarted one). */
  worker: Worker;
  extensionId: string;
  port: number;
  /** Every request the fixture server answered (host and URL). */
  serverRequests: { host: string; url: string }[];
  url(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  extraArgs?: string[];
  /** The built extension to load (default dist/). */
  dist?: string;
}

export async function launch(opts: LaunchOptions = {}): Promise<Harness> {
  const executablePath = findChromium() as string | null;
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const server = await startFixtureServer();
  const profile = mkdtempSync(join(tmpdir(), 'banwatch-e2e-'));
  const dist = opts.dist ?? DIST;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
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

/**
 * Stops the extension's service worker the way the browser does when it idles (DevTools protocol,
 * ServiceWorker.stopAllWorkers from one of the extension's own pages, whose storage partition the
 * worker shares), and resolves once Playwright has seen it close. Throws if it does not stop.
 */
export async function stopWorker(h: Harness): Promise<void> {
  const closed = new Promise<void>((resolve) => h.worker.once('close', () => resolve()));
  const page = await h.context.newPage();
  await page.goto(h.url('src/details/index.html?vendor=none'));
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the service worker did not stop')), 15_000));
  try {
    await Promise.race([closed, timeout]);
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** The running service worker (after something woke it), recorded as h.worker. */
export async function currentWorker(h: Harness): Promise<Worker> {
  h.worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker', { timeout: 20_000 }));
  return h.worker;
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
 * (the extension has no `tabs` permission, so it cannot list tab URLs itself).
 */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  const url = page.url();
  for (let attempt = 0; attempt < 50; attempt++) {
    const id = await h.worker.evaluate(async (u: string) => {
      const all: Record<string, { url: string }> = await chrome.storage.session.get(null);
      const hit = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && v.url === u);
      return hit ? Number(hit[0].slice(4)) : null;
    }, url);
    if (id !== null) return id;
    await page.waitForTimeout(100);
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

/** The banner's host element on a page (a locator; Playwright pierces open shadow roots). */
export const bannerHost = (page: Page) => page.locator('[data-banwatch-banner]');

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

/** Names of the isolated worlds (content scripts) created in a page while it loads (and 300 ms after). */
export async function isolatedWorlds(h: Harness, url: string): Promise<string[]> {
  const { page, worlds } = await openWatched(h, url);
  await page.waitForTimeout(300);
  await page.close();
  return worlds;
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
