// Property-based tests for URL/host normalisation and matching, with fast-check.
// Each property runs RUNS times (fast-check's numRuns) with fresh random inputs; on failure
// fast-check prints the seed and a shrunk counter-example. The suite logs how many properties and
// runs it executed, so the docs can cite the figure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSuite } from './fuzz';
import { dataset } from '../../src/core/dataset';
import { displayHost, hostFromUrl, normaliseHost, parseLookupInput } from '../../src/core/host';
import { buildMatchIndex, matchUrl, matchVendor, type MatchResult } from '../../src/core/match';
import { createMatcher } from '../../src/core/matcher';

const check = fuzzSuite();

const index = buildMatchIndex(dataset);
const vendorDomains = dataset.vendors.flatMap((v) => v.domains.map((d) => d.domain));
const allListed = [
  ...vendorDomains,
  ...dataset.vendors.flatMap((v) => (v.exclusions ?? []).map((e) => e.domain)),
  ...dataset.notRestricted.flatMap((n) => n.domains),
  ...dataset.reportedLinks.flatMap((r) => r.domains),
];

/** Trusted reference: the longest listed domain that is the host or a parent of it. */
function naiveLongest(domains: readonly string[], host: string): string | null {
  let best: string | null = null;
  for (const d of domains) if ((host === d || host.endsWith('.' + d)) && (best === null || d.length > best.length)) best = d;
  return best;
}
const isLabelSuffix = (host: string, domain: string) => host === domain || host.endsWith('.' + domain);
const ruleDomain = (r: MatchResult | null) => r?.domain ?? null;

// Arbitraries -------------------------------------------------------------------------------

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const anyUrl = fc.webUrl({
  validSchemes: ['http', 'https', 'ftp', 'file', 'data', 'about', 'chrome', 'view-source'],
  authoritySettings: { withIPv4: true, withIPv6: true, withIPv4Extended: true, withUserInfo: true, withPort: true },
  withQueryParameters: true,
  withFragments: true,
});
// Domain-name hosts only (IP hosts have their own property below), with userinfo and ports.
const webUrl = fc.webUrl({
  authoritySettings: { withUserInfo: true, withPort: true },
  withQueryParameters: true,
  withFragments: true,
});
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);
const vendorDomain = fc.constantFrom(...vendorDomains);
const listedDomain = fc.constantFrom(...allListed);
const subdomainPrefix = fc.array(label, { maxLength: 3 }).map((labels) => labels.map((l) => l + '.').join(''));
const userinfo = fc.option(fc.stringMatching(/^[a-z0-9._~-]{1,8}(:[a-z0-9._~-]{0,8})?$/), { nil: undefined });
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const unicodeLabel = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 });

// Properties --------------------------------------------------------------------------------

describe('never throws', () => {
  it('on arbitrary text', () => {
    check(anyText, (text) => {
      hostFromUrl(text);
      normaliseHost(text);
      parseLookupInput(text);
      displayHost(text);
      matchVendor(text, index);
      matchUrl(text, index);
    });
  });

  it('on arbitrary URLs of many schemes', () => {
    check(anyUrl, (url) => {
      const host = hostFromUrl(url);
      if (host !== null) displayHost(host);
      matchUrl(url, index);
      parseLookupInput(url);
    });
  });
});

describe('normalisation', () => {
  it('hostFromUrl is idempotent: the host of https://<host>/ is the host', () => {
    check(webUrl, (url) => {
      const host = hostFromUrl(url);
      if (host === null) return;
      expect(hostFromUrl(`https://${host}/`)).toBe(host);
      expect(normaliseHost(host)).toBe(host);
    });
  });

  it('normaliseHost is idempotent on arbitrary (Unicode) text, and its output is lowercase ASCII', () => {
    check(fc.oneof(anyText, fc.domain(), fc.tuple(unicodeLabel, fc.domain()).map(([u, d]) => `${u}.${d}`)), (text) => {
      const host = normaliseHost(text);
      if (host === null) return;
      expect(host).toMatch(/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/);
      expect(normaliseHost(host)).toBe(host);
      expect(hostFromUrl(`http://${host}/`)).toBe(host);
    });
  });

  it('non-http(s) URLs never yield a host', () => {
    check(fc.webUrl({ validSchemes: ['ftp', 'file', 'data', 'about', 'chrome', 'chrome-extension', 'moz-extension', 'blob', 'ws', 'wss'] }), (url) => {
      expect(hostFromUrl(url)).toBeNull();
      expect(matchUrl(url, index)).toBeNull();
    });
  });

  it('IP addresses never yield a host', () => {
    check(fc.oneof(fc.ipV4(), fc.ipV4Extended(), fc.ipV6().map((ip) => `[${ip}]`)), (ip) => {
      expect(hostFromUrl(`http://${ip}/`)).toBeNull();
      expect(normaliseHost(ip)).toBeNull();
    });
  });
});

describe('label boundaries', () => {
  it('any match is the host itself or a parent domain of it', () => {
    check(fc.oneof(webUrl, fc.tuple(subdomainPrefix, listedDomain).map(([p, d]) => `https://${p}${d}/`)), (url) => {
      const host = hostFromUrl(url);
      const result = matchUrl(url, index);
      if (result === null) return;
      expect(host).not.toBeNull();
      expect(result.host).toBe(host);
      expect(isLabelSuffix(result.host, result.domain)).toBe(true);
    });
  });

  it('a label glued onto a vendor domain never matches that domain', () => {
    check(label, vendorDomain, (x, d) => {
      const host = x + d; // no dot: "not" + "kaspersky.com"
      const result = matchVendor(host, index);
      expect(ruleDomain(result)).not.toBe(d);
      expect(ruleDomain(result)).toBe(naiveLongest(allListed, host));
    });
  });

  it('a vendor domain used as a subdomain of another site never matches that domain', () => {
    check(vendorDomain, label, fc.constantFrom('com', 'org', 'net', 'example'), (d, x, tld) => {
      const host = `${d}.${x}.${tld}`; // "kaspersky.com.evil.com"
      const result = matchVendor(host, index);
      expect(ruleDomain(result)).not.toBe(d);
      expect(ruleDomain(result)).toBe(naiveLongest(allListed, host));
    });
  });

  it('subdomains of a listed domain resolve like a naive longest-suffix scan', () => {
    check(subdomainPrefix, listedDomain, (prefix, d) => {
      const host = prefix + d;
      expect(index.matcher.match(host)?.domain ?? null).toBe(naiveLongest(allListed, host));
    });
  });

  it('createMatcher agrees with a naive scan on random lists', () => {
    check(fc.uniqueArray(fc.domain(), { maxLength: 40 }), fc.domain(), subdomainPrefix, fc.nat(), (domains, other, prefix, pick) => {
      const matcher = createMatcher(domains.map((domain, i) => ({ domain, id: String(i) })));
      const hosts = [other, domains.length > 0 ? prefix + domains[pick % domains.length] : prefix + other];
      for (const host of hosts) expect(matcher.match(host)?.domain ?? null).toBe(naiveLongest(domains, host));
    });
  });
});

describe('equivalent forms give the same answer', () => {
  const host = fc.oneof(
    fc.tuple(subdomainPrefix, listedDomain).map(([p, d]) => p + d),
    fc.domain(),
  );

  it('case, trailing dot, port, userinfo, path, query and fragment', () => {
    check(
      host,
      fc.boolean(),
      fc.boolean(),
      port,
      userinfo,
      fc.webPath(),
      fc.webQueryParameters(),
      fc.webFragments(),
      (h, upper, trailingDot, p, user, path, query, fragment) => {
        const canonical = matchUrl(`https://${h}/`, index);
        const spelled = (upper ? h.toUpperCase() : h) + (trailingDot ? '.' : '');
        const url = `${upper ? 'HTTPS' : 'https'}://${user !== undefined ? user + '@' : ''}${spelled}${p !== undefined ? ':' + p : ''}${path}${query ? '?' + query : ''}${fragment ? '#' + fragment : ''}`;
        expect(matchUrl(url, index)).toEqual(canonical);
        expect(matchVendor(spelled, index)).toEqual(canonical);
      },
    );
  });

  it('mixed case anywhere in the host', () => {
    check(fc.mixedCase(host), (h) => {
      expect(matchUrl(`http://${h}/`, index)).toEqual(matchUrl(`http://${h.toLowerCase()}/`, index));
    });
  });

  it('Unicode (IDN) and punycode spellings', () => {
    check(fc.array(unicodeLabel, { minLength: 1, maxLength: 2 }), fc.oneof(listedDomain, fc.domain()), (labels, d) => {
      const unicodeHost = `${labels.join('.')}.${d}`;
      const ascii = hostFromUrl(`https://${unicodeHost}/`);
      if (ascii === null) return; // not a valid IDN (e.g. disallowed code points)
      const shown = displayHost(ascii);
      expect(hostFromUrl(`https://${shown}/`)).toBe(ascii);
      expect(matchUrl(`https://${shown}/`, index)).toEqual(matchUrl(`https://${ascii}/`, index));
      expect(matchUrl(`https://${unicodeHost}/`, index)).toEqual(matchUrl(`https://${ascii}/`, index));
    });
  });
});
