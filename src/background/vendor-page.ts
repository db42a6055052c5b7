// The background's side of a vendor page: the verdict for a visit (badge, decision log, strict
// mode), the banner's buttons, and the strict-mode page's questions. Nothing received is
// trusted: URLs are parsed again here, must be the sending frame's own (or the strict-mode page's
// own target), and vendor ids are looked up in our own data.
import browser from '../shared/browser';
import type { Message, PageReply, Replies, TabState } from '../shared/messages';
import { hostFromUrl } from '../core/host';
import { fingerprint } from '../core/values';
import { shownWarning, verdict, type WarningModel } from '../core/verdict';
import { recordDecision } from '../shared/decision-log-store';
import { detailsUrl, isWarningPageFor, warningUrl } from '../shared/pages';
import { updateSettings } from '../shared/settings-store';
import type { Settings } from '../core/settings';
import { loadContext, type Context } from '../shared/context';
import { bannerText } from '../vendor-page/banner-text';
import { allowOnce, isAllowedOnce, knownTabs, recheck, record } from './tabs';

interface Sender {
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  /** Chromium only; 'prerender' while the page is prerendered (its tab still shows another page). */
  documentLifecycle?: string | undefined;
}

/** The decision log entry for a warning (recorded only while the log is on). */
const logEntry = (host: string, w: WarningModel, action: 'warned' | 'proceeded-once' | 'proceeded-always') => ({
  host,
  vendorId: w.vendorId,
  vendorName: w.vendorName,
  ruling: w.rulings[0]?.shortName ?? '',
  severity: w.severity,
  action,
});

/** A URL a content script sends must be on the host of the frame the browser says sent it. */
const fromSenderHost = (url: string, sender: Sender) => {
  const claimed = hostFromUrl(url);
  return claimed !== null && typeof sender.url === 'string' && claimed === hostFromUrl(sender.url);
};

/** The vendor warning for `url` (whether or not the user's choices silence it), and the one it shows (null: none). */
function evaluate(ctx: Context, url: string) {
  const host = hostFromUrl(url);
  if (!host) return null;
  const v = verdict(ctx, { host });
  return { host, warning: v.kind === 'vendor' ? v.warning : null, shown: shownWarning(v) };
}

/** The verdict for `url` in a tab: what the page is told, and the state recorded for the tab (`load`: the page is loading now). */
async function decide(tabId: number, url: string, ctx: Context, load: boolean) {
  const e = evaluate(ctx, url);
  if (!e) return null;
  const { host, warning, shown } = e;
  const style = ctx.settings.warningStyle;
  const strict = !!shown && style === 'strict' && !(await isAllowedOnce(tabId, host, load));
  const text = bannerText(ctx, host);
  const reply: PageReply =
    !shown || !text || style === 'badge' ? { show: 'none' } : strict ? { show: 'strict', warningPage: warningUrl(url) } : { show: 'banner', banner: text };
  const state: TabState = { url, host, vendorId: warning?.vendorId ?? null, severity: warning?.severity ?? null, shown: fingerprint([reply, shown]) };
  return { host, shown, reply, state };
}

/**
 * A vendor page's verdict: records it for the tab (state and badge), logs the warning, and in
 * strict mode replaces the page with the warning page.
 */
async function visit(tabId: number, url: string, ctx: Context): Promise<PageReply> {
  const d = await decide(tabId, url, ctx, true);
  if (!d) return { show: 'none' };
  await record(tabId, d.state, d.shown);
  if (d.shown) await recordDecision(logEntry(d.host, d.shown, 'warned'), ctx.settings.decisionLog);
  if (d.reply.show === 'strict') await browser.tabs.update(tabId, { url: d.reply.warningPage });
  return d.reply;
}

/**
 * Settings or policy changed: each open vendor tab whose outcome would change is asked to check
 * again (and gets its new verdict, badge and log entry through `visit`); the others are left alone.
 */
export async function refreshTabs(): Promise<void> {
  const [ctx, tabs] = await Promise.all([loadContext(), knownTabs()]);
  await Promise.all(
    tabs.map(async ({ tabId, state }) => {
      const d = await decide(tabId, state.url, ctx, false);
      if (d?.state.shown !== state.shown) await recheck(tabId);
    }),
  );
}

/** An edit adding `item` to a list setting (nothing to write when it is there already). */
const adding =
  <K extends 'allowedSites' | 'hiddenVendors'>(key: K, item: string) =>
  (s: Settings): Partial<Settings> =>
    s[key].includes(item) ? {} : { [key]: [...s[key], item] };

export async function onPage(m: Message<'cs-bg-page'>, sender: Sender): Promise<Replies['cs-bg-page']> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !fromSenderHost(m.url, sender)) return { show: 'none' };
  const ctx = await loadContext();
  // A prerendered page may never be shown, and its tab still shows another page: answer it, but
  // set no badge, log nothing and redirect nothing. It asks again when it is shown.
  if (sender.documentLifecycle === 'prerender' || m.prerendering) return (await decide(tabId, m.url, ctx, false))?.reply ?? { show: 'none' };
  return visit(tabId, m.url, ctx);
}

export async function onAction(m: Message<'cs-bg-action'>, sender: Sender): Promise<Replies['cs-bg-action']> {
  if (!fromSenderHost(m.url, sender)) return { ok: false };
  const e = evaluate(await loadContext(), m.url);
  // Only act on the vendor this page really belongs to, whatever the message claims.
  if (!e?.warning || e.warning.vendorId !== m.vendorId) return { ok: false };
  const { host, warning } = e;
  const edits: Record<Exclude<typeof m.action, 'open-details'>, (s: Settings) => Partial<Settings>> = {
    'allow-site': adding('allowedSites', host),
    'hide-vendor': adding('hiddenVendors', warning.vendorId),
    'snooze-vendor': (s) => ({ snoozed: { ...s.snoozed, [warning.vendorId]: warning.signature } }),
  };
  if (m.action === 'open-details') await browser.tabs.create({ url: detailsUrl(warning.vendorId) });
  else await updateSettings(edits[m.action]);
  return { ok: true };
}

export async function onProceed(m: Message<'ui-bg-proceed'>, sender: Sender): Promise<Replies['ui-bg-proceed']> {
  const tabId = sender.tab?.id;
  if (!isWarningPageFor(sender.url, m.url) || tabId === undefined) return { ok: false };
  const ctx = await loadContext();
  const e = evaluate(ctx, m.url);
  if (!e?.warning) return { ok: false };
  if (m.remember) await updateSettings(adding('allowedSites', e.host));
  else await allowOnce(tabId, e.host);
  await recordDecision(logEntry(e.host, e.warning, m.remember ? 'proceeded-always' : 'proceeded-once'), ctx.settings.decisionLog);
  return { ok: true };
}

export async function onWarning(m: Message<'ui-bg-warning'>): Promise<Replies['ui-bg-warning']> {
  const e = evaluate(await loadContext(), m.url);
  return e && { host: e.host, warning: e.warning, shown: e.shown !== null };
}
