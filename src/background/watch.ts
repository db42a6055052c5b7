// Settings or policy changed (the options page, a banner in another tab, another device through
// sync, the administrator): one listener decides what each change affects, so nothing is done
// twice and nothing is done for a change that concerns it not (a decision-log write, say).
import browser from '../shared/browser';
import { LEGACY_KEYS, SETTING_KEYS } from '../core/settings';
import { FEATURES } from '../core/shopping/sites';
import { onPolicyChange } from '../shared/policy-store';
import { refreshTabs } from './vendor-page';
import { syncRegistrations } from './shopping';
import { syncVendorScripts } from './vendor-scripts';
import { syncStrictRules } from './strict-mode';
import { logPolicy } from './silencing';
import { checkForUpdate } from './update-channel';

const SETTINGS = new Set<string>([...SETTING_KEYS, ...LEGACY_KEYS]);
const SHOPPING = new Set<string>(FEATURES);
// Keys that cannot change what a vendor page shows.
const NOT_FOR_PAGES = new Set<string>(['decisionLog', ...FEATURES]);

let pending: ReturnType<typeof setTimeout> | null = null;
/** Several keys often change together (import, reset): refresh the open tabs once. */
function refreshSoon(): void {
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    void refreshTabs().catch(() => undefined);
    void syncVendorScripts().catch(() => undefined); // what the next vendor page draws before its first paint
    void syncStrictRules().catch(() => undefined);
  }, 50);
}

/** Registered synchronously from background/index.ts. */
export function watchChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' && area !== 'local') return; // managed: the policy store re-reads and calls back below
    const keys = Object.keys(changes).filter((k) => SETTINGS.has(k));
    if (keys.some((k) => !NOT_FOR_PAGES.has(k))) refreshSoon();
    if (keys.some((k) => SHOPPING.has(k))) void syncRegistrations().catch(() => undefined);
    // The channel turned on (checks when due) or off (clears the alarm); a new mirror is asked at once.
    if (keys.includes('updateChannel') || keys.includes('updateUrl')) void checkForUpdate(keys.includes('updateUrl')).catch(() => undefined);
  });
  // The browser's answer to storage.managed arrived (it may differ from the cached copy), or changed.
  onPolicyChange(() => {
    refreshSoon();
    void logPolicy().catch(() => undefined);
    void syncRegistrations().catch(() => undefined);
    void checkForUpdate().catch(() => undefined);
  });
}
