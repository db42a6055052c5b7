/// <reference types="@crxjs/vite-plugin/client" />
// Marketplaces and search results, opt-in. Two jobs:
//
//  1. Registration. The script src/shop-page/content.ts is registered dynamically
//     (scripting.registerContentScripts, persistAcrossSessions) for a feature's hosts only while
//     its setting is on AND the user granted those hosts (optional_host_permissions, asked for by
//     the options page on a click). `syncRegistrations` brings the registrations in line with
//     settings and permissions; every trigger (install, startup, a permission or a setting
//     changed, the options page asking) goes through it, and requests that arrive close
//     together share one run. Nothing runs on those sites otherwise.
//
//  2. Marks. The script sends the brand fields (or result hosts) it found; the data, the matching
//     and the user's settings stay here, and the answer comes from the one verdict
//     (core/shopping/marks.ts).
import browser from '../shared/browser';
// Not named index.ts: crxjs names chunks by file name, and a second "index.ts" chunk made its
// service-worker loader import the wrong one.
import shopScript from '../shop-page/content.ts?script&iife';
import { hostFromUrl } from '../core/host';
import { brandMarks, linkMarks } from '../core/shopping/marks';
import { FEATURES, matchesFor, originsFor, SCRIPT_IDS, siteForHost } from '../core/shopping/sites';
import type { Message, Replies, ShoppingState } from '../shared/messages';
import { loadSettings } from '../shared/settings-store';
import { loadContext } from '../shared/context';
import { openDetailsOnce } from './silencing';

/** The built script's path in the extension (crxjs resolves `?script&iife` to it). */
const SHOP_SCRIPT = shopScript.replace(/^\//, '');

// --- 1. Registration ----------------------------------------------------------------------

let running: Promise<unknown> = Promise.resolve();
let waiting: Promise<ShoppingState> | null = null;
// Triggers come in bursts (the options page saves a setting, which the storage listener sees,
// and then asks itself): requests this close together share one run.
const GATHER_MS = 50;

/** Serialised (two overlapping runs would both register the same id); requests made while a run waits to start share it. */
export function syncRegistrations(): Promise<ShoppingState> {
  if (waiting) return waiting;
  const previous = running;
  const run = new Promise((resolve) => setTimeout(resolve, GATHER_MS))
    .then(() => previous)
    .then(() => {
      waiting = null;
      return doSync();
    });
  waiting = run;
  running = run.catch(() => undefined);
  return run;
}

async function doSync(): Promise<ShoppingState> {
  const { settings } = await loadSettings();
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

/** Registered synchronously from background/index.ts (settings changes come through background/watch.ts). */
export function watchPermissions(): void {
  const sync = () => void syncRegistrations().catch(() => undefined);
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  // Revoked in the browser's own UI (or granted elsewhere): follow it.
  browser.permissions.onRemoved.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
}

// --- 2. Marks -------------------------------------------------------------------------------

export async function onBrand(m: Message<'cs-bg-brand'>): Promise<Replies['cs-bg-brand']> {
  const host = hostFromUrl(m.url);
  const ctx = await loadContext({ brands: [...m.candidates.map((c) => c.value), ...m.items] });
  if (!host || siteForHost(host)?.feature !== 'shoppingSites' || !ctx.settings.shoppingSites) return { notice: null, items: {} };
  return brandMarks(ctx, ctx.brands(), host, m.candidates, m.items);
}

export async function onLinks(m: Message<'cs-bg-links'>): Promise<Replies['cs-bg-links']> {
  const host = hostFromUrl(m.url);
  const ctx = await loadContext({ hosts: m.hosts });
  if (!host || siteForHost(host)?.feature !== 'searchResults' || !ctx.settings.searchResults) return { marks: {} };
  return linkMarks(ctx, m.hosts);
}

export async function onShopDetails(m: Message<'cs-bg-shop-details'>, sender: { tab?: { id?: number | undefined } | undefined }): Promise<Replies['cs-bg-shop-details']> {
  const { catalog } = await loadContext({ ids: [m.id] });
  const entry = catalog.entry(m.id);
  if (entry?.kind !== 'vendor' && entry?.kind !== 'reported-link') return { ok: false };
  await openDetailsOnce(sender.tab?.id, m.id);
  return { ok: true };
}
