// The shopping and search-results script, for marketplaces and search result pages. Never declared
// in the manifest: the background registers it (scripting.registerContentScripts) only for the
// sites of a feature the user turned on and granted. Kept small: it reads structured brand fields or
// result links, asks the background, and draws; the data, the matching and the user's settings
// live in the background.
//
// Big pages (5 MB listings, endless result pages) are handled in bounded slices (slices.ts):
// first every read (links, brand fields), yielding between slices; then the chips, one slice of
// writes per frame, so the page's style and layout after each slice stays short and nothing
// reads layout after a write. Further content (infinite scroll) is picked up by a throttled
// MutationObserver.
import { siteForHost } from '../core/shopping/sites';
import { jsonLdCandidates, metaCandidates, tidy } from '../core/shopping/extract';
import type { ShopMark } from '../core/shopping/marks';
import type { SettingKey } from '../core/settings';
import { send } from '../shared/send';
import { ADAPTERS } from './adapters';
import type { SearchAdapter, ShopAdapter, Tile } from './adapters/types';
import { CHIP_TAG, createChip, NOTICE_TAG, renderNotice } from './notice';
import { afterFrame, inSlices, nextTask } from './slices';

type Ext = { storage: { onChanged: { addListener(cb: (changes: object, area: string) => void): void } } };
const ext = ((globalThis as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome) as Ext;

const READS = { max: 200, budgetMs: 8, pause: nextTask }; // links or tiles read per task
// Chips inserted per frame: each frame with a change costs the page a relayout (~50 ms on a 5 MB
// page, plus ~0.1 ms per chip), so writes are spread one slice per frame.
const WRITES = { max: 100, budgetMs: 8, pause: afterFrame };
const BATCH = 500; // hosts or brand values per message (the background's limit)
const THROTTLE_MS = 300;
const MAX_RESTORES = 5;

// The settings that change what is shown (src/core/settings.ts); not the decision log, say.
const SETTINGS = new Set<SettingKey>(['enabled', 'audience', 'minSeverity', 'authorities', 'allowedSites', 'hiddenVendors', 'snoozed', 'shoppingSites', 'searchResults']);

/** Per-evaluation state; replaced wholesale when the settings change. */
let state = fresh();
function fresh() {
  return {
    done: new WeakSet<Element>(), // links and tiles already looked at
    cache: new Map<string, ShopMark | null>(), // brand value or host → mark (null: nothing)
    chips: [] as HTMLElement[],
    notice: null as HTMLElement | null,
    signature: null as string | null, // the candidates the current notice answers
    dismissed: false,
    restores: 0,
  };
}

function reset(): void {
  for (const c of state.chips) c.remove();
  state.notice?.remove();
  state = fresh();
}

/** Adds a chip after each anchor whose key has a mark, in slices. */
async function mark(pairs: [Element, string][], s = state): Promise<void> {
  const marked = pairs.filter(([, key]) => s.cache.get(key));
  await inSlices(
    marked,
    ([anchor, key]) => {
      if (!anchor.isConnected) return; // the page removed it meanwhile
      const chip = createChip(s.cache.get(key)!);
      anchor.after(chip);
      s.chips.push(chip);
    },
    { ...WRITES, alive: () => s === state }, // settings changed meanwhile: stop
  );
}

async function scanSearch(adapter: SearchAdapter, s = state): Promise<void> {
  const fresh = adapter.links(document).filter((a) => !s.done.has(a));
  const pairs: [Element, string][] = [];
  const read = (a: HTMLAnchorElement) => {
    s.done.add(a);
    const target = adapter.target(a);
    if (!target) return;
    try {
      const url = new URL(target);
      if (url.protocol === 'https:' || url.protocol === 'http:') pairs.push([a, url.hostname]);
    } catch {
      /* not a URL: no chip */
    }
  };
  if (!(await inSlices(fresh, read, { ...READS, alive: () => s === state }))) return;
  const unknown = [...new Set(pairs.map(([, h]) => h))].filter((h) => !s.cache.has(h));
  for (let i = 0; i < unknown.length; i += BATCH) {
    const hosts = unknown.slice(i, i + BATCH);
    const reply = await send({ type: 'cs-bg-links', url: location.href, hosts });
    if (s !== state) return;
    for (const h of hosts) s.cache.set(h, reply?.marks?.[h] ?? null);
  }
  await mark(pairs, s);
}

async function scanShop(adapter: ShopAdapter, s = state): Promise<void> {
  const candidates = tidy([...jsonLdCandidates(document), ...metaCandidates(document), ...adapter.byline(document)]);
  const signature = JSON.stringify(candidates);
  const roots = (adapter.tileRoots?.(document) ?? []).filter((r) => !s.done.has(r));
  const tiles: Tile[] = [];
  const read = (r: Element) => {
    s.done.add(r);
    const tile = adapter.tile?.(r);
    if (tile) tiles.push(tile);
  };
  if (!(await inSlices(roots, read, { ...READS, alive: () => s === state }))) return;
  const unknown = [...new Set(tiles.map((t) => t.value))].filter((v) => !s.cache.has(v));
  const pageChanged = signature !== s.signature;
  for (let i = 0; i === 0 || i < unknown.length; i += BATCH) {
    const items = unknown.slice(i, i + BATCH);
    if (!items.length && !(i === 0 && pageChanged)) break;
    const reply = await send({ type: 'cs-bg-brand', url: location.href, candidates: i === 0 ? candidates : [], items });
    if (s !== state) return;
    for (const v of items) s.cache.set(v, reply?.items?.[v] ?? null);
    if (i === 0 && pageChanged) {
      s.signature = signature;
      s.notice?.remove();
      s.notice = null;
      if (reply?.notice && !s.dismissed) {
        const notice = reply.notice;
        const host = document.createElement(NOTICE_TAG);
        renderNotice(
          host,
          notice,
          () => void send({ type: 'cs-bg-shop-details', id: notice.id }),
          () => {
            s.dismissed = true;
            host.remove();
            s.notice = null;
          },
        );
        s.notice = host;
        place(adapter, host);
      }
    }
  }
  if (s.notice && !s.notice.isConnected && s.restores < MAX_RESTORES) {
    s.restores++; // the page re-rendered its title (single-page apps): put the notice back
    place(adapter, s.notice);
  }
  await mark(
    tiles.map((t) => [t.anchor, t.value]),
    s,
  );
}

/** Right after the product title, or at the top of the main content when there is none. */
function place(adapter: ShopAdapter, host: HTMLElement): void {
  const title = adapter.title(document) ?? document.querySelector('h1');
  if (title) title.after(host);
  else (document.querySelector('main') ?? document.body).prepend(host);
}

// Scans finished (the background answered and the marks are drawn), for the e2e tests: a global
// of the content scripts' isolated world (read through the DevTools protocol), which the page's
// own scripts cannot see.
let scans = 0;
(globalThis as Record<string, unknown>).banwatchShopPage = { scans: () => scans };

function start(adapter: ShopAdapter | SearchAdapter): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;

  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await (adapter.kind === 'search' ? scanSearch(adapter) : scanShop(adapter));
      scans++;
    } catch {
      /* extension reloaded under us, or the page is gone: stay quiet */
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = null;
      void run();
    }, THROTTLE_MS);
  };

  const ours = (n: Node) => n.nodeName === CHIP_TAG.toUpperCase() || n.nodeName === NOTICE_TAG.toUpperCase();
  new MutationObserver((records) => {
    // Our own chips and notice do not count; anything else the page adds (more results) does.
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType === Node.ELEMENT_NODE && !ours(n)) return schedule();
      }
    }
  }).observe(document.body ?? document.documentElement, { childList: true, subtree: true });

  ext.storage.onChanged.addListener((changes, area) => {
    if (area !== 'managed' && ((area !== 'sync' && area !== 'local') || !Object.keys(changes).some((k) => SETTINGS.has(k as SettingKey)))) return;
    reset();
    schedule();
  });

  void run();
}

const site = siteForHost(location.hostname);
const adapter = site ? ADAPTERS[site.id] : undefined;
if (adapter && window.top === window) start(adapter);
