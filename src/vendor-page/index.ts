// The vendor-site script: a manifest content script at document_start, top frame, on vendor
// domains only. It draws the banner synchronously from the build-time table (banner-text.ts),
// before the page's first paint, without reading storage or waking the service worker. The
// user's own choices arrive as override scripts (overrides/) that the background registers for
// exactly the hosts whose verdict differs from the default; they run right after this script, in
// the same task, and call `api` below. Then the script asks the background (badge, decision log,
// strict mode), which may correct the banner (the policy adds or removes a warning).
//
// The page is the adversary: the host is a fresh `div` with a closed shadow root in the top layer
// (manual popover), re-shown with a bounded back-off when the page removes, hides or covers it;
// no attribute names BanWatch; every handler ignores untrusted events.
import { table } from './table';
import type { PagePush, PageReply } from '../shared/messages';
import { send } from '../shared/send';
import { renderBanner, type BannerCard, type BannerChoice } from './banner';
import type { BannerText } from './banner-text';
import { lookup } from './lookup';
import { API_NAME, EARLY_OVERRIDE, type BannerProbe, type VendorPageApi } from './api';

type Ext = {
  runtime: {
    id: string;
    onMessage: { addListener(cb: (m: unknown, sender: { id?: string }, respond: (here: boolean) => void) => void): void };
  };
};
const ext = ((globalThis as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome) as Ext;

// Re-shows allowed within one burst of page interference; after that the toolbar badge (which the
// page cannot touch) still tells the truth. A quiet spell of BURST_MS starts a new burst.
const MAX_RESHOWS = 8;
const BURST_MS = 10_000;

const { texts, hosts } = table;
const listed = lookup(hosts, location.hostname);
let text: BannerText | null = listed && listed[0] >= 0 ? texts[listed[0]]! : null;
let host: HTMLElement | null = null;
let card: BannerCard;
const NO_CARD = { modal: false, texts: [], buttons: [], rect: null };
let dismissed = false;
let reshows = 0;
let lastTrouble = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let answers = 0;
let shownAt: number | null = null;
let hiddenAt: number | null = null;
let hiddenBy: BannerProbe['hiddenBy'] = null;

// Removal: of the banner, or of the whole root element (the banner is put into the new one).
// Only the banner's parent is watched (cheap on huge pages), and the banner's own attributes
// (removing `popover` closes it without a toggle event).
const removal = new MutationObserver(() => {
  if (host && host.parentNode !== document.documentElement) trouble();
});
removal.observe(document, { childList: true });
let watchedRoot: Element | null = null;

function show(): void {
  if (dismissed || !text) return;
  if (!host) {
    host = document.createElement('div');
    host.popover = 'manual';
    host.addEventListener('toggle', (e) => {
      if ((e as ToggleEvent).newState === 'closed') trouble();
    });
    new MutationObserver(trouble).observe(host, { attributes: true });
    card = renderBanner(host.attachShadow({ mode: 'closed' }), text, choose);
  }
  reassert();
  shownAt ??= performance.now();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', keepRootRendered, { once: true });
  else keepRootRendered();
}

function hide(by: NonNullable<BannerProbe['hiddenBy']>): void {
  const h = host;
  host = null; // first: the observers below ignore a removal once `host` is gone
  if (h) (hiddenAt = performance.now()), (hiddenBy = by);
  h?.remove();
}

/** Puts the banner back in the document and on top of the top layer. */
function reassert(): void {
  if (!host) return;
  const parent = document.documentElement;
  if (!parent) return;
  if (host.parentNode !== parent) parent.append(host);
  if (watchedRoot !== parent) removal.observe((watchedRoot = parent), { childList: true });
  if (host.popover !== 'manual') host.popover = 'manual';
  try {
    // Re-showing moves it above whatever the page put in the top layer since.
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
  } catch {
    /* popover unsupported: the fixed position and z-index still apply */
  }
  card.setModal(document.querySelector(':modal') !== null);
}

/** The page removed, hid or covered the banner: re-show it, at once for the first few times, then with a growing delay, then no more. */
function trouble(): void {
  if (!host || timer !== undefined) return;
  const now = Date.now();
  if (now - lastTrouble > BURST_MS) reshows = 0;
  lastTrouble = now;
  if (reshows >= MAX_RESHOWS) return;
  const delay = reshows < 3 ? 0 : 50 * 2 ** (reshows - 3);
  reshows++;
  if (!delay) return reassert();
  timer = setTimeout(() => {
    timer = undefined;
    reassert();
  }, delay);
}

/** A page whose CSS hides its own root element would take the banner with it: undo only that. */
function keepRootRendered(): void {
  const root = document.documentElement;
  if (host?.isConnected && getComputedStyle(root).display === 'none') root.style.setProperty('display', 'block', 'important');
}

function choose(choice: BannerChoice): void {
  if (choice === 'dismiss') {
    dismissed = true;
    return hide('user');
  }
  if (text) void send({ type: 'cs-bg-action', action: 'open-details', vendorId: text.vendorId, url: location.href }).catch(() => undefined);
}

function apply(reply: PageReply): void {
  answers++;
  if (reply.show === 'strict') {
    document.documentElement.style.setProperty('visibility', 'hidden', 'important');
    return; // the background is replacing this page with the warning page
  }
  if (reply.show !== 'banner') return hide('background');
  if (text && JSON.stringify(text) !== JSON.stringify(reply.banner)) hide('background'); // the policy or today's date changed the text
  text = reply.banner;
  show();
}

function ask(): void {
  const prerendering = (document as { prerendering?: boolean }).prerendering === true;
  send({ type: 'cs-bg-page', url: location.href, prerendering }).then(apply, () => {
    /* extension reloaded or updated under us: this old script stays quiet */
  });
}

const api: VendorPageApi = {
  hide: () => hide('override'),
  show,
  probe() {
    const c = host ? card.describe() : NO_CARD;
    const at = c.rect && document.elementFromPoint(c.rect.x + c.rect.width / 2, c.rect.y + c.rect.height / 2);
    return { shown: !!host?.isConnected, vendorId: text?.vendorId ?? null, open: !!host?.matches(':popover-open'), answers, shownAt, hiddenAt, hiddenBy, onTop: !!host && at === host, ...c };
  },
};
(globalThis as Record<string, unknown>)[API_NAME] = api;

// Shown by default, unless an override that ran first said otherwise.
const early = (globalThis as Record<string, unknown>)[EARLY_OVERRIDE];
if (early === 'show' || (listed?.[1] && early !== 'hide')) show();

// Covering: the page opened (or closed) its own popover, modal dialog or fullscreen element.
document.addEventListener('toggle', (e) => e.target !== host && trouble(), true);
document.addEventListener('close', () => trouble(), true);
document.addEventListener('fullscreenchange', () => trouble());
document.addEventListener('prerenderingchange', (e) => e.isTrusted && ask(), { once: true });
// Back/forward cache: the page comes back as it was, but the badge does not; ask again.
addEventListener('pageshow', (e) => e.isTrusted && e.persisted && ask());

// Settings or policy changed what this page gets: ask again (only BanWatch itself can message this script).
ext.runtime.onMessage.addListener((m, sender, respond) => {
  if (sender.id !== ext.runtime.id || (m as Partial<PagePush> | null)?.type !== 'bg-cs-recheck') return;
  respond(true);
  ask();
});

ask();
