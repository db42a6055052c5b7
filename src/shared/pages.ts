// BanWatch's own pages: their paths in the package (the build's inputs and the manifest's popup
// and options entries come from here too), and their URLs.

export const PAGES = {
  popup: 'src/popup/index.html',
  options: 'src/options/index.html',
  details: 'src/details/index.html',
  warning: 'src/warning/index.html',
  onboarding: 'src/onboarding/index.html',
  screen: 'src/screen/index.html',
} as const;

type Runtime = { runtime: { getURL(path: string): string } };
// The browser's own namespace, so the build config can import PAGES without an extension API.
const getURL = (path: string) => (((globalThis as { browser?: Runtime }).browser ?? (globalThis as unknown as { chrome: Runtime }).chrome) as Runtime).runtime.getURL(path);

export const pageUrl = (page: keyof typeof PAGES): string => getURL(PAGES[page]);

/** The details page for a vendor, not-restricted entry or reported link. */
export const detailsUrl = (id: string): string => `${pageUrl('details')}?vendor=${encodeURIComponent(id)}`;

/**
 * The strict-mode page for a vendor page that had already loaded (strict mode's rules could not
 * stop it; see background/strict-mode.ts). The rules send the browser to `<warning page>#<URL>`.
 */
export const warningUrl = (url: string): string => `${pageUrl('warning')}?loaded#${url}`;

/** The original URL a warning page was opened for: everything after the first `#` of its own address, as the browser wrote it. */
export function targetOf(warningPageHref: string): string {
  const at = warningPageHref.indexOf('#');
  return at < 0 ? '' : warningPageHref.slice(at + 1);
}
