// The vendor-site script: runs at document_start, in the top frame, only on vendor domains (the
// manifest's match list is generated from the data). It asks the background for its page's
// verdict, shows the banner as soon as the page has somewhere to put it, and asks again when the
// background says settings or policy changed what the page gets. Kept small: the data and the
// matching live in the background.
import type { WarningModel } from '../core/verdict';
import type { PagePush, PageReply } from '../shared/messages';
import { send } from '../shared/send';
import { renderBanner, type BannerChoice } from './banner';

type Ext = {
  runtime: {
    id: string;
    onMessage: { addListener(cb: (m: unknown, sender: { id?: string }, respond: (here: boolean) => void) => void): void };
  };
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
let shown = ''; // the warning the banner shows, as JSON: the same verdict again changes nothing

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
  shown = '';
}

function show(w: WarningModel): void {
  const json = JSON.stringify(w);
  if (host?.isConnected && json === shown) return; // keep its state (expanded, focus) as it is
  current = w;
  shown = json;
  host ??= Object.assign(document.createElement(TAG), { popover: 'manual' });
  renderBanner(host, w, onChoice);
  attach();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', keepRootRendered, { once: true });
  else keepRootRendered();
}

function onChoice(choice: BannerChoice): void {
  if (!current) return;
  if (choice === 'dismiss') {
    dismissed = true;
    remove();
    return;
  }
  void send({ type: 'cs-bg-action', action: choice, vendorId: current.vendorId, url: location.href });
}

function apply(reply: PageReply): void {
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

function ask(): void {
  send({ type: 'cs-bg-page', url: location.href }).then(apply, () => {
    /* extension reloaded or updated under us: this old script stays quiet */
  });
}

// Settings or policy changed what this page gets: ask again (only BanWatch itself can message this script).
ext.runtime.onMessage.addListener((m, sender, respond) => {
  if (sender.id !== ext.runtime.id || (m as Partial<PagePush> | null)?.type !== 'bg-cs-recheck') return;
  respond(true);
  ask();
});

ask();
