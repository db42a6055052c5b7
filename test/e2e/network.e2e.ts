// Zero network: while browsing vendor and non-vendor fixture pages and using the
// popup, options, details, onboarding and screening pages, BanWatch's own contexts — service worker,
// extension pages, content script — request nothing but their own packaged files
// (chrome-extension://<id>/...).
//
// Two independent witnesses:
//  1. A raw DevTools Protocol client of our own (not Playwright) on the browser target:
//     Target.setAutoAttach (flatten) attaches to every page and worker, including the extension's
//     service worker, and Network.enable on each records every request with its target and
//     initiator. Requests of extension targets, and requests a script at chrome-extension://
//     initiated in a web page (the content script), must all be chrome-extension://<id>/...;
//     a web page's own requests must be its document loads.
//  2. The fixture server: Chromium resolves every hostname to it, so any request to any web host
//     lands there. After visiting N web pages it must have received exactly those N page loads
//     (plus favicons) and nothing else, apart from Chromium's own Google service calls.
// A positive control at the end proves the observer sees the service worker's requests and that
// both witnesses catch an extension page reaching the network; the extension-page CSP
// (connect-src 'self' plus the update channel's path) is shown to refuse fetches from the worker
// and from pages anywhere else, and (a control) to let the worker reach that path only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { banner } from './banner-probe';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Seen {
  targetType: string;
  targetUrl: string;
  url: string;
  type: string | undefined;
  initiator: string[]; // script URLs on the initiator stack
}

/** Chromium's own service calls (component updates, account checks): not BanWatch, not pages. */
const BROWSER_SERVICE = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com|chromium\.org)$/;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A minimal flat-mode CDP client on the browser endpoint that records every request of every target. */
class Observer {
  seen: Seen[] = [];
  private ws!: WebSocket;
  private id = 0;
  private targets = new Map<string, { type: string; url: string }>(); // sessionId → target

  async connect(port: number): Promise<void> {
    let endpoint = '';
    for (let i = 0; i < 50 && !endpoint; i++) {
      try {
        endpoint = ((await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string }).webSocketDebuggerUrl;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    this.ws = new WebSocket(endpoint, { perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      this.ws.once('open', resolve);
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data) => this.onMessage(JSON.parse(String(data))));
    await this.send('Target.setDiscoverTargets', { discover: true });
    await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
    // Targets that already exist (the service worker started with the browser).
    const { targetInfos } = (await this.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; attached: boolean }[] };
    for (const t of targetInfos) {
      if (['page', 'service_worker', 'worker', 'shared_worker', 'iframe'].includes(t.type)) {
        await this.send('Target.attachToTarget', { targetId: t.targetId, flatten: true }).catch(() => undefined);
      }
    }
  }

  /** Replies awaited, by command id: one socket listener serves them all. */
  private readonly pending = new Map<number, (msg: { result?: unknown; error?: { message: string } }) => void>();

  send(method: string, params: object = {}, sessionId?: string): Promise<unknown> {
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (msg) => (msg.error ? reject(new Error(`${method}: ${msg.error.message}`)) : resolve(msg.result)));
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }));
    });
  }

  private onMessage(msg: { id?: number; method?: string; params?: any; sessionId?: string; result?: unknown; error?: { message: string } }): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (msg.id !== undefined) {
      this.pending.get(msg.id)?.(msg);
      this.pending.delete(msg.id);
      return;
    }
    if (msg.method === 'Target.attachedToTarget') {
      const { sessionId, targetInfo } = msg.params;
      if (this.targets.has(sessionId)) return;
      this.targets.set(sessionId, { type: targetInfo.type, url: targetInfo.url });
      // Watch its requests, and attach to what it starts in turn (frames, workers).
      void this.send('Network.enable', {}, sessionId).catch(() => undefined);
      void this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId).catch(() => undefined);
      void this.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
    } else if (msg.method === 'Network.requestWillBeSent' && msg.sessionId) {
      const target = this.targets.get(msg.sessionId) ?? { type: 'unknown', url: '' };
      const p = msg.params;
      const stack: string[] = [];
      for (let s = p.initiator?.stack; s; s = s.parent) for (const f of s.callFrames ?? []) stack.push(f.url);
      if (p.initiator?.url) stack.push(p.initiator.url);
      this.seen.push({ targetType: target.type, targetUrl: p.documentURL ?? target.url, url: p.request.url, type: p.type, initiator: stack });
    }
  }

  close(): void {
    this.ws?.close();
  }
}

// "Nothing more was requested" needs a signal that everything requested so far has arrived at
// both witnesses: each context sends one tagged request after all it sent before, and the test
// waits for it. A context's requests reach the observer in the order it sent them (one DevTools
// session per target). Pages send an image request to BARRIER_HOST (the one request an extension
// page's CSP lets out), which both witnesses see; the service worker fetches a packaged file,
// which the observer sees. The checks leave these requests out.
const BARRIER_HOST = 'bw-barrier.example';
const BARRIER_TAG = 'bw-barrier-';
const isBarrier = (url: string) => url.startsWith(`https://${BARRIER_HOST}/`) || url.includes(`?${BARRIER_TAG}`);
let barriers = 0;

/** Resolves once every request the service worker and `pages` sent until now has reached the witnesses. */
async function allArrived(pages: Page[]): Promise<void> {
  const tag = `${BARRIER_TAG}${++barriers}`;
  const swUrl = await h.worker.evaluate((t: string) => fetch(chrome.runtime.getURL(`manifest.json?${t}`)).then((r) => r.url), tag);
  const pageUrls = pages.map((_, i) => `https://${BARRIER_HOST}/${tag}-${i}`);
  await Promise.all(pages.map((p, i) => p.evaluate((u: string) => void document.body.append(Object.assign(new Image(), { src: u })), pageUrls[i]!)));
  await expect.poll(() => [swUrl, ...pageUrls].every((u) => obs.seen.some((s) => s.url === u)), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => pageUrls.every((u) => h.serverRequests.some((r) => r.url === u)), { timeout: 15_000 }).toBe(true);
}

let h: Harness;
let obs: Observer;
let extOrigin: string;
const visited: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  h = await launch({ extraArgs: [`--remote-debugging-port=${port}`] });
  extOrigin = `chrome-extension://${h.extensionId}/`;
  obs = new Observer();
  await obs.connect(port);
});
afterAll(async () => {
  obs?.close();
  await h?.close();
});

async function browse(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('load');
  visited.push(url);
}

const fromExtension = (s: Seen) =>
  s.targetUrl.startsWith('chrome-extension://') || s.targetType === 'service_worker' || s.initiator.some((u) => u.startsWith('chrome-extension://'));

describe('zero network', () => {
  it('BanWatch requests nothing but its own packaged files while browsing and using its pages', async () => {
    const serverBefore = h.serverRequests.length;
    const page = await h.context.newPage();

    // Vendor pages (the content script runs and asks the background) and unrelated ones.
    for (const url of ['https://www.kaspersky.com/', 'https://www.huawei.com/products', 'https://www.dji.com/', 'https://example.org/', 'https://usa.kaspersky.com/support']) {
      await browse(page, url);
      if (!url.includes('example.org')) await banner(page).shown();
    }
    // Use the banner: open the details page from it.
    const [details] = await Promise.all([h.context.waitForEvent('page'), banner(page).click('Full ruling context')]);
    // The details page has read and drawn its data (the steps below keep the observer listening).
    await details.locator('.dataset').waitFor({ timeout: 10_000 });

    // The extension pages.
    const ext = await h.context.newPage();
    for (const path of ['src/popup/index.html', 'src/options/index.html', 'src/details/index.html?vendor=huawei', 'src/onboarding/index.html', 'src/screen/index.html']) {
      await ext.goto(h.url(path));
      await ext.waitForLoadState('load');
      await expect.poll(() => ext.locator('#app *').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    // Screen a pasted supplier list: the list stays in the page.
    await ext.goto(h.url('src/screen/index.html'));
    await ext.fill('#paste-input', 'Hikvision USA Inc.\nhttps://www.dji.com/\nAcme Widgets\n');
    await ext.getByRole('button', { name: 'Screen pasted list' }).click();
    await expect.poll(() => ext.locator('.status-line').textContent()).toMatch(/^Screened 3 rows/);
    // Type into the popup's lookup.
    await ext.goto(h.url('src/popup/index.html'));
    const search = ext.locator('input[type="search"], input').first();
    await search.waitFor({ timeout: 10_000 });
    await search.fill('hikvision');
    await expect.poll(() => ext.locator('.lookup').textContent(), { timeout: 10_000 }).toContain('Hikvision'); // the lookup ran
    // Change a setting in the options page (storage only).
    await ext.goto(h.url('src/options/index.html'));
    await ext.locator('#updates').waitFor({ timeout: 10_000 }); // drawn from the settings it read
    await h.worker.evaluate(() => chrome.storage.sync.set({ decisionLog: true }));
    await browse(page, 'https://www.hikvision.com/');
    await banner(page).shown();
    // The background's last step for the page: the decision log's entry.
    await expect.poll(() => h.worker.evaluate(async () => JSON.stringify((await chrome.storage.local.get('decisionLogEntries')).decisionLogEntries ?? []))).toContain('www.hikvision.com');
    // Everything each context requested so far has reached both witnesses (the positive control below uses the same).
    await allArrived([page, ext, details]);

    // Witness 1: every request of BanWatch's contexts is one of its packaged files.
    const ours = obs.seen.filter(fromExtension);
    expect(ours.length).toBeGreaterThan(5); // the observer does see the extension pages load their files
    const outside = ours.filter((s) => !s.url.startsWith(extOrigin) && !s.url.startsWith('data:') && !isBarrier(s.url));
    expect(outside).toEqual([]);

    // Web pages requested nothing but their own documents (the fixture pages load no resources;
    // anything else would have come from the content script).
    const webPageRequests = obs.seen.filter((s) => !fromExtension(s) && s.targetType === 'page' && !isBarrier(s.url));
    const favicon = (s: Seen) => s.type === 'Other' && s.initiator.length === 0 && s.url === new URL('/favicon.ico', s.targetUrl).href;
    const notDocuments = webPageRequests.filter((s) => s.type !== 'Document' && !favicon(s));
    expect(notDocuments).toEqual([]);
    for (const url of visited) expect(webPageRequests.map((s) => s.url)).toContain(url);

    // Witness 2: the fixture server saw exactly the page loads (plus favicons) and nothing else.
    const received = h.serverRequests.slice(serverBefore).filter((r) => !BROWSER_SERVICE.test(r.host) && r.host !== BARRIER_HOST);
    const loads = received.filter((r) => !r.url.endsWith('/favicon.ico')).map((r) => r.url);
    expect(loads.sort()).toEqual([...visited].sort());
    const favicons = received.filter((r) => r.url.endsWith('/favicon.ico'));
    for (const f of favicons) expect(visited.map((v) => new URL(v).host)).toContain(new URL(f.url).host);
    await Promise.all([page.close(), ext.close(), details.close()]);
  });

  it('Chromium shows no onboarding tab on install (host access is granted at install)', () => {
    expect(h.context.pages().map((p) => p.url()).filter((u) => u.includes('src/onboarding/'))).toEqual([]);
  });

  it('positive control: the observer sees the service worker\'s requests, and both witnesses catch an extension page reaching the network', async () => {
    const serverBefore = h.serverRequests.length;
    const seenBefore = obs.seen.length;
    const marker = `manifest.json?control=${Date.now()}`;
    expect(await h.worker.evaluate((m: string) => fetch(chrome.runtime.getURL(m)).then((r) => r.status), marker)).toBe(200);
    await expect.poll(() => obs.seen.slice(seenBefore).some((s) => s.targetType === 'service_worker' && s.url.endsWith(marker))).toBe(true);

    // CSP leaves img-src open: an extension page loading a remote image is a leak both witnesses see.
    const ext = await h.context.newPage();
    await ext.goto(h.url('src/options/index.html'));
    await ext.evaluate(() => {
      const i = new Image();
      i.src = 'https://control-probe.example/img';
      document.body.append(i);
    });
    // The same wait as before the checks above, then both witnesses have it.
    await allArrived([ext]);
    expect(obs.seen.slice(seenBefore).filter(fromExtension).some((s) => s.url === 'https://control-probe.example/img')).toBe(true);
    expect(h.serverRequests.slice(serverBefore).some((r) => r.host === 'control-probe.example')).toBe(true);
    await ext.close();
  });

  it("the CSP refuses a network request from the service worker anywhere but the update channel's path", async () => {
    const serverBefore = h.serverRequests.length;
    for (const url of ['https://csp-probe.example/sw', 'https://csp-probe.example/banwatch-data-not/x.json', 'http://csp-probe.example/banwatch-data/x.json']) {
      const result = await h.worker.evaluate((u) => fetch(u).then(() => 'fetched', (e) => `refused: ${e}`), url);
      expect(result, url).toMatch(/^refused/);
    }
    expect(h.serverRequests.slice(serverBefore).filter((r) => r.host === 'csp-probe.example')).toEqual([]);
    // The control: the path the update channel uses does get through (the request reaches the server).
    await h.worker.evaluate(() => fetch('https://csp-probe.example/banwatch-data/x.json').catch(() => undefined));
    expect(h.serverRequests.slice(serverBefore).map((r) => r.url)).toContain('https://csp-probe.example/banwatch-data/x.json');
  });

  it("the pages' CSP (connect-src 'self') refuses a network request from an extension page", async () => {
    const ext = await h.context.newPage();
    await ext.goto(h.url('src/options/index.html'));
    const serverBefore = h.serverRequests.length;
    // Refused by the CSP before any request: the page's own violation report says which directive.
    // (Had the request gone out, the fixture server logged it before the fetch could settle.)
    const result = await ext.evaluate(async () => {
      const violated = new Promise<string>((r) => document.addEventListener('securitypolicyviolation', (e) => r(e.effectiveDirective), { once: true }));
      const fetched = await fetch('https://csp-probe.example/').then(() => 'fetched', (e) => `refused: ${e}`);
      return { fetched, violated: await violated };
    });
    expect(result).toEqual({ fetched: expect.stringMatching(/^refused/), violated: 'connect-src' });
    expect(h.serverRequests.slice(serverBefore).filter((r) => r.host === 'csp-probe.example')).toEqual([]);
    await ext.close();
  });
});
