/// <reference types="@crxjs/vite-plugin/client" />
// Marketplaces and search results (issue #9, opt-in). Two jobs:
//
//  1. Registration. The content script src/shop-page/content.ts is registered dynamically
//     (scripting.registerContentScripts, persistAcrossSessions) for a feature's hosts only while
//     its setting is on AND the user granted those hosts (optional_host_permissions, asked for by
//     the options page on a click). `syncRegistrations` brings the registrations in line with
//     settings and permissions; it runs on install/startup, when permissions or the two settings
//     change, and when the options page asks. Nothing runs on those sites otherwise.
//
//  2. Verdicts. The content script sends the brand fields (or result hosts) it found; the data,
//     the matching and the user's settings stay here, through the same buildWarning/suppression
//     as the vendor-site banner.
import browser from '../shared/browser';
import type { Runtime } from 'webextension-polyfill';
// Not named index.ts: crxjs names chunks by file name, and a second "index.ts" chunk made its
// service-worker loader import the wrong one.
import shopScript from '../shop-page/content.ts?script&iife';
import { dataset } from '../core/dataset';
import { compareSeverity } from '../core/dataset/severity';
import { hostFromUrl } from '../core/host';
import { matchVendor, type MatchResult } from '../core/match';
import { buildBrandIndex, matchBrandField, type BrandEntity, type BrandIndex } from '../core/shopping/brand-matcher';
import { decideBrand } from '../core/shopping/extract';
import { FEATURES, matchesFor, originsFor, SCRIPT_IDS, siteForHost } from '../core/shopping/sites';
import type { Settings } from '../core/settings';
import { buildWarning, isAllowlisted, suppression } from '../core/warning';
import { todayIso } from '../shared/format';
import type { BrandReply, LinksReply, ShopMark, ShopMessage, ShopNotice, ShopReplies, ShoppingState } from '../shared/messages';
import { loadOrgList } from '../shared/policy-store';
import { loadSettings } from '../shared/settings-store';
import { getData, type Data } from './data';
import { DETAILS_PAGE } from './handlers';

/** The built content script's path in the extension (crxjs resolves `?script&iife` to it). */
export const SHOP_SCRIPT = shopScript.replace(/^\//, '');

// --- 1. Registration ----------------------------------------------------------------------

let queue: Promise<unknown> = Promise.resolve();

/** Serialised: two overlapping syncs would both try to register the same id. */
export function syncRegistrations(): Promise<ShoppingState> {
  const run = queue.then(doSync, doSync);
  queue = run.catch(() => undefined);
  return run;
}

async function doSync(): Promise<ShoppingState> {
  const settings = await loadSettings();
  const ids = FEATURES.map((f) => SCRIPT_IDS[f]);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids });
  const state = {} as ShoppingState;
  for (const feature of FEATURES) {
    const id = SCRIPT_IDS[feature];
    const granted = await browser.permissions.contains({ origins: originsFor(feature) });
    const want = settings[feature] && granted;
    const existing = registered.find((s) => s.id === id);
    const script = { id, js: [SHOP_SCRIPT], matches: matchesFor(feature), runAt: 'document_idle' as const, allFrames: false, persistAcrossSessions: true };
    const same = (a: string[] | undefined, b: string[]) => (a ?? []).map((x) => x.replace(/^\//, '')).sort().join() === [...b].sort().join();
    if (want && !existing) {
      await browser.scripting.registerContentScripts([script]);
    } else if (want && existing && (!same(existing.js, script.js) || !same(existing.matches, script.matches) || !existing.persistAcrossSessions)) {
      await browser.scripting.updateContentScripts([script]); // an update moved the file or the hosts
    } else if (!want && existing) {
      await browser.scripting.unregisterContentScripts({ ids: [id] });
    }
    state[feature] = { setting: settings[feature], granted, registered: want };
  }
  return state;
}

const FEATURE_KEYS = new Set<string>(FEATURES);

/** Registered synchronously from background/index.ts. */
export function watchShopping(): void {
  const sync = () => void syncRegistrations().catch(() => undefined);
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  // Revoked in the browser's own UI (or granted elsewhere): follow it.
  browser.permissions.onRemoved.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || Object.keys(changes).some((k) => FEATURE_KEYS.has(k))) sync();
  });
}

// --- 2. Verdicts ----------------------------------------------------------------------------

let brandIndex: { data: Data; index: BrandIndex } | null = null;

async function brands(): Promise<{ data: Data; index: BrandIndex }> {
  const data = await getData();
  if (brandIndex?.data !== data) {
    const organisationVendors = [...data.vendors.values()].filter((v) => v.origin === 'organisation').map((v) => v.vendor);
    brandIndex = {
      data,
      index: buildBrandIndex({ vendors: dataset.vendors, notRestricted: dataset.notRestricted, reportedLinks: dataset.reportedLinks, organisationVendors }),
    };
  }
  return brandIndex;
}

interface Context {
  data: Data;
  settings: Settings;
  today: string;
  orgRulings: Awaited<ReturnType<typeof loadOrgList>>['rulings'];
}

async function context(): Promise<Context> {
  const [data, settings, org] = await Promise.all([getData(), loadSettings(), loadOrgList()]);
  return { data, settings, today: todayIso(), orgRulings: org.rulings };
}

type Target = { kind: 'vendor'; vendorId: string } | { kind: 'reported-link'; id: string };

/** What a brand-matcher or domain-matcher answer points at; not-restricted points at nothing. */
function targetOf(x: BrandEntity | MatchResult): Target | null {
  if (x.kind === 'reported-link') return { kind: 'reported-link', id: x.id };
  if (x.kind !== 'vendor') return null;
  return { kind: 'vendor', vendorId: 'vendorId' in x ? x.vendorId : x.id };
}

/**
 * The mark for a vendor or reported link seen at `host` (the marketplace page, or a result's
 * host), with the user's settings applied, or null when they say nothing should be shown.
 */
function markFor(target: Target, host: string, c: Context): ShopMark | null {
  const { settings } = c;
  if (!settings.enabled || isAllowlisted(host, settings.allowedSites)) return null;
  if (target.kind === 'reported-link') {
    // Alleged, not established: never shown as the vendor, and at the lowest severity.
    const link = dataset.reportedLinks.find((r) => r.id === target.id);
    if (!link) return null;
    if (settings.hiddenVendors.includes(link.vendor) || settings.hiddenVendors.includes(link.id)) return null;
    if (compareSeverity('watch', settings.minSeverity) < 0) return null;
    const linked = c.data.vendors.get(link.vendor)?.vendor.name ?? link.vendor;
    return { kind: 'reported-link', id: link.id, name: link.name, linkedVendorName: linked, relationship: link.relationship, severity: 'watch', ruling: null };
  }
  const { vendorId } = target;
  const entry = c.data.vendors.get(vendorId);
  if (!entry) return null;
  const rulings = entry.origin === 'organisation' ? { rulings: [...dataset.rulings, ...c.orgRulings] } : dataset;
  const match = { kind: 'vendor' as const, vendorId, domain: host, host, evidence: 'believed' as const, origin: entry.origin };
  const warning = buildWarning(rulings, entry.vendor, match, settings, c.today, entry.origin);
  if (!warning || suppression(warning, host, settings) !== null) return null;
  const r = warning.rulings[0];
  return {
    kind: 'vendor',
    id: warning.vendorId,
    name: warning.vendorName,
    linkedVendorName: null,
    relationship: null,
    severity: warning.severity,
    ruling: r ? { shortName: r.shortName, effect: r.effect, since: r.since, state: r.state } : null,
  };
}

async function onBrand(m: Extract<ShopMessage, { type: 'cs-bg-brand' }>): Promise<BrandReply> {
  const none: BrandReply = { notice: null, items: {} };
  const host = hostFromUrl(m.url);
  const site = host ? siteForHost(host) : null;
  const c = await context();
  if (!host || site?.feature !== 'shoppingSites' || !c.settings.shoppingSites) return none;
  const { index } = await brands();
  let notice: ShopNotice | null = null;
  const verdict = decideBrand(m.candidates, index);
  if (verdict) {
    const target = targetOf(verdict.hit.entity);
    const mark = target && markFor(target, host, c);
    if (mark) {
      const { candidate, hit } = verdict;
      notice = { ...mark, why: { value: candidate.value, name: hit.name, source: candidate.source, field: candidate.field } };
    }
  }
  const items: Record<string, ShopMark> = {};
  for (const value of m.items) {
    const hit = matchBrandField(value, index);
    const target = hit && targetOf(hit.entity);
    const mark = target && markFor(target, host, c);
    if (mark) items[value] = mark;
  }
  return { notice, items };
}

async function onLinks(m: Extract<ShopMessage, { type: 'cs-bg-links' }>): Promise<LinksReply> {
  const host = hostFromUrl(m.url);
  const site = host ? siteForHost(host) : null;
  const c = await context();
  if (site?.feature !== 'searchResults' || !c.settings.searchResults) return { marks: {} };
  const marks: Record<string, ShopMark> = {};
  for (const resultHost of m.hosts) {
    const match = matchVendor(resultHost, c.data.index);
    const target = match && targetOf(match);
    const mark = target && markFor(target, match!.host, c);
    if (mark) marks[resultHost] = mark;
  }
  return { marks };
}

async function onDetails(id: string): Promise<{ ok: boolean }> {
  const data = await getData();
  const known = data.vendors.has(id) || dataset.reportedLinks.some((r) => r.id === id);
  if (!known) return { ok: false };
  await browser.tabs.create({ url: `${browser.runtime.getURL(DETAILS_PAGE)}?vendor=${encodeURIComponent(id)}` });
  return { ok: true };
}

/** Only this extension's pages may ask for a sync; content-script messages come from a tab's top frame. */
export function trustedShopSender(m: ShopMessage, sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
  if (m.type === 'ui-bg-shopping-sync') return fromPage;
  return !fromPage && sender.tab?.id !== undefined && sender.frameId === 0;
}

export async function handleShopMessage(m: ShopMessage): Promise<ShopReplies[ShopMessage['type']]> {
  switch (m.type) {
    case 'ui-bg-shopping-sync':
      return syncRegistrations();
    case 'cs-bg-brand':
      return onBrand(m);
    case 'cs-bg-links':
      return onLinks(m);
    case 'cs-bg-shop-details':
      return onDetails(m.id);
  }
}
