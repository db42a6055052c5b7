// Per-tab state and the toolbar badge; this module is the only one that sets either. The state
// lives in storage.session (shared/tab-state.ts). Tab badges persist across worker restarts; the
// browser resets them when the tab navigates.
import browser from '../shared/browser';
import type { PagePush } from '../shared/messages';
import { tabStateKey as key, type TabState } from '../shared/tab-state';
import type { WarningModel } from '../core/verdict';
import { setBadge } from './badge';

/** Records what a tab shows and sets its badge. */
export async function record(tabId: number, state: TabState, badge: WarningModel | null): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
  await setBadge(tabId, badge);
}

/**
 * Asks the vendor-site script in a tab's top frame to ask again for its page's verdict (which
 * then comes through the same path as a page load: state, badge, log, strict mode). When no
 * script answers, the tab has left the page or closed, and its state is forgotten.
 */
export async function recheck(tabId: number): Promise<void> {
  const message: PagePush = { type: 'bg-cs-recheck' };
  const answered: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => false);
  if (answered !== true) await browser.storage.session.remove(key(tabId));
}

/**
 * Tabs that showed a vendor page when last seen. (The background cannot read a tab's URL: it has
 * no `tabs` permission, and content-script matches do not grant it. `recheck` finds out whether
 * the page is still there.)
 */
export async function knownTabs(): Promise<{ tabId: number; state: TabState }[]> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  return Object.entries(all)
    .filter(([k, v]) => /^tab:\d+$/.test(k) && typeof (v as Partial<TabState> | null)?.url === 'string')
    .map(([k, v]) => ({ tabId: Number(k.slice(4)), state: v as TabState }));
}
