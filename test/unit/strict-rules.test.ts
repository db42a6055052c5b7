// Strict mode's declarativeNetRequest rules (src/core/strict-rules.ts). The rules are checked the
// way the browser applies them — among the rules whose `requestDomains` cover a host, the highest
// priority wins, and at equal priority allow beats block beats redirect — against the one verdict:
// a top-level page is sent to the warning page exactly when the verdict shows a warning.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import { buildCatalog } from '../../src/core/catalog';
import { isCoveredBy } from '../../src/core/host';
import { defaults, type Settings } from '../../src/core/settings';
import { ALL_RESOURCE_TYPES, PROCEED_PRIORITY, proceedRule, strictDomains, strictRules } from '../../src/core/strict-rules';
import { shownWarning, verdict, type VerdictInputs } from '../../src/core/verdict';

const PAGE = 'chrome-extension://abc/src/warning/index.html';
const catalog = buildCatalog(dataset);
const inputs = (over: Partial<Settings> = {}): VerdictInputs => ({
  catalog,
  settings: { ...structuredClone(defaults), warningStyle: 'strict', ...over },
  today: '2026-11-28',
});

type Rule = ReturnType<typeof strictRules>[number];
const RANK = { allow: 3, block: 2, redirect: 1 } as const;

/** What the browser does with a request for `host` of `type` (and in `tabId`): the winning rule's action, or 'none'. */
function applied(rules: Rule[], host: string, type: string, tabId = 1): string {
  const hits = rules.filter(
    (r) => r.condition.resourceTypes.includes(type) && isCoveredBy(host, r.condition.requestDomains) && (!r.condition.tabIds || r.condition.tabIds.includes(tabId)),
  );
  hits.sort((a, b) => b.priority - a.priority || RANK[b.action.type] - RANK[a.action.type]);
  return hits[0]?.action.type ?? 'none';
}

/** Hosts worth asking about: every listed domain, a subdomain of each, and a look-alike. */
const hosts = [
  ...new Set(
    dataset.vendors
      .flatMap((v) => v.domains.flatMap((d, i) => (i === 0 ? [d.domain, `www.${d.domain}`, `not${d.domain}`] : [`www.${d.domain}`])))
      .concat(dataset.notRestricted.flatMap((n) => n.domains), ['usa.kaspersky.com', 'shop.usa.kaspersky.com']),
  ),
];

function expectRulesMatchVerdict(over: Partial<Settings>) {
  const ins = inputs(over);
  const rules = strictRules(strictDomains(ins), PAGE);
  let redirected = 0;
  for (const host of hosts) {
    const warned = shownWarning(verdict(ins, { host })) !== null;
    expect(applied(rules, host, 'main_frame') === 'redirect', host).toBe(warned);
    if (warned) redirected++;
  }
  return { rules, redirected };
}

describe('strict-mode rules', () => {
  it('redirect top-level pages exactly where the verdict warns (bundled data, default settings)', () => {
    const { rules, redirected } = expectRulesMatchVerdict({});
    expect(redirected).toBeGreaterThan(50); // positive control: the check really saw warned hosts
    // A handful of rules however many domains: one redirect and one frame block per domain depth.
    expect(rules.length).toBeLessThan(12);
    expect(rules.find((r) => r.action.type === 'redirect')?.condition.requestDomains).toContain('kaspersky.com');
    expect(applied(rules, 'www.kaspersky.com', 'main_frame')).toBe('redirect');
    expect(applied(rules, 'example.org', 'main_frame')).toBe('none');
  }, 30_000);

  it('let allowed sites, hidden and snoozed vendors and a higher threshold through', () => {
    const kaspersky = verdict(inputs(), { host: 'kaspersky.com' });
    const signature = kaspersky.kind === 'vendor' ? kaspersky.warning!.signature : '';
    const cases: Partial<Settings>[] = [
      { allowedSites: ['usa.kaspersky.com'] },
      { allowedSites: ['huawei.com'] },
      { hiddenVendors: ['kaspersky'] },
      { snoozed: { kaspersky: signature } },
      { minSeverity: 'prohibited' },
      { audience: 'federal-contractor', minSeverity: 'restricted' },
    ];
    for (const c of cases) expectRulesMatchVerdict(c);
    const allowSub = strictRules(strictDomains(inputs({ allowedSites: ['usa.kaspersky.com'] })), PAGE);
    expect(applied(allowSub, 'usa.kaspersky.com', 'main_frame')).toBe('allow');
    expect(applied(allowSub, 'shop.usa.kaspersky.com', 'image')).toBe('allow'); // the allowed page's own resources too
    expect(applied(allowSub, 'www.kaspersky.com', 'main_frame')).toBe('redirect');
    expect(applied(strictRules(strictDomains(inputs({ hiddenVendors: ['kaspersky'] })), PAGE), 'www.kaspersky.com', 'main_frame')).toBe('none');
  }, 60_000);

  it('are empty unless strict mode is on and BanWatch is enabled', () => {
    expect(strictRules(strictDomains(inputs({ warningStyle: 'banner' })), PAGE)).toEqual([]);
    expect(strictRules(strictDomains(inputs({ warningStyle: 'badge' })), PAGE)).toEqual([]);
    expect(strictRules(strictDomains(inputs({ enabled: false })), PAGE)).toEqual([]);
  });

  it('send the whole original URL after # (a query parameter would be cut at its first &) and block frames', () => {
    const rules = strictRules({ redirect: ['kaspersky.com', 'shop.huawei.com'], allow: [] }, PAGE);
    const redirect = rules.find((r) => r.action.type === 'redirect')!;
    expect(redirect.action).toEqual({ type: 'redirect', redirect: { regexSubstitution: `${PAGE}#\\0` } });
    expect(redirect.condition).toMatchObject({ regexFilter: '^.*$', resourceTypes: ['main_frame'] });
    expect(applied(rules, 'www.kaspersky.com', 'sub_frame')).toBe('block');
    expect(applied(rules, 'www.kaspersky.com', 'image')).toBe('none'); // other sites' subresources: not ours to block (docs/security.md)
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    // A deeper domain outranks its parent: huawei.com allowed, shop.huawei.com redirected.
    const nested = strictRules({ redirect: ['shop.huawei.com'], allow: ['huawei.com'] }, PAGE);
    expect(applied(nested, 'shop.huawei.com', 'main_frame')).toBe('redirect');
    expect(applied(nested, 'www.huawei.com', 'main_frame')).toBe('allow');
  });

  it('"Proceed this time" opens one host in one tab, main_frame included, above every strict rule', () => {
    const rules = [...strictRules({ redirect: ['kaspersky.com', 'huawei.com'], allow: [] }, PAGE), proceedRule(7, 'www.kaspersky.com')];
    expect(proceedRule(7, 'www.kaspersky.com').condition.resourceTypes).toEqual(ALL_RESOURCE_TYPES);
    expect(ALL_RESOURCE_TYPES).toContain('main_frame'); // DNR's default leaves it out
    expect(proceedRule(7, 'x.com').priority).toBe(PROCEED_PRIORITY);
    expect(applied(rules, 'www.kaspersky.com', 'main_frame', 7)).toBe('allow');
    expect(applied(rules, 'www.kaspersky.com', 'script', 7)).toBe('allow');
    expect(applied(rules, 'www.kaspersky.com', 'main_frame', 8)).toBe('redirect'); // another tab
    expect(applied(rules, 'kaspersky.com', 'main_frame', 7)).toBe('redirect'); // the parent domain
    expect(applied(rules, 'www.huawei.com', 'main_frame', 7)).toBe('redirect'); // another vendor
  });
});
