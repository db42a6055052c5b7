// Content script: runs at document_start, in the top frame, only on vendor domains (the
// manifest's match list is generated from the data). It asks the background for the verdict
// and shows the banner as soon as the page has somewhere to put it. Kept small: the data and
// the matching live in the background.
import type { WarningModel } from '../core/warning';
import type { BannerAction, Message, PageReply } from '../shared/messages';
import { renderBanner } from './banner';

type Ext = {
  runtime: { sendMessage(m: Message): Promise<unknown> };
  storage: { onChanged: { addListener(cb: (changes: object, area: string) => void): void } };
};
const ext = ((globalThis as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome) as Ext;

const TAG = 'banwatch-banner';
// A hostile page may delete the banner; it is put back this many times, after which the
// toolbar badge (which the page cannot touch) still tells the truth.
const MAX_RESTORES = 5;

let host: HTMLElement | null = null;
let dismissed = false;
let restores = 0;
let current: WarningModel | null = null;

const send = <T>(m: Message) => ext.runtime.sendMessage(m) as Promise<T>;

function attach(): void {
  if (!host || host.isConnected) return;
  document.documentElement.append(host);
  try {
    // The top layer sits above every page overlay, whatever its z-index.
    host.showPopover();
  } catch {
    /* popover unsupported: the fixed position and z-index still apply */
  }
}

/** A page whose CSS hides its own root element would take the banner with it: undo only that. */
function keepRootRendered(): void {
  const root = document.documentElement;
  if (host?.isConnected && getComputedStyle(root).display === 'none') root.style.setProperty('display', 'block', 'important');
}

function remove(): void {
  host?.remove();
  host = null;
  current = null;
}

function show(w: WarningModel): void {
  current = w;
  host ??= Object.assign(document.createElement(TAG), { popover: 'manual' });
  renderBanner(host, w, onAction);
  attach();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', keepRootRendered, { once: true });
  else keepRootRendered();
}

function onAction(action: BannerAction): void {
  if (!current) return;
  if (action === 'dismiss') {
    dismissed = true;
    remove();
    return;
  }
  void send({ type: 'cs-bg-action', action, vendorId: current.vendorId, url: location.href });
}

async function evaluate(): Promise<void> {
  let reply: PageReply;
  try {
    reply = await send<PageReply>({ type: 'cs-bg-page', url: location.href });
  } catch {
    return; // extension reloaded or updated under us: this old script stays quiet
  }
  if (reply.show === 'strict') {
    document.documentElement.style.setProperty('visibility', 'hidden', 'important');
    return; // the background is replacing this page with the warning page
  }
  if (reply.show !== 'banner' || dismissed) return remove();
  show(reply.warning);
}

new MutationObserver(() => {
  if (host && !host.isConnected && restores < MAX_RESTORES) {
    restores++;
    attach();
  }
}).observe(document.documentElement, { childList: true }); // only the banner's parent: cheap on huge pages

// Settings changed in the options page or from a banner in another tab: apply them live.
ext.storage.onChanged.addListener((_changes, area) => {
  if (area === 'sync' || area === 'local' || area === 'managed') void evaluate();
});

void evaluate();
