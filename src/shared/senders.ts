// Who sent a message to the background, as the browser reports it (runtime.MessageSender), never
// as the message claims. Each message in shared/messages.ts lists the classes that may send it.
import { siteForHost } from '../core/shopping/sites';

/**
 * Who sent a message, as the browser reports it (never as the message claims):
 * - vendor-page: the vendor-site script, in the top frame of a tab on a vendor site;
 * - shop-page: the shopping/search script, in the top frame of a tab on a marketplace or search engine;
 * - extension-page: one of BanWatch's own pages (popup, options, details, warning) at the top of its tab, or the popup;
 * - extension-frame: a BanWatch page framed inside another page's tab (frame id not 0). It has
 *   fewer rights than a top-level page: a frame in a hostile page can be clickjacked. No message lists it yet.
 */
export type SenderClass = 'vendor-page' | 'shop-page' | 'extension-page' | 'extension-frame';

/** The parts of runtime.MessageSender the classification reads. */
export interface SenderFacts {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  frameId?: number | undefined;
  /** Chromium: 'prerender' for a document being prerendered, whose top frame has a frame id other than 0. */
  documentLifecycle?: string | undefined;
}

/** This extension: its id and the base of its URLs (runtime.getURL('')), and of its per-session web-accessible URLs. */
interface Self {
  id: string;
  baseUrl: string;
  dynamicBase?: string;
}

export function senderClass(sender: SenderFacts, self: Self): SenderClass | null {
  if (sender.id !== self.id || typeof sender.url !== 'string') return null;
  const inTab = sender.tab?.id !== undefined;
  // The warning page is web-accessible with use_dynamic_url: it may be at this session's address too.
  const ours = sender.url.startsWith(self.baseUrl) || (self.dynamicBase !== undefined && sender.url.startsWith(self.dynamicBase));
  if (ours) return inTab && sender.frameId !== 0 ? 'extension-frame' : 'extension-page';
  // Content scripts speak only from a tab's top frame (they are declared for top frames only, so a
  // prerendered document's message is its top frame's, whatever its frame id).
  if (!inTab || (sender.frameId !== 0 && sender.documentLifecycle !== 'prerender')) return null;
  let hostname: string;
  try {
    hostname = new URL(sender.url).hostname;
  } catch {
    return null;
  }
  return siteForHost(hostname) ? 'shop-page' : 'vendor-page';
}
