// "Which restricted vendor, if any, does this site belong to, and why do we think so?"
//
// Combines the bundled dataset with an organisation's own vendor list into one index, and turns
// a raw suffix match (matcher.ts) into an answer with its evidence. Rules, in order:
//
//  1. The most specific listed domain covering the host decides (`x.foo.example.com` is decided
//     by `foo.example.com` before `example.com`).
//  2. A vendor's `exclusions` remove that vendor from the excluded domain and everything under
//     it; a less specific rule of *another* vendor can still apply.
//  3. A not-restricted or reported-link domain is never reported as the vendor: it yields its own
//     result kind so the UI can say "not restricted" or "reported link, not established".
//  4. At the same domain: an organisation's vendor rule (explicit local policy) beats a bundled
//     not-restricted entry, which beats a reported link, which beats a bundled vendor rule
//     (a domain in both "vendor" and "not restricted" is a data conflict; we err towards not
//     accusing the site).
//
// Pure: no browser API.
import type { NotRestricted, ReportedLink, Vendor } from './dataset/schema';
import { hostFromUrl, normaliseHost } from './host';
import { createMatcher, type Matcher } from './matcher';

/** Where a vendor comes from: the bundled dataset, or the organisation's own list (policy). */
export type Origin = 'bundled' | 'organisation';
type Evidence = Vendor['domains'][number]['evidence'];

export type MatchResult =
  | {
      kind: 'vendor';
      vendorId: string;
      /** The listed domain that matched (the host or a parent of it). */
      domain: string;
      /** The normalised host that was looked up. */
      host: string;
      evidence: Evidence;
      source?: string;
      note?: string;
      origin: Origin;
    }
  | { kind: 'not-restricted'; id: string; domain: string; host: string }
  | { kind: 'reported-link'; id: string; vendorId: string; domain: string; host: string };

/** What matching reads of an entry (the lean index a page loads first has just this). */
type DomainEntry = Vendor['domains'][number];
type MatchableVendor = { id: string; domains: readonly Pick<DomainEntry, 'domain' | 'evidence' | 'source' | 'note'>[]; exclusions?: readonly { domain: string }[] };

interface MatchSources {
  vendors: readonly MatchableVendor[];
  notRestricted?: readonly Pick<NotRestricted, 'id' | 'domains'>[];
  reportedLinks?: readonly Pick<ReportedLink, 'id' | 'domains' | 'vendor'>[];
  /** An organisation's own vendors (enterprise policy), same format as the bundled ones. */
  organisationVendors?: readonly MatchableVendor[];
}

type MatchRule =
  | { kind: 'vendor'; vendorId: string; origin: Origin; entry: MatchableVendor['domains'][number] }
  | { kind: 'exclusion'; vendorId: string; origin: Origin }
  | { kind: 'not-restricted'; id: string }
  | { kind: 'reported-link'; id: string; vendorId: string };

export interface MatchIndex {
  readonly matcher: Matcher;
  /** All rules attached to one listed domain, indexed by the matcher id (a decimal number). */
  readonly groups: readonly (readonly MatchRule[])[];
  /** Domains that could not be indexed, and why (for diagnostics; the build does not throw). */
  readonly warnings: readonly string[];
}

/** Build the lookup index. Takes a few milliseconds for the bundled list. */
export function buildMatchIndex(sources: MatchSources): MatchIndex {
  const warnings: string[] = [];
  const byDomain = new Map<string, MatchRule[]>();
  const add = (rawDomain: string, rule: MatchRule, owner: string) => {
    // Data is already lowercase ASCII; normalising again guards organisation lists.
    const domain = normaliseHost(rawDomain);
    if (domain === null) {
      warnings.push(`${owner}: "${rawDomain}" is not a domain name; ignored`);
      return;
    }
    let group = byDomain.get(domain);
    if (group === undefined) byDomain.set(domain, (group = []));
    group.push(rule);
  };
  const addVendors = (vendors: readonly MatchableVendor[], origin: Origin) => {
    for (const vendor of vendors) {
      for (const entry of vendor.domains) add(entry.domain, { kind: 'vendor', vendorId: vendor.id, origin, entry }, vendor.id);
      for (const exclusion of vendor.exclusions ?? []) add(exclusion.domain, { kind: 'exclusion', vendorId: vendor.id, origin }, vendor.id);
    }
  };
  addVendors(sources.organisationVendors ?? [], 'organisation');
  addVendors(sources.vendors, 'bundled');
  for (const item of sources.notRestricted ?? []) for (const d of item.domains) add(d, { kind: 'not-restricted', id: item.id }, item.id);
  for (const link of sources.reportedLinks ?? []) for (const d of link.domains) add(d, { kind: 'reported-link', id: link.id, vendorId: link.vendor }, link.id);

  const groups: MatchRule[][] = [];
  const entries: { domain: string; id: string }[] = [];
  for (const [domain, rules] of byDomain) {
    entries.push({ domain, id: String(groups.length) });
    groups.push(rules);
  }
  return { matcher: createMatcher(entries), groups, warnings };
}

const exclusionKey = (origin: Origin, vendorId: string) => origin + '\u0000' + vendorId;

/** The answer decided by one domain's rules, given the vendors already excluded. */
function decide(rules: readonly MatchRule[], domain: string, host: string, excluded: Set<string>): MatchResult | null {
  for (const rule of rules) if (rule.kind === 'exclusion') excluded.add(exclusionKey(rule.origin, rule.vendorId));
  const vendorRule = (origin: Origin): MatchResult | null => {
    for (const rule of rules) {
      if (rule.kind !== 'vendor' || rule.origin !== origin || excluded.has(exclusionKey(origin, rule.vendorId))) continue;
      const { entry } = rule;
      return {
        kind: 'vendor',
        vendorId: rule.vendorId,
        domain,
        host,
        evidence: entry.evidence,
        ...(entry.source !== undefined && { source: entry.source }),
        ...(entry.note !== undefined && { note: entry.note }),
        origin,
      };
    }
    return null;
  };
  const fromOrganisation = vendorRule('organisation');
  if (fromOrganisation) return fromOrganisation;
  for (const rule of rules) if (rule.kind === 'not-restricted') return { kind: 'not-restricted', id: rule.id, domain, host };
  for (const rule of rules) if (rule.kind === 'reported-link') return { kind: 'reported-link', id: rule.id, vendorId: rule.vendorId, domain, host };
  return vendorRule('bundled');
}

// Already-normalised hosts (the common case: from hostFromUrl or location.hostname) skip parsing.
const NORMALISED = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;

/**
 * What the host belongs to, or null when nothing listed covers it. Accepts any hostname
 * spelling (case, trailing dot, Unicode); IP addresses and non-hosts give null.
 */
export function matchVendor(host: string, index: MatchIndex): MatchResult | null {
  const normalised = NORMALISED.test(host) ? host : normaliseHost(host);
  if (normalised === null) return null;
  // Nearly every navigation matches nothing: answer that with one allocation-free lookup.
  if (index.matcher.match(normalised) === null) return null;
  const excluded = new Set<string>();
  for (const hit of index.matcher.matchAll(normalised)) {
    const result = decide(index.groups[Number(hit.id)]!, hit.domain, normalised, excluded);
    if (result) return result;
  }
  return null;
}

/** The id of the entry `host` belongs to (a vendor, not-restricted entry or reported link), or null. */
export function entryForHost(host: string, index: MatchIndex): string | null {
  const match = matchVendor(host, index);
  return match === null ? null : match.kind === 'vendor' ? match.vendorId : match.id;
}

/** `matchVendor` for a full URL; non-web URLs (about:, file:, chrome: …) give null. */
export function matchUrl(url: string, index: MatchIndex): MatchResult | null {
  const host = hostFromUrl(url);
  return host === null ? null : matchVendor(host, index);
}
