// URL and hostname normalisation. Pure TypeScript: runs in Node, the service worker, content
// scripts and extension pages alike.
//
// Every host the matcher sees goes through here first, so that equivalent spellings of one site
// (case, a trailing dot, a port, userinfo, Unicode vs punycode) reach the matcher as one string,
// and things that are not web sites (about:, data:, file:, chrome:, IP addresses …) never do.
//
// Parsing is the WHATWG URL parser's job, the same algorithm the browser uses to decide where a
// navigation goes; hand-rolled parsing is how `http://kaspersky.com@example.org/` ends up
// attributed to the wrong site. A normalised host is lowercase ASCII (punycode for IDNs), has no
// trailing dot, and consists of non-empty labels of [a-z0-9_-].
import punycode from 'punycode/punycode.js';

const WEB_SCHEMES = new Set(['http:', 'https:']);

// Labels as they occur in real host names. The WHATWG parser lets a few more characters through
// (`*`, `$`, `!` …); no DNS name uses them, so we refuse rather than guess.
const HOST_SHAPE = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
// After WHATWG parsing, any IPv4 form (0x7f.1, 2130706433 …) has been rewritten to dotted quad.
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// Characters that would make `http://` + text parse as something other than a bare host.
const NOT_A_BARE_HOST = /[\s/\\?#@:[\]%]/u;

/** The post-parse half shared by every entry point: trailing dot, IP literals, shape. */
function finishHost(hostname: string): string | null {
  let host = hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1); // one trailing dot (FQDN form) only
  if (host === '' || host.startsWith('[')) return null; // empty, or an IPv6 literal
  if (IPV4.test(host)) return null;
  if (!HOST_SHAPE.test(host)) return null;
  return host;
}

/**
 * The normalised host of a web URL, or null when the URL is not an http(s) URL with a domain
 * name host. Never throws. Ports, userinfo, path, query and fragment are ignored.
 */
export function hostFromUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (!WEB_SCHEMES.has(url.protocol)) return null;
  return finishHost(url.hostname);
}

/**
 * Normalise a bare hostname (no scheme, port, path or userinfo): lowercase, one trailing dot
 * removed, IDN converted to punycode with the same UTS #46 processing the browser applies.
 * Returns null for anything that is not a domain name, including IP literals.
 */
export function normaliseHost(host: string): string | null {
  if (host === '' || NOT_A_BARE_HOST.test(host)) return null;
  let url: URL;
  try {
    url = new URL('http://' + host + '/');
  } catch {
    return null;
  }
  return finishHost(url.hostname);
}

/**
 * A normalised (ASCII) host for display: punycode labels decoded to Unicode. Falls back to the
 * ASCII form if decoding fails.
 *
 * Callers that show a host as evidence of *which* site this is should show the ASCII form next
 * to it when the two differ: a Unicode look-alike (Cyrillic "а" for Latin "a") is only visible
 * in the punycode.
 */
export function displayHost(asciiHost: string): string {
  if (!asciiHost.includes('xn--')) return asciiHost;
  return asciiHost
    .split('.')
    .map((label) => {
      if (!label.startsWith('xn--')) return label;
      try {
        const unicode = punycode.toUnicode(label);
        // Keep labels that do not survive a round trip (e.g. "xn--" decodes to ""), so the
        // display never shows a different name from the one we matched.
        return unicode !== '' && punycode.toASCII(unicode) === label ? unicode : label;
      } catch {
        return label;
      }
    })
    .join('.');
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// A top-level label a person could mean: letters, or an IDN TLD in punycode.
const PLAUSIBLE_TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Interpret what someone typed or pasted into a search box: a URL (`https://usa.kaspersky.com/x`),
 * a bare domain (`Kaspersky.com`), a domain with a path (`kaspersky.com/downloads`), or an
 * address (`support@kaspersky.com`). Returns the normalised host, or null when the text is not
 * a domain (e.g. the vendor name "Kaspersky Premium", or a single label like "kaspersky").
 */
export function parseLookupInput(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/u.test(trimmed)) return null;
  const host = HAS_SCHEME.test(trimmed) ? hostFromUrl(trimmed) : hostFromUrl('http://' + trimmed);
  if (host === null) return null;
  const lastDot = host.lastIndexOf('.');
  if (lastDot <= 0) return null; // a single label is a word, not a domain
  return PLAUSIBLE_TLD.test(host.slice(lastDot + 1)) ? host : null;
}

/** Is `host` one of `hosts`, or a subdomain of one? (How allowlists and "proceed" grants apply.) */
export function isCoveredBy(host: string, hosts: readonly string[]): boolean {
  return hosts.some((a) => host === a || host.endsWith(`.${a}`));
}

/** Pages the extension cannot run on, or that are not web sites at all. */
export type NoSite = 'browser-page' | 'web-store' | 'file' | 'extension-page' | 'not-web';

const STORE_HOSTS = ['chromewebstore.google.com', 'microsoftedge.microsoft.com', 'addons.mozilla.org', 'addons.opera.com'];
const BROWSER_SCHEMES = ['chrome:', 'about:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'view-source:', 'devtools:', 'chrome-search:'];

/** Why a tab's URL is no web site BanWatch can speak for, or null when it is one. */
export function noSiteReason(url: string): NoSite | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not-web';
  }
  if (WEB_SCHEMES.has(u.protocol)) {
    if (STORE_HOSTS.includes(u.hostname) || (u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore'))) return 'web-store';
    return null;
  }
  if (u.protocol === 'file:') return 'file';
  if (u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:' || u.protocol === 'extension:') return 'extension-page';
  if (BROWSER_SCHEMES.includes(u.protocol)) return 'browser-page';
  return 'not-web';
}
