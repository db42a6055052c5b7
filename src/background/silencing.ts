// Everything that takes a warning away, and the decision log's record of it. Lasting choices
// (always allow a site, hide a vendor, snooze it until its data changes) are made only in
// BanWatch's own top-level pages — the popup, the details page, the warning page — never from a
// vendor page's script: a page can fake clicks on anything it hosts. Each accepted choice writes
// settings once and leaves one log entry naming the page it came from; a key the administrator
// enforces is refused (ok: false) and logs nothing.
import browser from '../shared/browser';
import type { Message, Replies } from '../shared/messages';
import { settingsEntry, warningEntry, type LogAction, type LogSource } from '../core/decision-log';
import type { Settings, UserSettingKey } from '../core/settings';
import type { WarningModel } from '../core/verdict';
import { verdict } from '../core/verdict';
import { hostFromUrl } from '../core/host';
import { recordDecision } from '../shared/decision-log-store';
import { loadContext } from '../shared/context';
import { detailsUrl, PAGES } from '../shared/pages';
import { updateSettings } from '../shared/settings-store';
import { allowOnce, evaluate, isWarningPageFor, syncStrictRules } from './strict-mode';

interface Sender {
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
}

/** Which of our pages sent a message (the browser's sender URL, never the message). */
function sourceOf(sender: Sender): LogSource | null {
  let path: string;
  try {
    path = new URL(sender.url ?? '').pathname.slice(1);
  } catch {
    return null;
  }
  const pages: Partial<Record<string, LogSource>> = { [PAGES.popup]: 'popup', [PAGES.details]: 'details', [PAGES.warning]: 'warning', [PAGES.options]: 'options' };
  return pages[path] ?? null;
}

const KEY_OF = { 'allow-site': 'allowedSites', 'hide-vendor': 'hiddenVendors', 'snooze-vendor': 'snoozed' } as const satisfies Record<string, UserSettingKey>;
const LOGGED_AS = { 'allow-site': 'allowed-site', 'hide-vendor': 'hid-vendor', 'snooze-vendor': 'snoozed' } as const satisfies Record<string, LogAction>;
type Choice = keyof typeof KEY_OF;

/**
 * Saves one lasting choice and logs it. ok: false when the administrator enforces the key (nothing
 * saved, nothing logged); ok: true and no second entry when it was already in place.
 */
async function choose(choice: Choice, host: string, w: WarningModel, source: LogSource, logAs: LogAction = LOGGED_AS[choice]): Promise<{ ok: boolean }> {
  const { state } = await loadContext();
  if (state.locked.includes(KEY_OF[choice])) return { ok: false };
  const edits: Record<Choice, (s: Settings) => Partial<Settings>> = {
    'allow-site': (s) => (s.allowedSites.includes(host) ? {} : { allowedSites: [...s.allowedSites, host] }),
    'hide-vendor': (s) => (s.hiddenVendors.includes(w.vendorId) ? {} : { hiddenVendors: [...s.hiddenVendors, w.vendorId] }),
    'snooze-vendor': (s) => (s.snoozed[w.vendorId] === w.signature ? {} : { snoozed: { ...s.snoozed, [w.vendorId]: w.signature } }),
  };
  const written = await updateSettings(edits[choice]);
  if (written.includes(KEY_OF[choice])) {
    const after = await loadContext();
    await recordDecision(warningEntry(choice === 'allow-site' ? host : '', w, logAs, source), after.settings.decisionLog);
  }
  return { ok: true };
}

/** The popup, details page or warning page: always allow a site, hide a vendor, snooze it. */
export async function onSilence(m: Message<'ui-bg-silence'>, sender: Sender): Promise<Replies['ui-bg-silence']> {
  const source = sourceOf(sender);
  if (source === null || source === 'options') return { ok: false };
  const ctx = await loadContext(m.action === 'allow-site' ? { hosts: [m.host] } : { ids: [m.vendorId] });
  // The warning judged on the site (allow-site) or for the vendor by id; either way our own data, not the message's claim.
  const v = m.action === 'allow-site' ? verdict(ctx, { host: m.host }) : verdict(ctx, { id: m.vendorId });
  const w = v.kind === 'vendor' ? (v.warning ?? v.explained) : null;
  if (!w || w.vendorId !== m.vendorId || (m.action === 'allow-site' && v.host === null)) return { ok: false };
  return choose(m.action, v.host ?? '', w, source);
}

/** The warning page: proceed to the URL it was opened for, once (this tab) or always (this site). */
export async function onProceed(m: Message<'ui-bg-proceed'>, sender: Sender): Promise<Replies['ui-bg-proceed']> {
  const tabId = sender.tab?.id;
  if (!isWarningPageFor(sender.url, m.url) || tabId === undefined) return { ok: false };
  const ctx = await loadContext({ hosts: [hostFromUrl(m.url)] });
  const e = evaluate(ctx, m.url);
  if (!e?.warning) return { ok: false };
  if (m.remember) {
    const saved = await choose('allow-site', e.host, e.warning, 'warning', 'proceeded-always');
    // The page goes to the site as soon as we answer: the redirect rule must already let it through.
    if (saved.ok) await syncStrictRules();
    return saved;
  }
  await allowOnce(tabId, e.host);
  await recordDecision(warningEntry(e.host, e.warning, 'proceeded-once', 'warning'), ctx.settings.decisionLog);
  return { ok: true };
}

// What each kind of options-page change is recorded as, and where it was made.
const SETTINGS_CHANGES = {
  options: { action: 'settings-changed', source: 'options' },
  import: { action: 'settings-imported', source: 'import' },
  reset: { action: 'settings-reset', source: 'options' },
} as const;

/**
 * The options page saved an edit, imported a settings file or reset the settings: one entry
 * saying which settings, and their values now. (The page names only keys it wrote or changed,
 * which never include one the administrator enforces: settings-owner.ts.)
 */
export async function onSettingsChanged(m: Message<'ui-bg-settings-changed'>, sender: Sender): Promise<Replies['ui-bg-settings-changed']> {
  if (sourceOf(sender) !== 'options') return { ok: false };
  const { settings, state } = await loadContext();
  const { action, source } = SETTINGS_CHANGES[m.source];
  const entry = settingsEntry(action, source, m.keys, settings);
  if (!entry) return { ok: false };
  // A change that switched the log off was made while it was on, so it is recorded (decisionLog=false).
  // (An enforced log cannot be switched off: a page's claim about it changes nothing.)
  const switchedLogOff = m.logWasOn && m.keys.includes('decisionLog') && !state.locked.includes('decisionLog');
  await recordDecision(entry, settings.decisionLog || switchedLogOff);
  return { ok: true };
}

/**
 * The details page for a vendor, opened from a page's button: one tab per vendor per page tab,
 * brought to the front when asked again (a page faking clicks gets no tab storm).
 */
export async function openDetailsOnce(fromTab: number | undefined, id: string): Promise<void> {
  const key = `details:${fromTab ?? 'none'}:${id}`;
  await navigator.locks.request(key, async (): Promise<void> => {
    const known = (await browser.storage.session.get(key))[key];
    if (typeof known === 'number') {
      const tab = await browser.tabs.update(known, { active: true }).catch(() => null);
      if (tab) {
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
        return;
      }
    }
    const created = await browser.tabs.create({ url: detailsUrl(id), ...(fromTab !== undefined && { openerTabId: fromTab }) });
    if (created.id !== undefined) await browser.storage.session.set({ [key]: created.id });
  });
}

/** A vendor page's button. Only "open the details page" is accepted: page events never change settings. */
export async function onAction(m: Message<'cs-bg-action'>, sender: Sender): Promise<Replies['cs-bg-action']> {
  if (m.action !== 'open-details') return { ok: false };
  const e = typeof sender.url === 'string' ? evaluate(await loadContext({ hosts: [hostFromUrl(sender.url)] }), sender.url) : null;
  // Only the vendor this page really belongs to, whatever the message claims.
  if (!e?.warning || e.warning.vendorId !== m.vendorId) return { ok: false };
  await openDetailsOnce(sender.tab?.id, e.warning.vendorId);
  return { ok: true };
}

const POLICY_LOGGED = 'decisionLogPolicySeen';
const POLICY_KEYS: readonly UserSettingKey[] = ['enabled', 'warningStyle', 'audience', 'minSeverity', 'authorities', 'allowedSites', 'hiddenVendors', 'snoozed'];

/**
 * The administrator's policy arrived or changed: when it takes warnings away (enforced settings
 * that can, or allowed sites), one entry saying what it sets — once per distinct policy, not at
 * every browser start.
 */
export async function logPolicy(): Promise<void> {
  await navigator.locks.request(POLICY_LOGGED, logPolicyOnce);
}

async function logPolicyOnce(): Promise<void> {
  const { state, settings } = await loadContext();
  if (!state.settled) return; // the cached copy only adds restrictions; wait for the browser's answer
  const enforced = POLICY_KEYS.filter((k) => Object.hasOwn(state.policy.enforced, k)).map((k) => `${k}=${JSON.stringify(state.policy.enforced[k])}`);
  const sites = state.policy.allowedSites.length ? [`allowedSites+=${JSON.stringify(state.policy.allowedSites)}`] : [];
  const detail = [...enforced, ...sites].join('; ').slice(0, 500);
  const seen = (await browser.storage.local.get(POLICY_LOGGED))[POLICY_LOGGED];
  if (!detail || seen === detail || !settings.decisionLog) return;
  await browser.storage.local.set({ [POLICY_LOGGED]: detail });
  await recordDecision({ host: '', vendorId: '', vendorName: '', ruling: '', severity: '', action: 'policy', source: 'policy', detail }, true);
}
