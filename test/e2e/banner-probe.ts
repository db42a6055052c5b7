// Reading and clicking the vendor-site banner from a test. The banner lives in a closed shadow
// root that page script (and Playwright's locators) cannot enter, so the test asks the content
// script itself: DevTools-protocol evaluation in its isolated world, where the vendor-site
// script keeps `banwatchVendorPage` (src/vendor-page/api.ts). Clicks are real input events
// (Input.dispatchMouseEvent through page.mouse), so the banner's isTrusted checks pass them, as
// they pass a user's.
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import type { BannerProbe } from '../../src/vendor-page/api';
import { banwatchWorld } from './harness';

interface World {
  session: CDPSession;
  contexts: Map<number, { name: string; frameId: string }>;
}
const worlds = new WeakMap<Page, Promise<World>>();

function world(page: Page): Promise<World> {
  let w = worlds.get(page);
  if (!w) {
    w = (async () => {
      const session = await page.context().newCDPSession(page);
      const contexts = new Map<number, { name: string; frameId: string }>();
      session.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string; frameId?: string } } }) => {
        if (e.context.auxData?.type === 'isolated') contexts.set(e.context.id, { name: e.context.name, frameId: e.context.auxData.frameId ?? '' });
      });
      session.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => contexts.delete(e.executionContextId));
      session.on('Runtime.executionContextsCleared', () => contexts.clear());
      await session.send('Runtime.enable');
      return { session, contexts };
    })();
    worlds.set(page, w);
  }
  return w;
}

/** BanWatch's content-script worlds in the page's top frame, newest first. */
async function contentScriptWorlds(page: Page): Promise<{ session: CDPSession; ids: number[] }> {
  const { session, contexts } = await world(page);
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const name = banwatchWorld();
  const ids = [...contexts].reverse().filter(([, c]) => c.name === name && c.frameId === frameTree.frame.id).map(([id]) => id);
  return { session, ids };
}

/**
 * Evaluates `expression` in the BanWatch content script's world of the page's top frame;
 * `undefined` when no BanWatch script runs there.
 */
export async function inContentScript<T>(page: Page, expression: string): Promise<T | undefined> {
  const { session, ids } = await contentScriptWorlds(page);
  for (const id of ids) {
    const r = (await session.send('Runtime.evaluate', { contextId: id, expression, returnByValue: true, awaitPromise: true }).catch(() => null)) as {
      result: { value?: T };
      exceptionDetails?: unknown;
    } | null;
    if (r && !r.exceptionDetails) return r.result.value;
  }
  return undefined;
}

/**
 * The event types BanWatch's content script listens to on the top frame's window (DevTools
 * protocol, evaluated in its world: each world's listeners are its own). Null: no BanWatch script.
 */
export async function windowListenersOfContentScript(page: Page): Promise<string[] | null> {
  const { session, ids } = await contentScriptWorlds(page);
  if (!ids.length) return null;
  const { result } = (await session.send('Runtime.evaluate', { contextId: ids[0]!, expression: 'window' })) as { result: { objectId: string } };
  const { listeners } = (await session.send('DOMDebugger.getEventListeners', { objectId: result.objectId })) as { listeners: { type: string }[] };
  await session.send('Runtime.releaseObject', { objectId: result.objectId });
  return listeners.map((l) => l.type);
}

/** What the banner shows (null: no BanWatch script in this page). */
export const probe = (page: Page) => inContentScript<BannerProbe>(page, 'globalThis.banwatchVendorPage?.probe()').then((p) => p ?? null);

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The banner on `page`, as the tests use it. */
export function banner(page: Page) {
  return {
    probe: () => probe(page),
    count: async () => ((await probe(page))?.shown ? 1 : 0),
    vendor: async () => (await probe(page))?.vendorId ?? null,
    /** Waits until the banner is shown (and in the top layer). */
    shown: (timeout?: number) => until('no banner', () => probe(page), (p): p is BannerProbe => !!p?.shown && p.open, timeout) as Promise<BannerProbe>,
    /**
     * Waits until the background has answered this page's script (an extension-side signal, no
     * fixed sleep), then says what the banner shows. Null: no BanWatch script runs on the page.
     */
    settled: async () => {
      await page.waitForLoadState('domcontentloaded');
      if (!(await probe(page))) return null;
      return until('the background never answered', () => probe(page), (x) => (x?.answers ?? 0) >= 1);
    },
    focus: (label: string) => focusButton(page, label),
    cardBackground: () => cardBackground(page),
    /** A trusted click (real input events) on the banner button labelled `label`. */
    click: async (label: string | RegExp) => {
      const p = await until(`no banner button ${label}`, () => probe(page), (x) => !!x?.buttons.some((b) => (typeof label === 'string' ? b.label === label : label.test(b.label))));
      const b = p!.buttons.find((x) => (typeof label === 'string' ? x.label === label : label.test(x.label)))!;
      await page.mouse.click(b.x, b.y);
    },
  };
}

// The banner's closed root, from the content script's world (chrome.dom can open closed roots there).
const ROOT = `([...document.documentElement.children].map((e) => chrome.dom.openOrClosedShadowRoot(e)).find((r) => r && r.mode === 'closed' && r.querySelector('.card')))`;

/** Moves focus to a banner button (focus() is not an event: no trust needed; the key presses that follow are real). */
export async function focusButton(page: Page, label: string): Promise<void> {
  const ok = await inContentScript<boolean>(page, `(() => { const b = [...${ROOT}.querySelectorAll('button')].find((x) => x.textContent === ${JSON.stringify(label)}); b?.focus(); return !!b; })()`);
  if (!ok) throw new Error(`no banner button ${label}`);
}

export const cardBackground = (page: Page) => inContentScript<string>(page, `getComputedStyle(${ROOT}.querySelector('.card')).backgroundColor`);

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/**
 * axe-core's violations for the banner. axe cannot enter a closed root, so in the content
 * script's world the banner's nodes (style included) are copied into an open root and checked
 * there. `breakIt` adds a button without a name to the copy: the positive control.
 */
export async function bannerAxe(page: Page, opts: { breakIt?: boolean } = {}): Promise<string[]> {
  await inContentScript(page, `${AXE_SOURCE}; true`);
  const result = await inContentScript<string[]>(
    page,
    `(async () => {
      const copy = document.createElement('div');
      const root = copy.attachShadow({ mode: 'open' });
      root.append(...[...${ROOT}.childNodes].map((n) => n.cloneNode(true)));
      if (${!!opts.breakIt}) root.querySelector('.actions').append(document.createElement('button'));
      document.body.append(copy);
      try {
        const r = await axe.run(copy, { resultTypes: ['violations'] });
        return r.violations.map((v) => v.id + ': ' + v.help);
      } finally {
        copy.remove();
      }
    })()`,
  );
  if (!result) throw new Error('axe did not run in the content script world');
  return result;
}
