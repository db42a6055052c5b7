/// <reference types="@crxjs/vite-plugin/client" />
// The user's choices, expressed as content-script registrations. The manifest's vendor-site
// script draws the banner from its build-time table with the default settings; for exactly the
// hosts where the user's effective settings (theirs with the policy applied) decide otherwise,
// this module registers a tiny override script that runs right after it, in the same task,
// before the first paint:
//   bw-hide-sites  hide.js on the sites the user allowed (and everything under them);
//   bw-hide        hide.js on listed domains the defaults warn on and the settings silence
//                  (disabled, badge only, hidden, snoozed, below the threshold, authorities off);
//   bw-show        show.js on listed domains the defaults leave silent and the settings warn on.
// A more specific listed domain that decides differently is excluded (as the match index does).
// Registrations persist across browser sessions but vanish on update: they are made again on
// install, update and startup, and on every change of settings or policy (background/watch.ts).
// Until then a page gets the default banner: one warning too many, never one too few.
import browser from '../shared/browser';
import { table } from '../vendor-page/table';
import hideScript from '../vendor-page/overrides/hide.ts?script&iife';
import showScript from '../vendor-page/overrides/show.ts?script&iife';
import { loadContext } from '../shared/context';
import { bannerShown } from '../vendor-page/banner-text';

const HIDE = hideScript.replace(/^\//, '');
const SHOW = showScript.replace(/^\//, '');
const IDS = ['bw-hide-sites', 'bw-hide', 'bw-show'] as const;

const pattern = (domain: string) => `*://*.${domain}/*`;
const under = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

interface Wanted {
  id: (typeof IDS)[number];
  js: string;
  matches: string[];
  excludes: string[];
}

/** The registrations the current settings and policy call for (empty `matches`: none). */
async function wanted(): Promise<Wanted[]> {
  const ctx = await loadContext('all');
  const domains = Object.keys(table.hosts);
  const hasText = (d: string) => table.hosts[d]![0] >= 0;
  const byDefault = (d: string) => table.hosts[d]![1];
  const want = new Map(domains.map((d) => [d, hasText(d) && bannerShown(ctx, d)]));
  const hide = domains.filter((d) => byDefault(d) && !want.get(d));
  const show = domains.filter((d) => !byDefault(d) && want.get(d));
  const below = (d: string) => domains.filter((e) => e !== d && under(e, d));
  const sites = ctx.settings.allowedSites.filter((s) => domains.some((d) => under(s, d)));
  return [
    { id: 'bw-hide-sites', js: HIDE, matches: sites.map(pattern), excludes: [] },
    { id: 'bw-hide', js: HIDE, matches: hide.map(pattern), excludes: hide.flatMap(below).filter((e) => want.get(e)).map(pattern) },
    {
      id: 'bw-show',
      js: SHOW,
      matches: show.map(pattern),
      excludes: [...show.flatMap(below).filter((e) => hasText(e) && !want.get(e)), ...sites].map(pattern),
    },
  ];
}

async function doSync(): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [...IDS] });
  for (const w of await wanted()) {
    const existing = registered.find((r) => r.id === w.id);
    const script = {
      id: w.id,
      js: [w.js],
      matches: w.matches,
      ...(w.excludes.length ? { excludeMatches: [...new Set(w.excludes)] } : {}),
      runAt: 'document_start' as const,
      allFrames: false,
      persistAcrossSessions: true,
    };
    const same = (a: readonly string[] | undefined, b: readonly string[]) => JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...b].sort());
    if (!w.matches.length) {
      if (existing) await browser.scripting.unregisterContentScripts({ ids: [w.id] });
    } else if (existing) {
      // Every update makes the browser reload the scripts in its renderers (and hold navigations to
      // matching pages until they are in): update only what changed.
      if (same(existing.matches, w.matches) && same(existing.excludeMatches, [...new Set(w.excludes)])) continue;
      await browser.scripting.updateContentScripts([{ ...script, excludeMatches: script.excludeMatches ?? [] }]);
    }
    else await browser.scripting.registerContentScripts([script]);
  }
}

let running: Promise<void> = Promise.resolve();
/** Brings the override registrations in line with settings and policy; runs one at a time. */
export function syncVendorScripts(): Promise<void> {
  running = running.catch(() => undefined).then(doSync);
  return running;
}

/** Registered synchronously from background/index.ts: registrations vanish on update, and a start re-checks them. */
export function watchVendorScripts(): void {
  const sync = () => void syncVendorScripts().catch(() => undefined);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
}
