// Every message to the background, declared once: who may send it (a sender class, see
// shared/senders.ts), how it is decoded, and (src/background/router.ts, keyed by the same names)
// what handles it. Names carry the direction: cs = a content script, ui = an extension page,
// bg = the background. Senders use `send` (send.ts), which types each answer.
//
// Nothing received is trusted. A message is handled only when it comes from this extension,
// from a sender class its entry lists, and decodes: a plain record whose own properties have
// the declared types and bounds. Anything else gets no answer at all.
import type { BrandCandidate, BrandSource } from '../core/shopping/extract';
import type { BrandReply, LinksReply } from '../core/shopping/marks';
import type { Feature } from '../core/shopping/sites';
import type { WarningModel } from '../core/verdict';
import type { BannerText } from '../vendor-page/banner-text';
import type { ChannelState } from '../core/data-package/channel-state';
import { isPlainObject } from '../core/values';
import type { SenderClass } from './senders';

// --- Field decoders ---------------------------------------------------------------------------

type Guard<T> = (v: unknown) => v is T;

const text =
  (max = 8192): Guard<string> =>
  (v): v is string =>
    typeof v === 'string' && v.length <= max;
const oneOf =
  <T extends string>(values: readonly T[]): Guard<T> =>
  (v): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);
const boolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
const list =
  <T>(max: number, item: Guard<T>): Guard<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.length <= max && v.every((x) => item(x));
const record =
  <F extends Record<string, Guard<unknown>>>(fields: F): Guard<{ [K in keyof F]: Guarded<F[K]> }> =>
  (v): v is { [K in keyof F]: Guarded<F[K]> } =>
    isPlainObject(v) && Object.entries(fields).every(([k, check]) => check(Object.hasOwn(v, k) ? v[k] : undefined));
type Guarded<G> = G extends Guard<infer T> ? T : never;

/** What the vendor-site banner's buttons ask the background to do ("dismiss" stays in the page). */
const BANNER_ACTIONS = ['allow-site', 'snooze-vendor', 'hide-vendor', 'open-details'] as const;

/** Lasting choices, made only in BanWatch's own pages (popup, details, warning page). */
const SILENCE_ACTIONS = ['allow-site', 'hide-vendor', 'snooze-vendor'] as const;

const BRAND_SOURCES: readonly BrandSource[] = ['json-ld', 'meta', 'microdata', 'byline'];
const candidate: Guard<BrandCandidate> = record({ value: text(240), source: oneOf(BRAND_SOURCES), field: text(60) });

// --- The table ----------------------------------------------------------------------------------

interface Entry {
  from: readonly SenderClass[];
  fields: Record<string, Guard<unknown>>;
}

export const MESSAGES = {
  /** The vendor-site script asks for its page's verdict (and the background sets the badge and log, unless the page is being prerendered). */
  'cs-bg-page': { from: ['vendor-page'], fields: { url: text(), prerendering: boolean } },
  /** A banner button: the background acts only for the vendor this page really belongs to. */
  'cs-bg-action': { from: ['vendor-page'], fields: { action: oneOf(BANNER_ACTIONS), vendorId: text(100), url: text() } },
  /** A product page: the structured brand fields found, and listing tiles' distinct brand values. */
  'cs-bg-brand': { from: ['shop-page'], fields: { url: text(), candidates: list(20, candidate), items: list(500, text(240)) } },
  /** A search results page: the distinct hosts the result links point to. */
  'cs-bg-links': { from: ['shop-page'], fields: { url: text(), hosts: list(500, text(253)) } },
  /** The shopping notice's or a chip's Details button. */
  'cs-bg-shop-details': { from: ['shop-page'], fields: { id: text(100) } },
  /** The strict-mode page: proceed to the URL it was opened for, once or always. */
  'ui-bg-proceed': { from: ['extension-page'], fields: { url: text(), remember: boolean } },
  /** The popup, details page or warning page: a lasting choice (the background checks it against its own data and the policy). */
  'ui-bg-silence': { from: ['extension-page'], fields: { action: oneOf(SILENCE_ACTIONS), vendorId: text(100), host: text(253) } },
  /**
   * The options page saved settings (an edit, an imported file, a reset): the decision log records
   * which. `logWasOn`: the decision log was on before the change (a change that turns it off is
   * still recorded).
   */
  'ui-bg-settings-changed': {
    from: ['extension-page'],
    fields: { source: oneOf(['options', 'import', 'reset'] as const), keys: list(20, text(40)), logWasOn: boolean },
  },
  /** The strict-mode page: the warning for its URL. */
  'ui-bg-warning': { from: ['extension-page'], fields: { url: text() } },
  /** The options page: bring the shopping scripts' registrations in line with settings and permissions. */
  'ui-bg-shopping-sync': { from: ['extension-page'], fields: {} },
  /** The options page's "Check now" for data updates (the check runs only with the channel on). */
  'ui-bg-update-check': { from: ['extension-page'], fields: {} },
} as const satisfies Record<string, Entry>;

export type MessageType = keyof typeof MESSAGES;
type FieldsOf<K extends MessageType> = { -readonly [F in keyof (typeof MESSAGES)[K]['fields']]: Guarded<(typeof MESSAGES)[K]['fields'][F]> };
export type Message<K extends MessageType = MessageType> = K extends MessageType ? { type: K } & FieldsOf<K> : never;

/** The verdict for a vendor page: show a banner, replace the page with the strict-mode warning, or nothing. */
export type PageReply = { show: 'banner'; banner: BannerText } | { show: 'strict'; warningPage: string } | { show: 'none' };

/** The shopping scripts' registration, per feature: the setting, the host access, and whether the script is registered. */
export type ShoppingState = Record<Feature, { setting: boolean; granted: boolean; registered: boolean }>;

/** What the background answers to each message. */
export interface Replies {
  'cs-bg-page': PageReply;
  'cs-bg-action': { ok: boolean };
  'cs-bg-brand': BrandReply;
  'cs-bg-links': LinksReply;
  'cs-bg-shop-details': { ok: boolean };
  'ui-bg-proceed': { ok: boolean };
  'ui-bg-silence': { ok: boolean };
  'ui-bg-settings-changed': { ok: boolean };
  /** `allowLocked`: the administrator enforces the allowlist ("Always allow" is not offered). */
  'ui-bg-warning': { host: string; warning: WarningModel | null; shown: boolean; allowLocked: boolean } | null;
  'ui-bg-shopping-sync': ShoppingState;
  'ui-bg-update-check': ChannelState;
}
// Every message has exactly one reply type (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
true satisfies Same<keyof Replies, MessageType>;

/**
 * The message, when `raw` is a well-formed message of a known type that `from` may send;
 * otherwise null. Only the record's own properties count (structured cloning delivers plain
 * records; nothing may come in through a prototype).
 */
export function accept(raw: unknown, from: SenderClass | null): Message | null {
  if (from === null || !isPlainObject(raw) || !Object.hasOwn(raw, 'type') || typeof raw.type !== 'string') return null;
  if (!Object.hasOwn(MESSAGES, raw.type)) return null;
  const entry: Entry = MESSAGES[raw.type as MessageType];
  if (!entry.from.includes(from)) return null;
  return record(entry.fields)(raw) ? (raw as Message) : null;
}

/**
 * Background → vendor-site script (tabs.sendMessage): settings or policy changed what its page
 * gets; ask again (cs-bg-page). The script answers true at once, which tells the background it is there.
 */
export interface PagePush {
  type: 'bg-cs-recheck';
}
