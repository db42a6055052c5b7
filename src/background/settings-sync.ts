// Settings or policy changed (options page, a banner in another tab, the administrator): bring
// every tab the background knows about up to date. Content scripts re-evaluate their own page on
// storage.onChanged; this covers the toolbar badge and per-tab state for every tab, including
// tabs whose content script cannot or did not run. The organisation's vendor list comes from the
// policy, so a managed change also rebuilds the match data.
import browser from '../shared/browser';
import { LEGACY_KEYS, SETTING_KEYS } from '../core/settings';
import type { TabState } from '../shared/messages';
import { invalidateData } from './data';
import { POLICY_COPY_KEY } from '../shared/policy-store';
import { setBadge } from './badge';
import { warningFor } from './handlers';
import { saveTabState } from './tab-state';

const WATCHED = new Set<string>([...SETTING_KEYS, ...LEGACY_KEYS]);

/** Re-evaluates each tab recorded in storage.session (`tab:<id>`) and updates its badge. */
export async function refreshKnownTabs(): Promise<void> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  await Promise.all(
    Object.entries(all)
      .filter(([k]) => /^tab:\d+$/.test(k))
      .map(async ([k, v]) => {
        const tabId = Number(k.slice(4));
        const state = v as TabState;
        if (typeof state?.url !== 'string') return;
        let tabUrl: string | undefined;
        try {
          tabUrl = (await browser.tabs.get(tabId)).url;
        } catch {
          await browser.storage.session.remove(k); // the tab is gone
          return;
        }
        // The URL is visible only on hosts the content script may run on. A tab that has since
        // left the recorded page is left alone: the browser already cleared its badge.
        if (tabUrl !== state.url) return;
        const verdict = await warningFor(state.url);
        if (!verdict) return;
        const { host, warning, shown } = verdict;
        await saveTabState(tabId, { url: state.url, host, vendorId: warning?.vendorId ?? null, severity: warning?.severity ?? null });
        await setBadge(tabId, shown ? warning : null);
      }),
  );
}

let pending: ReturnType<typeof setTimeout> | null = null;

/** Registered synchronously from background/index.ts. */
export function watchSettings(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    // The policy, or the copy of it used while the browser is slow to deliver it (policy-store).
    if (area === 'managed' || (area === 'local' && POLICY_COPY_KEY in changes)) invalidateData();
    else if (area !== 'sync' && area !== 'local') return;
    else if (!Object.keys(changes).some((k) => WATCHED.has(k))) return; // e.g. the decision log
    // Several keys often change together (import, reset): refresh once.
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      void refreshKnownTabs().catch(() => undefined);
    }, 50);
  });
}
