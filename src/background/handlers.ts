// What the background does for each message. Nothing received is trusted: URLs are parsed
// again here and vendor ids are looked up in our own data.
import browser from '../shared/browser';
import type { Runtime } from 'webextension-polyfill';
import type { Message, PageReply, Replies, TabState } from '../shared/messages';
import { hostFromUrl } from '../core/host';
import { matchVendor } from '../core/match';
import { buildWarning, suppression, type WarningModel } from '../core/warning';
import { dataset } from '../core/dataset';
import { loadSettings, saveSettings } from '../shared/settings-store';
import type { Settings } from '../core/settings';
import { todayIso } from '../shared/format';
import { getData } from './data';
import { setBadge } from './badge';
import { allowOnce, getTabState, isAllowedOnce, saveTabState } from './tab-state';
import { recordDecision } from '../shared/decision-log-store';
import { loadOrgList } from '../shared/policy-store';

/** The decision log entry for a warning (recorded only while the log is on). */
const logEntry = (host: string, w: WarningModel, action: 'warned' | 'proceeded-once' | 'proceeded-always') => ({
  host,
  vendorId: w.vendorId,
  vendorName: w.vendorName,
  ruling: w.rulings[0]?.shortName ?? '',
  severity: w.severity,
  action,
});

/**
 * A URL a content script sends must be on the host of the frame the browser says sent it
 * (sender.url, set by the browser, not by the script): a forged URL of another site is refused.
 */
function fromSenderHost(url: string, sender: Runtime.MessageSender): boolean {
  const claimed = hostFromUrl(url);
  return claimed !== null && typeof sender.url === 'string' && claimed === hostFromUrl(sender.url);
}

/**
 * The strict-mode page asks to proceed only to the URL it was opened for: the `url` parameter
 * of its own address, which the background built (see onPage).
 */
function fromWarningPageFor(url: string, sender: Runtime.MessageSender): boolean {
  if (typeof sender.url !== 'string' || !sender.url.startsWith(browser.runtime.getURL(WARNING_PAGE))) return false;
  return new URL(sender.url).searchParams.get('url') === url;
}

export const DETAILS_PAGE = 'src/details/index.html';
export const WARNING_PAGE = 'src/warning/index.html';

type Verdict = { host: string; warning: WarningModel | null; shown: boolean };

/** The warning for a URL with the user's settings applied (and those settings), or null. */
async function evaluate(url: string): Promise<(Verdict & { settings: Settings }) | null> {
  const host = hostFromUrl(url);
  if (!host) return null;
  const [data, settings] = await Promise.all([getData(), loadSettings()]);
  const match = matchVendor(host, data.index);
  const entry = match?.kind === 'vendor' ? data.vendors.get(match.vendorId) : undefined;
  if (!match || match.kind !== 'vendor' || !entry) return { host, warning: null, shown: false, settings };
  // An organisation's vendors may cite the organisation's own rulings as well as bundled ones.
  const rulings = entry.origin === 'organisation' ? { rulings: [...dataset.rulings, ...(await loadOrgList()).rulings] } : dataset;
  const warning = buildWarning(rulings, entry.vendor, match, settings, todayIso(), entry.origin);
  return { host, warning, shown: !!warning && suppression(warning, host, settings) === null, settings };
}

/** The warning for a URL with the user's settings applied, or null. */
export async function warningFor(url: string): Promise<Verdict | null> {
  const v = await evaluate(url);
  return v && { host: v.host, warning: v.warning, shown: v.shown };
}

async function onPage(url: string, tabId: number): Promise<PageReply> {
  const verdict = await evaluate(url);
  if (!verdict) return { show: 'none' };
  const { host, warning, shown, settings } = verdict;
  const state: TabState = { url, host, vendorId: warning?.vendorId ?? null, severity: warning?.severity ?? null };
  await saveTabState(tabId, state);
  await setBadge(tabId, shown ? warning : null);
  if (!shown || !warning) return { show: 'none' };
  await recordDecision(logEntry(host, warning, 'warned'));

  if (settings.warningStyle === 'badge') return { show: 'none' };
  if (settings.warningStyle === 'strict' && !(await isAllowedOnce(tabId, host))) {
    const page = `${browser.runtime.getURL(WARNING_PAGE)}?url=${encodeURIComponent(url)}`;
    await browser.tabs.update(tabId, { url: page });
    return { show: 'strict', warningPage: page };
  }
  return { show: 'banner', warning };
}

async function onAction(m: Extract<Message, { type: 'cs-bg-action' }>): Promise<{ ok: boolean }> {
  const verdict = await evaluate(m.url);
  // Only act on the vendor this page really belongs to, whatever the message claims.
  if (!verdict?.warning || verdict.warning.vendorId !== m.vendorId) return { ok: false };
  const { host, warning, settings } = verdict;
  switch (m.action) {
    case 'allow-site':
      if (!settings.allowedSites.includes(host)) await saveSettings({ allowedSites: [...settings.allowedSites, host] });
      break;
    case 'hide-vendor':
      if (!settings.hiddenVendors.includes(warning.vendorId)) await saveSettings({ hiddenVendors: [...settings.hiddenVendors, warning.vendorId] });
      break;
    case 'snooze-vendor':
      await saveSettings({ snoozed: { ...settings.snoozed, [warning.vendorId]: warning.signature } });
      break;
    case 'open-details':
      await browser.tabs.create({ url: `${browser.runtime.getURL(DETAILS_PAGE)}?vendor=${encodeURIComponent(warning.vendorId)}` });
      break;
    case 'dismiss':
      break;
  }
  return { ok: true };
}

async function onProceed(m: Extract<Message, { type: 'ui-bg-proceed' }>, tabId: number | undefined): Promise<{ ok: boolean }> {
  const verdict = await evaluate(m.url);
  if (!verdict?.warning || tabId === undefined) return { ok: false };
  if (m.remember) {
    const { allowedSites } = verdict.settings;
    if (!allowedSites.includes(verdict.host)) await saveSettings({ allowedSites: [...allowedSites, verdict.host] });
  } else {
    await allowOnce(tabId, verdict.host);
  }
  await recordDecision(logEntry(verdict.host, verdict.warning, m.remember ? 'proceeded-always' : 'proceeded-once'));
  return { ok: true };
}

export async function handleMessage(m: Message, sender: Runtime.MessageSender): Promise<Replies[Message['type']]> {
  switch (m.type) {
    case 'cs-bg-page':
      if (!fromSenderHost(m.url, sender)) return { show: 'none' };
      return onPage(m.url, sender.tab!.id!);
    case 'cs-bg-action':
      if (!fromSenderHost(m.url, sender)) return { ok: false };
      return onAction(m);
    case 'ui-bg-tab-state':
      return getTabState(m.tabId);
    case 'ui-bg-proceed':
      if (!fromWarningPageFor(m.url, sender)) return { ok: false };
      return onProceed(m, sender.tab?.id);
    case 'ui-bg-warning':
      return warningFor(m.url);
  }
}
