// The background's one message listener: who sent it (the browser says, not the message), whether
// that sender may send it and whether it decodes (shared/messages.ts), then its handler below.
// Anything refused gets no answer at all.
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser';
import { accept, type Message, type MessageType, type Replies } from '../shared/messages';
import { senderClass } from '../shared/senders';
import { pageUrl } from '../shared/pages';
import { onPage } from './vendor-page';
import { onAction, onProceed, onSettingsChanged, onSilence } from './silencing';
import { onWarning } from './strict-mode';
import { onBrand, onLinks, onShopDetails, syncRegistrations } from './shopping';
import { checkForUpdate } from './update-channel';

type Handler<K extends MessageType> = (m: Message<K>, sender: Runtime.MessageSender) => Promise<Replies[K]>;

/** One handler per message type (the compiler checks none is missing). */
const HANDLERS: { [K in MessageType]: Handler<K> } = {
  'cs-bg-page': onPage,
  'cs-bg-action': onAction,
  'cs-bg-brand': onBrand,
  'cs-bg-links': onLinks,
  'cs-bg-shop-details': onShopDetails,
  'ui-bg-proceed': onProceed,
  'ui-bg-warning': onWarning,
  'ui-bg-silence': onSilence,
  'ui-bg-settings-changed': onSettingsChanged,
  'ui-bg-shopping-sync': () => syncRegistrations(),
  'ui-bg-update-check': () => checkForUpdate(true),
};

/** Registered synchronously from background/index.ts. */
export function listen(): void {
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL(''), dynamicBase: `${new URL(pageUrl('warning')).origin}/` };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const m = accept(raw, senderClass(sender, self));
    if (!m) return undefined;
    return (HANDLERS[m.type] as Handler<MessageType>)(m, sender);
  });
}
