// Background service worker. Listeners are registered synchronously at the top level (MV3 may
// stop and restart the worker at any time); per-tab state lives in storage.session, never in
// module variables.
import browser from '../shared/browser';
import { isMessage, isShopMessage, type Message } from '../shared/messages';
import { handleMessage } from './handlers';
import { watchSettings } from './settings-sync';
import { watchInstall } from './onboarding';
import { handleShopMessage, trustedShopSender, watchShopping } from './shopping';
import type { Runtime } from 'webextension-polyfill';

/** Only this extension's own contexts: its content script in a top frame, or its pages. */
function trustedSender(m: Message, sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
  if (m.type.startsWith('cs-')) return !fromPage && sender.tab?.id !== undefined && sender.frameId === 0;
  return fromPage;
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (isShopMessage(message)) return trustedShopSender(message, sender) ? handleShopMessage(message) : undefined; // #9
  if (!isMessage(message) || !trustedSender(message, sender)) return undefined; // ignore, say nothing
  return handleMessage(message, sender);
});

// Settings and policy changes update badges of open tabs (see settings-sync.ts).
watchSettings();

// Firefox asks before granting host access: on install, open the onboarding page when needed.
watchInstall();

// Marketplaces and search results (#9): keep the opt-in content-script registrations in line.
watchShopping();
