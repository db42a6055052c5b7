// Chromium for the in-browser benches: BanWatch (dist/) and the reference extension
// (bench/reference-extension/) loaded together in one headless browser, every hostname served by
// bench/fixtures.ts. Also: stopping BanWatch's service worker over the DevTools protocol (and
// checking that it really stopped), the tab id of a page, and the banner probe.
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the e2e harness and `npm start`
import { chromiumFlags, findChromium, HOW_TO_GET_CHROMIUM } from '../scripts/find-chromium.mjs';
import { PAGE_MARK, startBenchServer, type BenchServer } from './fixtures';

// BENCH_DIST: another build to measure (an A/B of two builds, each in its own run, interleaved).
export const DIST = resolve(process.env.BENCH_DIST ?? 'dist');
export const REFERENCE = resolve('bench/reference-extension');
/** The reference extension's element (bench/reference-extension/mark.js). */
export const REFERENCE_TAG = 'bench-reference-mark';

/** An extension's id from the `key` in its manifest, as Chromium derives it. */
export function extensionIdFromKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

/** A fresh manifest `key` (an RSA public key, base64 DER) for an extension made at run time, and the id it gives. */
export function newExtensionKey(): { key: string; id: string } {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return { key, id: extensionIdFromKey(key) };
}

/** Chromium's `--version` line and path, for a bench's header. */
export function chromiumVersion(): string {
  const executable = findChromium() as string | null;
  if (!executable) throw new Error(HOW_TO_GET_CHROMIUM);
  try {
    return `${execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()} (${executable})`;
  } catch {
    return `unknown version (${executable})`;
  }
}

export interface BenchBrowser {
  context: BrowserContext;
  server: BenchServer;
  banwatchId: string;
  referenceId: string;
  /** chrome-extension:// URL of `path` in BanWatch or in the reference extension. */
  url(ext: 'banwatch' | 'reference', path: string): string;
  /** The service worker of BanWatch, seen over the DevTools protocol. */
  worker: WorkerControl;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Load BanWatch (default true). */
  banwatch?: boolean;
  /** Load the reference extension (default true). */
  reference?: boolean;
  /** The page server (default: bench/fixtures.ts). */
  server?: () => Promise<BenchServer>;
  /** More unpacked extensions to load (directories). */
  extra?: string[];
}

/** Launches Chromium with both extensions (or as `opts` says); throws, saying how to get Chromium, if there is none. */
export async function launchBench(opts: LaunchOptions = {}): Promise<BenchBrowser> {
  const executablePath = findChromium() as string | null;
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const withBanwatch = opts.banwatch ?? true;
  const extensions = [...(withBanwatch ? [DIST] : []), ...((opts.reference ?? true) ? [REFERENCE] : []), ...(opts.extra ?? [])].join(',');
  const server = await (opts.server ?? startBenchServer)();
  const profile = mkdtempSync(join(tmpdir(), 'banwatch-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...(extensions ? [] : ['--disable-extensions']), ...chromiumFlags(server.port, extensions)],
  });
  const referenceId = extensionIdFromKey(JSON.parse(readFileSync(join(REFERENCE, 'manifest.json'), 'utf8')).key);
  // The reference extension has no service worker: BanWatch's is the only one.
  const sw = withBanwatch ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }))) : null;
  const banwatchId = sw ? new URL(sw.url()).host : '';
  const control = await context.newPage();
  const worker = await WorkerControl.attach(await context.newCDPSession(control), banwatchId);
  return {
    context,
    server,
    banwatchId,
    referenceId,
    worker,
    url: (ext, path) => `chrome-extension://${ext === 'banwatch' ? banwatchId : referenceId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * BanWatch's service worker through the DevTools protocol's ServiceWorker domain (on an
 * about:blank tab kept open for it): its running status as Chromium reports it, and
 * `ServiceWorker.stopAllWorkers` / `startWorker`.
 */
export class WorkerControl {
  status: RunningStatus | 'unknown' = 'unknown';
  /** Every status the worker went through since the last `mark()`. */
  private seen: RunningStatus[] = [];

  private constructor(
    private readonly cdp: CDPSession,
    private readonly scope: string,
  ) {}

  static async attach(cdp: CDPSession, extensionId: string): Promise<WorkerControl> {
    const w = new WorkerControl(cdp, `chrome-extension://${extensionId}/`);
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) {
        if (!extensionId || !v.scriptURL.startsWith(w.scope)) continue;
        w.status = v.runningStatus;
        w.seen.push(v.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    return w;
  }

  /** Forgets the statuses seen so far; `startedSinceMark` then tells whether the worker ran again. */
  mark(): void {
    this.seen = [];
  }

  get startedSinceMark(): boolean {
    return this.seen.some((s) => s === 'starting' || s === 'running');
  }

  private async until(want: RunningStatus, what: string, timeout = 10_000): Promise<void> {
    const end = Date.now() + timeout;
    while (this.status !== want) {
      if (Date.now() > end) throw new Error(`BanWatch's service worker did not ${what} within ${timeout} ms (status: ${this.status})`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Stops every service worker (`ServiceWorker.stopAllWorkers`) and waits until Chromium reports BanWatch's stopped. */
  async stop(): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    await this.until('stopped', 'stop');
  }

  /** Starts the worker if it is not running, and waits until it is. */
  async ensureRunning(): Promise<void> {
    if (this.status === 'running') return;
    await this.cdp.send('ServiceWorker.startWorker', { scopeURL: this.scope });
    await this.until('running', 'start');
  }
}

/** The id of the tab showing `url`, from the reference extension (it has the `tabs` permission; BanWatch has not). */
export async function tabIdOf(b: BenchBrowser, url: string): Promise<number> {
  const page = await b.context.newPage();
  await page.goto(b.url('reference', 'static.html'));
  const id = await page.evaluate(async (u) => {
    const tabs: { id: number; url: string }[] = await (globalThis as any).chrome.tabs.query({}); // eslint-disable-line @typescript-eslint/no-explicit-any
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  await page.close();
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** What the banner probe saw in one page load: ms since navigation start (performance.now()). */
export interface BannerProbe {
  /** The reference extension's element inserted. */
  reference: number | null;
  /** The first element under <html> or <body> that neither the page nor the reference put there. */
  banner: number | null;
  firstPaint: number | null;
  dcl: number | null;
}

/**
 * Runs in the page's main world before anything else (Playwright init script), for every load.
 * A MutationObserver on the document, then on <html> and <body> (childList only: cheap on the
 * 0.5 MB page), timestamps each element child as it is inserted. Elements already there when an
 * observer is attached are timestamped then (an upper bound). The page marks its own elements
 * with `mark`; the reference's element is known by its tag; anything else is BanWatch's.
 */
export function installBannerProbe([mark, referenceTag]: readonly [string, string]): void {
  const probe: BannerProbe = { reference: null, banner: null, firstPaint: null, dcl: null };
  Object.defineProperty(window, '__bwBench', { value: probe });
  const observed = new WeakSet<Node>();
  const see = (el: Element) => {
    const now = performance.now();
    if (el.localName === referenceTag) probe.reference ??= now;
    else if (!el.hasAttribute(mark)) probe.banner ??= now;
    if (el === document.documentElement || el === document.body) watch(el);
  };
  const watch = (node: Node) => {
    if (observed.has(node)) return;
    observed.add(node);
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) see(n);
    }).observe(node, { childList: true });
    for (const child of node.childNodes) if (child instanceof Element) see(child);
  };
  watch(document);
  document.addEventListener('DOMContentLoaded', () => (probe.dcl = performance.now()), { once: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-paint') probe.firstPaint = e.startTime;
  }).observe({ type: 'paint', buffered: true });
}

export const bannerProbeArgs = [PAGE_MARK, REFERENCE_TAG] as const;

/**
 * Loads `url` in `page` (which has the probe installed) and waits for the reference, the banner
 * (up to `bannerTimeout` ms; null if it never came) and the first-paint entry.
 */
export async function probeLoad(page: Page, url: string, bannerTimeout = 10_000): Promise<BannerProbe> {
  await page.goto(url, { waitUntil: 'load' });
  const read = () => page.evaluate(() => ({ ...(window as unknown as { __bwBench: BannerProbe }).__bwBench }));
  const end = Date.now() + bannerTimeout;
  let p = await read();
  while ((p.banner === null || p.firstPaint === null || p.reference === null) && Date.now() < end) {
    await page.waitForTimeout(20);
    p = await read();
  }
  return p;
}
