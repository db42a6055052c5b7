// The background's side of a vendor page: the verdict for a visit (badge, decision log, strict
// mode's fallback). Nothing received is trusted: URLs are parsed again here and must be the
// sending frame's own. The banner's buttons and the warning page are handled in silencing.ts
// and strict-mode.ts.
import browser from '../shared/browser';
import type { Message, PageReply, Replies } from '../shared/messages';
import type { TabState } from '../shared/tab-state';
import { hostFromUrl } from '../core/host';
import { fingerprint } from '../core/values';
import { recordDecision } from '../shared/decision-log-store';
import { warningUrl } from '../shared/pages';
import { loadContext, type Context } from '../shared/context';
import { bannerText } from '../vendor-page/banner-text';
import { knownTabs, recheck, record } from './tabs';
import { evaluate, isAllowedOnce } from './strict-mode';
import { warningEntry } from '../core/decision-log';

interface Sender {
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  /** Chromium only; 'prerender' while the page is prerendered (its tab still shows another page). */
  documentLifecycle?: string | undefined;
}

/** A URL a content script sends must be on the host of the frame the browser says sent it. */
const fromSenderHost = (url: string, sender: Sender) => {
  const claimed = hostFromUrl(url);
  return claimed !== null && typeof sender.url === 'string' && claimed === hostFromUrl(sender.url);
};

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
 * strict mode replaces the page with the warning page (strict mode's rules let it load: they
 * cannot act on this host, see strict-mode.ts).
 */
async function visit(tabId: number, url: string, ctx: Context): Promise<PageReply> {
  const d = await decide(tabId, url, ctx, true);
  if (!d) return { show: 'none' };
  await record(tabId, d.state, d.shown);
  if (d.shown) await recordDecision(warningEntry(d.host, d.shown, 'warned', 'page'), ctx.settings.decisionLog);
  if (d.reply.show === 'strict') await browser.tabs.update(tabId, { url: d.reply.warningPage });
  return d.reply;
}

/**
 * Settings or policy changed: each open vendor tab whose outcome would change is asked to check
 * again (and gets its new verdict, badge and log entry through `visit`); the others are left alone.
 */
export async function refreshTabs(): Promise<void> {
  const tabs = await knownTabs();
  const ctx = await loadContext({ hosts: tabs.map(({ state }) => hostFromUrl(state.url)) });
  await Promise.all(
    tabs.map(async ({ tabId, state }) => {
      const d = await decide(tabId, state.url, ctx, false);
      if (d?.state.shown !== state.shown) await recheck(tabId);
    }),
  );
}

export async function onPage(m: Message<'cs-bg-page'>, sender: Sender): Promise<Replies['cs-bg-page']> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !fromSenderHost(m.url, sender)) return { show: 'none' };
  const ctx = await loadContext({ hosts: [hostFromUrl(m.url)] });
  // A prerendered page may never be shown, and its tab still shows another page: answer it, but
  // set no badge, log nothing and redirect nothing. It asks again when it is shown.
  if (sender.documentLifecycle === 'prerender' || m.prerendering) return (await decide(tabId, m.url, ctx, false))?.reply ?? { show: 'none' };
  return visit(tabId, m.url, ctx);
}
