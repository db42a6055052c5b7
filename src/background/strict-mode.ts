// Strict mode: vendor pages are replaced by the warning page *before* the browser requests them,
// through declarativeNetRequest rules (core/strict-rules.ts) kept in line with the settings, the
// policy and the allowlists (background/watch.ts calls `syncStrictRules` on every change that
// matters). "Proceed this time" is a session rule scoped to one tab and one host.
//
// If a vendor page still loads in strict mode (say, the rules were not yet in line with a
// change), its script reports the visit and vendor-page.ts sends the tab to the warning page after
// the load; the warning page says the site had already opened. Where neither has host access (a
// domain from the organisation's list; Firefox after the user took access away) nothing can act:
// docs/admin.md says so.
import browser from '../shared/browser';
import type { Message, Replies } from '../shared/messages';
import { hostFromUrl } from '../core/host';
import { grantCovers, PROCEED_IDLE_MS, type ProceedGrant } from '../core/proceed';
import { proceedRule, strictDomains, strictRules } from '../core/strict-rules';
import { shownWarning, verdict } from '../core/verdict';
import { loadContext, type Context } from '../shared/context';
import { PAGES, pageUrl, targetOf } from '../shared/pages';
import { recordDecision } from '../shared/decision-log-store';
import { warningEntry } from '../core/decision-log';

type Dnr = typeof browser.declarativeNetRequest;
type Rules = Parameters<Dnr['updateDynamicRules']>[0]['addRules'];

const proceedKey = (tabId: number) => `proceed:${tabId}`;
const EXPIRY_ALARM = 'strict-proceed-expiry';

let queue: Promise<unknown> = Promise.resolve();

/** Brings the dynamic rules in line with the current settings and policy (serialised: the last call wins). */
export function syncStrictRules(): Promise<void> {
  const run = queue.then(async () => {
    const rules = strictRules(strictDomains(await loadContext('all')), pageUrl('warning')) as Rules;
    const old = await browser.declarativeNetRequest.getDynamicRules();
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: old.map((r) => r.id), addRules: rules });
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The vendor warning for a URL the warning page was opened for (null: not a vendor page). */
export function evaluate(ctx: Context, url: string) {
  const host = hostFromUrl(url);
  if (!host) return null;
  const v = verdict(ctx, { host });
  return { host, warning: v.kind === 'vendor' ? v.warning : null, shown: shownWarning(v) };
}

/** Whether `senderUrl` is our warning page opened for exactly `url` (its own address, not the per-session one getURL gives). */
export function isWarningPageFor(senderUrl: string | undefined, url: string): boolean {
  if (typeof senderUrl !== 'string') return false;
  try {
    const u = new URL(senderUrl);
    const ours = u.origin === new URL(pageUrl('warning')).origin || u.origin === new URL(browser.runtime.getURL('')).origin;
    // Chromium's sender URL carries the fragment (the original URL); should a browser drop it, the path still names the page.
    return ours && u.pathname === `/${PAGES.warning}` && (!senderUrl.includes('#') || targetOf(senderUrl) === url);
  } catch {
    return false;
  }
}

// --- "Proceed this time" ---------------------------------------------------------------------

async function grants(): Promise<{ tabId: number; grant: unknown }[]> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  return Object.entries(all)
    .filter(([k]) => /^proceed:\d+$/.test(k))
    .map(([k, grant]) => ({ tabId: Number(k.slice(8)), grant }));
}

/** Wakes the worker when the earliest grant would lapse. */
async function scheduleExpiry(): Promise<void> {
  const times = (await grants()).map(({ grant }) => (grant as Partial<ProceedGrant>)?.lastSeen).filter((t): t is number => typeof t === 'number');
  if (!times.length) await browser.alarms.clear(EXPIRY_ALARM);
  else browser.alarms.create(EXPIRY_ALARM, { when: Math.min(...times) + PROCEED_IDLE_MS + 1000 });
}

async function forget(tabId: number): Promise<void> {
  await browser.storage.session.remove(proceedKey(tabId));
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [tabId] });
}

/** Drops lapsed grants and their rules. */
async function expireGrants(): Promise<void> {
  const now = Date.now();
  for (const { tabId, grant } of await grants()) {
    const host = (grant as Partial<ProceedGrant>)?.host;
    if (typeof host !== 'string' || !grantCovers(grant, host, now)) await forget(tabId);
  }
  await scheduleExpiry();
}

/** The user chose "Proceed this time" for this host in this tab: let the tab reach it until a quiet spell. */
export async function allowOnce(tabId: number, host: string): Promise<void> {
  const grant: ProceedGrant = { host, lastSeen: Date.now() };
  await browser.storage.session.set({ [proceedKey(tabId)]: grant });
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [tabId], addRules: [proceedRule(tabId, host)] as Rules });
  await scheduleExpiry();
}

/** Whether "Proceed this time" covers this page; a page load (`renew`) renews the allowance. */
export async function isAllowedOnce(tabId: number, host: string, renew: boolean): Promise<boolean> {
  const got = await browser.storage.session.get(proceedKey(tabId));
  const grant: unknown = got[proceedKey(tabId)];
  const now = Date.now();
  if (!grantCovers(grant, host, now)) return false;
  if (renew) {
    await browser.storage.session.set({ [proceedKey(tabId)]: { ...grant, lastSeen: now } });
    await scheduleExpiry();
  }
  return true;
}

/** The warning page asks what to show for its URL (and, in strict mode, that is the warning shown: logged here). */
export async function onWarning(m: Message<'ui-bg-warning'>, sender: { url?: string | undefined }): Promise<Replies['ui-bg-warning']> {
  const ctx = await loadContext({ hosts: [hostFromUrl(m.url)] });
  const e = evaluate(ctx, m.url);
  if (e?.shown && isWarningPageFor(sender.url, m.url)) await recordDecision(warningEntry(e.host, e.shown, 'warned', 'warning'), ctx.settings.decisionLog);
  return e && { host: e.host, warning: e.warning, shown: e.shown !== null, allowLocked: ctx.state.locked.includes('allowedSites') };
}

/** Registered synchronously from background/index.ts. */
export function watchStrictMode(): void {
  // Dynamic rules persist, but with `use_dynamic_url` the warning page's address changes each browser session.
  browser.runtime.onStartup.addListener(() => void syncStrictRules().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void syncStrictRules().catch(() => undefined));
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === EXPIRY_ALARM) void expireGrants().catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forget(tabId).catch(() => undefined));
}
