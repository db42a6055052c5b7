// Per-tab state in storage.session: it survives the service worker being stopped, and the
// browser clears it when the browser closes.
import browser from '../shared/browser';
import type { TabState } from '../shared/messages';
import { grantCovers, type ProceedGrant } from '../core/proceed';

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
  const grant: ProceedGrant = { host, lastSeen: Date.now() };
  await browser.storage.session.set({ [proceedKey(tabId)]: grant });
}

/** Whether "Proceed this time" covers this page; a covered page load renews the allowance. */
export async function isAllowedOnce(tabId: number, host: string): Promise<boolean> {
  const got = await browser.storage.session.get(proceedKey(tabId));
  const grant: unknown = got[proceedKey(tabId)];
  const now = Date.now();
  if (!grantCovers(grant, host, now)) return false;
  await browser.storage.session.set({ [proceedKey(tabId)]: { ...grant, lastSeen: now } });
  return true;
}
