// The marketplaces and search engines BanWatch can (opt-in) run on, in one place. Used by the
// build (vite.config.ts writes `optional_host_permissions` from it), by the options page (the
// exact origins it asks the user for), by the background (what it registers the content script
// for) and by the content script (which adapter a page gets). Pure: no browser API.
//
// Least privilege: one exact host per site (the one that serves product / result pages), https
// only; search engines' content-script matches are narrowed to the results path.

export type Feature = 'shoppingSites' | 'searchResults';

interface Site {
  id: string;
  name: string;
  feature: Feature;
  /** The host the adapter runs on (exact, lowercase). */
  host: string;
  /** Host permission patterns asked for when the feature is turned on. */
  origins: string[];
  /** Content-script match patterns (within `origins`). */
  matches: string[];
}

const shop = (id: string, name: string, host: string): Site => ({
  id,
  name,
  feature: 'shoppingSites',
  host,
  origins: [`https://${host}/*`],
  matches: [`https://${host}/*`],
});
const search = (id: string, name: string, host: string, paths: string[]): Site => ({
  id,
  name,
  feature: 'searchResults',
  host,
  origins: [`https://${host}/*`],
  matches: paths.map((p) => `https://${host}${p}`),
});

export const SITES: readonly Site[] = [
  shop('amazon', 'Amazon', 'www.amazon.com'),
  shop('bestbuy', 'Best Buy', 'www.bestbuy.com'),
  shop('newegg', 'Newegg', 'www.newegg.com'),
  shop('walmart', 'Walmart', 'www.walmart.com'),
  shop('ebay', 'eBay', 'www.ebay.com'),
  shop('bhphoto', 'B&H Photo', 'www.bhphotovideo.com'),
  shop('homedepot', 'The Home Depot', 'www.homedepot.com'),
  // https://www.google.com/search?q=hikvision
  search('google', 'Google', 'www.google.com', ['/search*']),
  // https://www.bing.com/search?q=hikvision&form=QBLH
  search('bing', 'Bing', 'www.bing.com', ['/search*']),
  // https://duckduckgo.com/?q=hikvision&ia=web (results live on the root path)
  search('duckduckgo', 'DuckDuckGo', 'duckduckgo.com', ['/*']),
];

export const FEATURES: readonly Feature[] = ['shoppingSites', 'searchResults'];

export const sitesFor = (feature: Feature): Site[] => SITES.filter((s) => s.feature === feature);
export const originsFor = (feature: Feature): string[] => sitesFor(feature).flatMap((s) => s.origins);
export const matchesFor = (feature: Feature): string[] => sitesFor(feature).flatMap((s) => s.matches);
/** Every origin either feature may ask for: the manifest's `optional_host_permissions`. */
export const allOptionalOrigins = (): string[] => FEATURES.flatMap(originsFor);

/** The site a page's hostname belongs to, if any. */
export function siteForHost(hostname: string): Site | null {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return SITES.find((s) => s.host === h) ?? null;
}

/** The id under which the background registers the content script for a feature. */
export const SCRIPT_IDS: Readonly<Record<Feature, string>> = { shoppingSites: 'banwatch-shop', searchResults: 'banwatch-search' };
