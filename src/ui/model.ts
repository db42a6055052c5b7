// What the popup and the details page show for a vendor, built from the same core functions the
// background uses (buildWarning, suppression), so a page never disagrees with the banner.
import { dataset } from '../core/dataset';
import type { Authority, NotRestricted, ReportedLink, Ruling, Vendor } from '../core/dataset/schema';
import { AUTHORITIES } from '../core/dataset/schema';
import { statusOn } from '../core/dataset/status';
import { primaryDomain } from '../core/dataset/severity';
import type { MatchResult } from '../core/match';
import type { Settings } from '../core/settings';
import { buildWarning, suppression, type Suppressed, type WarningModel } from '../core/warning';

export type VendorMatch = Extract<MatchResult, { kind: 'vendor' }>;
export type Origin = 'bundled' | 'organisation';

/** The data a page works from: bundled plus the organisation's own list. */
export interface PageData {
  settings: Settings;
  orgVendors: Vendor[];
  orgRulings: Ruling[];
  today: string;
}

export type Entry =
  | { kind: 'vendor'; vendor: Vendor; origin: Origin }
  | { kind: 'not-restricted'; item: NotRestricted }
  | { kind: 'reported-link'; item: ReportedLink };

/** Every ruling a vendor may cite (the organisation's own come after the bundled ones). */
export function rulingsFor(data: Pick<PageData, 'orgRulings'>): Ruling[] {
  return data.orgRulings.length ? [...dataset.rulings, ...data.orgRulings] : dataset.rulings;
}

export function findRuling(data: Pick<PageData, 'orgRulings'>, id: string): Ruling | undefined {
  return dataset.rulings.find((r) => r.id === id) ?? data.orgRulings.find((r) => r.id === id);
}

/** Look an id up among vendors (organisation first), not-restricted entries and reported links. */
export function findEntry(id: string, data: Pick<PageData, 'orgVendors'>): Entry | null {
  const org = data.orgVendors.find((v) => v.id === id);
  if (org) return { kind: 'vendor', vendor: org, origin: 'organisation' };
  const vendor = dataset.vendors.find((v) => v.id === id);
  if (vendor) return { kind: 'vendor', vendor, origin: 'bundled' };
  const item = dataset.notRestricted.find((n) => n.id === id);
  if (item) return { kind: 'not-restricted', item };
  const link = dataset.reportedLinks.find((r) => r.id === id);
  if (link) return { kind: 'reported-link', item: link };
  return null;
}

/** Why no warning shows although the vendor matched (core reasons plus the two the UI adds). */
export type WarningsOff = Suppressed | 'authorities-off' | 'nothing-in-force';

export interface InactiveRuling {
  ruling: Ruling;
  vendorRuling: Vendor['rulings'][number];
  state: string;
}

export interface VendorModel {
  /** What applies today, with every authority counted: what the page explains. */
  view: WarningModel | null;
  /** Null when the user would get a warning; otherwise why not. */
  off: WarningsOff | null;
  /** Rulings on record that do not apply today (lifted, superseded, listing not yet dated). */
  inactive: InactiveRuling[];
}

const ALL_AUTHORITIES = Object.fromEntries(AUTHORITIES.map((a) => [a, true])) as Record<Authority, boolean>;

/**
 * The vendor as the pages show it. Without `match` (details page, lookup) there is no "why this
 * site" and the allowlist is not consulted.
 */
export function vendorModel(vendor: Vendor, origin: Origin, data: PageData, match?: VendorMatch): VendorModel {
  const m: VendorMatch = match ?? { kind: 'vendor', vendorId: vendor.id, domain: '', host: '', evidence: 'sourced', origin };
  const rulings = { rulings: rulingsFor(data) };
  const view = buildWarning(rulings, vendor, m, { ...data.settings, authorities: ALL_AUTHORITIES }, data.today, origin);
  const actual = buildWarning(rulings, vendor, m, data.settings, data.today, origin);
  let off: WarningsOff | null;
  if (!view) off = 'nothing-in-force';
  else if (!actual) off = 'authorities-off';
  else off = suppression(actual, match ? match.host : '', data.settings);
  const shown = new Set(view?.rulings.map((r) => r.id) ?? []);
  const inactive: InactiveRuling[] = [];
  for (const vendorRuling of vendor.rulings) {
    if (shown.has(vendorRuling.ruling)) continue;
    const ruling = findRuling(data, vendorRuling.ruling);
    const domain = primaryDomain(vendor, match?.domain);
    if (ruling) inactive.push({ ruling, vendorRuling, state: statusOn(ruling, data.today, domain ? { vendorRuling, domain } : { vendorRuling }).state });
  }
  return { view, off, inactive };
}

/** Days from `from` to `to` (ISO days), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "China" for "CN", in the user's language; the code itself when the browser cannot name it. */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Pages the extension cannot run on, or that are not web sites at all. */
export type NoSite = 'browser-page' | 'web-store' | 'file' | 'extension-page' | 'not-web';

const STORE_HOSTS = ['chromewebstore.google.com', 'microsoftedge.microsoft.com', 'addons.mozilla.org', 'addons.opera.com'];

export function noSiteReason(url: string): NoSite | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not-web';
  }
  if (u.protocol === 'http:' || u.protocol === 'https:') {
    if (STORE_HOSTS.includes(u.hostname) || (u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore'))) return 'web-store';
    return null;
  }
  if (u.protocol === 'file:') return 'file';
  if (u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:' || u.protocol === 'extension:') return 'extension-page';
  if (['chrome:', 'about:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'view-source:', 'devtools:', 'chrome-search:'].includes(u.protocol)) return 'browser-page';
  return 'not-web';
}
