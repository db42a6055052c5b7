// Every message between extension contexts, typed in one place. Names carry the direction:
// cs = content script, bg = background service worker, ui = extension pages (popup, options,
// details, warning). The background accepts only these shapes (see isMessage) and only from
// this extension's own contexts.
import type { WarningModel } from '../core/warning';
import type { BrandCandidate, BrandSource } from '../core/shopping/extract';
import type { Severity } from '../core/dataset/severity';
import type { Feature } from '../core/shopping/sites';

export type BannerAction = 'dismiss' | 'allow-site' | 'snooze-vendor' | 'hide-vendor' | 'open-details';

export interface CsBgPage {
  type: 'cs-bg-page';
  url: string;
}
export interface CsBgAction {
  type: 'cs-bg-action';
  action: BannerAction;
  vendorId: string;
  url: string;
}
export interface UiBgTabState {
  type: 'ui-bg-tab-state';
  tabId: number;
}
export interface UiBgProceed {
  type: 'ui-bg-proceed';
  url: string;
  remember: boolean; // true: add the site to the allowlist; false: this visit only
}

/** The warning for a URL (strict-mode page, popup), settings applied. */
export interface UiBgWarning {
  type: 'ui-bg-warning';
  url: string;
}

export type Message = CsBgPage | CsBgAction | UiBgTabState | UiBgProceed | UiBgWarning;

/** What the background answers to each message. */
export interface Replies {
  'cs-bg-page': PageReply;
  'cs-bg-action': { ok: boolean };
  'ui-bg-tab-state': TabState | null;
  'ui-bg-proceed': { ok: boolean };
  'ui-bg-warning': { host: string; warning: WarningModel | null; shown: boolean } | null;
}

/** The verdict for a page: show a banner, redirect to the strict-mode page, or nothing. */
export type PageReply =
  | { show: 'banner'; warning: WarningModel }
  | { show: 'strict'; warningPage: string }
  | { show: 'none' };

/** Per-tab state the background keeps in storage.session for the badge and the popup. */
export interface TabState {
  url: string;
  host: string;
  vendorId: string | null;
  severity: string | null;
}

const ACTIONS: readonly BannerAction[] = ['dismiss', 'allow-site', 'snooze-vendor', 'hide-vendor', 'open-details'];
const isString = (v: unknown, max = 8192): v is string => typeof v === 'string' && v.length <= max;

/** Decode guard: true only for a well-formed message of a known type. */
export function isMessage(m: unknown): m is Message {
  // A plain record only (what structured cloning delivers), and only its own properties count.
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
  const proto = Object.getPrototypeOf(m);
  if (proto !== Object.prototype && proto !== null) return false;
  const r: Record<string, unknown> = {};
  for (const k of ['type', 'url', 'action', 'vendorId', 'tabId', 'remember']) if (Object.hasOwn(m, k)) r[k] = (m as Record<string, unknown>)[k];
  switch (r.type) {
    case 'cs-bg-page':
      return isString(r.url);
    case 'cs-bg-action':
      return ACTIONS.includes(r.action as BannerAction) && isString(r.vendorId, 100) && isString(r.url);
    case 'ui-bg-tab-state':
      return Number.isInteger(r.tabId);
    case 'ui-bg-proceed':
      return isString(r.url) && typeof r.remember === 'boolean';
    case 'ui-bg-warning':
      return isString(r.url);
    default:
      return false;
  }
}

// --- Marketplaces and search results (issue #9, opt-in) ---------------------------------------

/** Product page (shopping sites): the structured brand fields found, and listing tiles' brands. */
export interface CsBgBrand {
  type: 'cs-bg-brand';
  url: string;
  candidates: BrandCandidate[];
  /** Distinct brand-field values of listing tiles on the page (not this page's product). */
  items: string[];
}
/** Search results page: the distinct hosts the result links point to. */
export interface CsBgLinks {
  type: 'cs-bg-links';
  url: string;
  hosts: string[];
}
/** The notice's or a chip's Details button: open the full ruling context. */
export interface CsBgShopDetails {
  type: 'cs-bg-shop-details';
  id: string;
}
/** Options page: bring the content-script registrations in line with settings and permissions. */
export interface UiBgShoppingSync {
  type: 'ui-bg-shopping-sync';
}
/** Decoded by isShopMessage (not isMessage) and answered by background/shopping.ts. */
export type ShopMessage = CsBgBrand | CsBgLinks | CsBgShopDetails | UiBgShoppingSync;
export interface ShopReplies {
  'cs-bg-brand': BrandReply;
  'cs-bg-links': LinksReply;
  'cs-bg-shop-details': { ok: boolean };
  'ui-bg-shopping-sync': ShoppingState;
}

/** What a brand or a result link is, with the user's settings applied. */
export interface ShopMark {
  kind: 'vendor' | 'reported-link';
  /** Vendor id, or the reported link's id (the details page answers for both). */
  id: string;
  /** The vendor's name, or the reported brand's ("Anzu Robotics"), never the linked vendor's. */
  name: string;
  /** Reported links only: the vendor the link is alleged to, and how. */
  linkedVendorName: string | null;
  relationship: string | null;
  severity: Severity;
  /** The headline ruling (vendors only). */
  ruling: { shortName: string; effect: string; since: string | null; state: string } | null;
}
export interface ShopNotice extends ShopMark {
  why: { value: string; name: string; source: BrandSource; field: string };
}
export interface BrandReply {
  notice: ShopNotice | null;
  items: Record<string, ShopMark>;
}
export interface LinksReply {
  marks: Record<string, ShopMark>;
}
export interface FeatureState {
  setting: boolean;
  granted: boolean;
  registered: boolean;
}
export type ShoppingState = Record<Feature, FeatureState>;

const SOURCES: readonly BrandSource[] = ['json-ld', 'meta', 'microdata', 'byline'];
const own = (m: object, k: string): unknown => (Object.hasOwn(m, k) ? (m as Record<string, unknown>)[k] : undefined);
const isPlainRecord = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));
const isList = <T>(v: unknown, max: number, item: (x: unknown) => x is T): v is T[] =>
  Array.isArray(v) && v.length <= max && v.every((x) => item(x));
const isCandidate = (v: unknown): v is BrandCandidate =>
  isPlainRecord(v) && isString(own(v, 'value'), 240) && SOURCES.includes(own(v, 'source') as BrandSource) && isString(own(v, 'field'), 60);
const isShortString = (max: number) => (v: unknown): v is string => isString(v, max);

/** Decode guard for the shopping messages: same rules as isMessage (plain record, own properties). */
export function isShopMessage(m: unknown): m is ShopMessage {
  if (!isPlainRecord(m)) return false;
  switch (own(m, 'type')) {
    case 'cs-bg-brand':
      return isString(own(m, 'url')) && isList(own(m, 'candidates'), 20, isCandidate) && isList(own(m, 'items'), 500, isShortString(240));
    case 'cs-bg-links':
      return isString(own(m, 'url')) && isList(own(m, 'hosts'), 500, isShortString(253));
    case 'cs-bg-shop-details':
      return isString(own(m, 'id'), 100);
    case 'ui-bg-shopping-sync':
      return true;
    default:
      return false;
  }
}
