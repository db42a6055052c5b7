// Strict mode's declarativeNetRequest rules: vendor pages are sent to the warning page before the
// browser asks the vendor's server for them. Pure: the background (background/strict-mode.ts)
// installs what this returns, and unit tests check it in Node.
//
// One rule per domain depth and kind, not one per domain: each rule lists its domains in
// `requestDomains` (which covers subdomains too), and a deeper domain gets a higher priority, so
// the most specific listed domain decides, as it does in the verdict (`x.example.com` allowed
// under a redirected `example.com`, or the other way round). A 120-domain regex alternation
// exceeds Chrome's regex memory limit; `requestDomains` + `^.*$` does not.
import { isCoveredBy } from './host';
import { shownWarning, verdict, type VerdictInputs } from './verdict';

/** The parts of chrome.declarativeNetRequest.Rule these rules use. */
interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { regexSubstitution: string } } | { type: 'block' } | { type: 'allow' };
  condition: { requestDomains: string[]; resourceTypes: string[]; regexFilter?: string; tabIds?: number[] };
}

/** Every resource type: an allowed page's own images, scripts and frames must not be caught either. */
export const ALL_RESOURCE_TYPES = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'media',
  'websocket',
  'other',
];

/** Above every domain depth: "Proceed this time" wins over the redirect in its tab. */
export const PROCEED_PRIORITY = 1000;

const depth = (domain: string) => domain.split('.').length;

/** Every domain the verdict can tell apart: listed domains of every kind, and allowed sites. */
function knownDomains(inputs: VerdictInputs): string[] {
  const { catalog, settings } = inputs;
  const vendors = [...catalog.org.vendors, ...catalog.dataset.vendors];
  return [
    ...new Set([
      ...vendors.flatMap((v) => [...v.domains.map((d) => d.domain), ...(v.exclusions ?? []).map((e) => e.domain)]),
      ...catalog.dataset.notRestricted.flatMap((n) => n.domains),
      ...catalog.dataset.reportedLinks.flatMap((r) => r.domains),
      ...settings.allowedSites,
    ]),
  ].map((d) => d.toLowerCase());
}

/**
 * The domains whose pages strict mode replaces with the warning page (`redirect`), and those under
 * them it lets through (`allow`: allowed sites, excluded or not-restricted subdomains, a vendor
 * silenced under another's domain). Empty unless strict mode is on.
 */
export function strictDomains(inputs: VerdictInputs): { redirect: string[]; allow: string[] } {
  if (inputs.settings.warningStyle !== 'strict' || !inputs.settings.enabled) return { redirect: [], allow: [] };
  const domains = knownDomains(inputs);
  const redirect = domains.filter((d) => shownWarning(verdict(inputs, { host: d })) !== null).sort();
  const allow = domains.filter((d) => !redirect.includes(d) && redirect.some((r) => r !== d && isCoveredBy(d, [r]))).sort();
  return { redirect, allow };
}

/**
 * The dynamic rules for `domains`: for each depth, a redirect of top-level pages to
 * `warningPage#<original URL>` (the fragment keeps the URL whole: a query parameter would be cut
 * at its first `&`), a block of frames (our warning page must never be framed by another site,
 * where it could be clickjacked), and an allow for the exceptions at that depth.
 */
export function strictRules(domains: { redirect: string[]; allow: string[] }, warningPage: string): DnrRule[] {
  const rules: DnrRule[] = [];
  const byDepth = (list: string[]) => {
    const m = new Map<number, string[]>();
    for (const d of list) m.set(depth(d), [...(m.get(depth(d)) ?? []), d]);
    return [...m].sort(([a], [b]) => a - b);
  };
  for (const [priority, requestDomains] of byDepth(domains.redirect)) {
    rules.push({
      id: rules.length + 1,
      priority,
      action: { type: 'redirect', redirect: { regexSubstitution: `${warningPage}#\\0` } },
      condition: { regexFilter: '^.*$', requestDomains, resourceTypes: ['main_frame'] },
    });
    rules.push({ id: rules.length + 1, priority, action: { type: 'block' }, condition: { requestDomains, resourceTypes: ['sub_frame'] } });
  }
  for (const [priority, requestDomains] of byDepth(domains.allow)) {
    rules.push({ id: rules.length + 1, priority, action: { type: 'allow' }, condition: { requestDomains, resourceTypes: ALL_RESOURCE_TYPES } });
  }
  return rules;
}

/** "Proceed this time": everything from `host` (and its subdomains) in one tab, above every strict-mode rule. */
export function proceedRule(tabId: number, host: string): DnrRule {
  return { id: tabId, priority: PROCEED_PRIORITY, action: { type: 'allow' }, condition: { tabIds: [tabId], requestDomains: [host], resourceTypes: ALL_RESOURCE_TYPES } };
}
