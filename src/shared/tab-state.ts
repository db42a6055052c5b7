// What the background keeps per tab, in storage.session: it survives the service worker being
// stopped, and the browser clears it when it closes. The background writes it (background/tabs.ts);
// BanWatch's pages may read it too (content scripts may not: storage.session is for trusted
// contexts only), so the popup finds its tab's URL there without waking the service worker.
import browser from './browser';

/** What the background keeps per tab for the badge, the popup and later refreshes. */
export interface TabState {
  url: string;
  host: string;
  vendorId: string | null;
  severity: string | null;
  /** A fingerprint of what the page and badge were last given: a refresh that would change nothing does nothing. */
  shown?: string;
}

export const tabStateKey = (tabId: number) => `tab:${tabId}`;

/** The state the background recorded for a tab, or null. */
export async function readTabState(tabId: number): Promise<TabState | null> {
  const got = await browser.storage.session.get(tabStateKey(tabId));
  return (got[tabStateKey(tabId)] as TabState | undefined) ?? null;
}
