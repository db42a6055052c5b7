// Every message between extension contexts, typed in one place. Names carry the direction:
// cs = content script, bg = background service worker, ui = extension pages (popup, options,
// details, warning). The background accepts only these shapes (see isMessage) and only from
// this extension's own contexts.
import type { WarningModel } from '../core/warning';

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
