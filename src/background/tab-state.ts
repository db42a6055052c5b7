// Per-tab state in storage.session: it survives the service worker being stopped, and the
// browser clears it when the browser closes.
import browser from '../shared/browser';
import type { TabState } from '../shared/messages';

const key = (tabId: number) => `tab:${tabId}`;
const proceedKey = (tabId: number) => `proceed:${tabId}`;

export async function saveTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
}

export async function getTabState(tabId: number): Promise<TabState | null> {
  const got = await browser.storage.session.get(key(tabId));
  return (got[key(tabId)] as TabState | undefined) ?? null;
}

/** Strict mode: the user chose "Proceed once" for this host in this tab. */
export async function allowOnce(tabId: number, host: string): Promise<void> {
  await browser.storage.session.set({ [proceedKey(tabId)]: host });
}

export async function isAllowedOnce(tabId: number, host: string): Promise<boolean> {
  const got = await browser.storage.session.get(proceedKey(tabId));
  const allowed = got[proceedKey(tabId)];
  return typeof allowed === 'string' && (host === allowed || host.endsWith(`.${allowed}`));
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([key(tabId), proceedKey(tabId)]);
}
