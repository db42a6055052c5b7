// The one verdict (src/core/verdict.ts), tested directly: what a host or an id resolves to, every
// rule that silences a warning and in which order, organisation vendors and rulings, reported
// links, and the rulings on record that do not apply. Synthetic entries are made from bundled
// ones (spread), so they stay valid when the data format grows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import { AUDIENCES, SEVERITIES } from '../../src/core/dataset/severity';
import { AUTHORITIES } from '../../src/core/dataset/constants';
import { hostFromUrl } from '../../src/core/host';
import { buildSearchIndex, search } from '../../src/core/search';
import { buildBrandIndex } from '../../src/core/shopping/brand-matcher';
import { brandMarks, linkMarks, shopMark } from '../../src/core/shopping/marks';
import type { Ruling, Vendor } from '../../src/core/dataset/schema';
import { buildCatalog, type OrganisationList } from '../../src/core/catalog';
import { recordOf } from '../../src/core/dataset/split';
import { defaults, type Settings } from '../../src/core/settings';
import { shownWarning, verdict, type Subject, type Verdict, type VerdictInputs, type WarningModel } from '../../src/core/verdict';

const TODAY = '2026-11-28';
const base = dataset.rulings.find((r) => r.id === 'commerce-kaspersky-final-determination')!;
const baseVendor = dataset.vendors.find((v) => v.id === 'kaspersky')!;

/** A ruling in force since 2024 that binds every US person (prohibited for everyone). */
const ruling = (over: Partial<Ruling>): Ruling => ({
  ...base,
  phases: [{ date: '2024-07-20', change: 'In force.' }],
  status: { ...base.status, value: 'in-force' },
  effect: 'sales-ban',
  binds: ['us-persons'],
  authority: 'commerce',
  ...over,
});
const vendor = (over: Partial<Vendor>): Vendor => ({ ...baseVendor, exclusions: [], domains: [], rulings: [], ...over });

const inForce = ruling({ id: 'test-in-force' });
const lifted = ruling({ id: 'test-lifted', status: { ...base.status, value: 'lifted' } });
const fcc = ruling({ id: 'test-fcc', authority: 'fcc', effect: 'designation', binds: ['equipment-importers'] }); // "listed" for everyone
const testVendor = vendor({
  id: 'test-vendor',
  name: 'Test Vendor',
  domains: [{ domain: 'test-vendor.com', evidence: 'sourced' }],
  rulings: [{ ruling: 'test-in-force' }, { ruling: 'test-lifted' }],
});
const fccOnly = vendor({ id: 'fcc-only', name: 'FCC Only', domains: [{ domain: 'fcc-only.com', evidence: 'believed' }], rulings: [{ ruling: 'test-fcc' }] });
const futureListing = vendor({ id: 'future', name: 'Future', domains: [{ domain: 'future.com', evidence: 'sourced' }], rulings: [{ ruling: 'test-in-force', since: '2030-01-01' }] });
const testData = {
  vendors: [testVendor, fccOnly, futureListing],
  rulings: [inForce, lifted, fcc],
  notRestricted: [{ ...dataset.notRestricted[0]!, id: 'fine', name: 'Fine', domains: ['fine.test-vendor.com'] }],
  reportedLinks: [{ ...dataset.reportedLinks[0]!, id: 'alleged', name: 'Alleged', vendor: 'test-vendor', domains: ['alleged.com'] }],
};

const settings = (over: Partial<Settings> = {}): Settings => ({ ...structuredClone(defaults), ...over });
const inputs = (over: Partial<Settings> = {}, org?: OrganisationList): VerdictInputs => ({
  catalog: buildCatalog(testData, org),
  settings: settings(over),
  today: TODAY,
});
const silence = (v: Verdict) => (v.kind === 'vendor' || v.kind === 'reported-link' ? v.silenced : `no ${v.kind}`);

describe('what a subject resolves to', () => {
  it('a vendor host: the vendor, why it matched, the rulings that apply with their phases, the severity for the audience', () => {
    const v = verdict(inputs(), { host: 'shop.test-vendor.com' });
    expect(v.kind).toBe('vendor');
    if (v.kind !== 'vendor') return;
    expect(v.origin).toBe('bundled');
    expect(v.match).toMatchObject({ domain: 'test-vendor.com', host: 'shop.test-vendor.com', evidence: 'sourced' });
    expect(v.warning?.why).toEqual({ host: 'shop.test-vendor.com', domain: 'test-vendor.com', evidence: 'sourced', source: null });
    expect(v.warning?.severity).toBe('prohibited');
    expect(v.warning?.rulings.map((r) => r.id)).toEqual(['test-in-force']);
    expect(v.warning?.rulings[0]!.phases).toEqual([{ date: '2024-07-20', change: 'In force.', inForce: true }]);
    expect(v.silenced).toBeNull();
    expect(shownWarning(v)).toBe(v.warning);
  });

  it('the same vendor by id: no "why this site", the allowlist not consulted', () => {
    const v = verdict(inputs({ allowedSites: ['test-vendor.com'] }), { id: 'test-vendor' });
    expect(v.kind === 'vendor' && v.match).toBeNull();
    expect(v.kind === 'vendor' && v.warning?.why).toBeNull();
    expect(silence(v)).toBeNull();
  });

  it('hosts in any spelling are normalised; unlisted, invalid and IP hosts are none', () => {
    expect(verdict(inputs(), { host: 'WWW.Test-Vendor.COM.' }).kind).toBe('vendor');
    expect(verdict(inputs(), { host: 'example.org' })).toEqual({ kind: 'none', host: 'example.org' });
    expect(verdict(inputs(), { host: 'not a host' }).kind).toBe('none');
    expect(verdict(inputs(), { host: '127.0.0.1' }).kind).toBe('none');
    expect(verdict(inputs(), { id: 'nobody' }).kind).toBe('none');
  });

  it('a not-restricted domain under a vendor domain is not-restricted, never the vendor', () => {
    const v = verdict(inputs(), { host: 'fine.test-vendor.com' });
    expect(v.kind).toBe('not-restricted');
    expect(shownWarning(v)).toBeNull();
    expect(verdict(inputs(), { id: 'fine' }).kind).toBe('not-restricted');
  });

  it('rulings on record that do not apply today are listed as inactive, with their state', () => {
    const v = verdict(inputs(), { id: 'test-vendor' });
    expect(v.kind === 'vendor' && v.inactive.map((i) => [i.ruling.id, i.state])).toEqual([['test-lifted', 'lifted']]);
  });
});

describe('every rule that silences a warning', () => {
  const at = (over: Partial<Settings>, subject: Subject = { host: 'www.test-vendor.com' }) => silence(verdict(inputs(over), subject));
  const sig = (verdict(inputs(), { id: 'test-vendor' }) as Extract<Verdict, { kind: 'vendor' }>).warning!.signature;

  it('nothing in force: only lifted rulings, or a listing dated in the future', () => {
    expect(at({}, { host: 'future.com' })).toBe('nothing-in-force');
    const v = verdict(inputs(), { host: 'future.com' });
    expect(v.kind === 'vendor' && [v.warning, v.explained]).toEqual([null, null]);
  });

  it('authorities off: rulings apply, but only from authorities the user switched off; the page still explains them', () => {
    const off = { ...defaults.authorities, fcc: false };
    const v = verdict(inputs({ authorities: off, minSeverity: 'watch' }), { host: 'fcc-only.com' });
    expect(silence(v)).toBe('authorities-off');
    expect(v.kind === 'vendor' && v.warning).toBeNull();
    expect(v.kind === 'vendor' && v.explained?.rulings.map((r) => r.id)).toEqual(['test-fcc']);
  });

  it('disabled, allowlisted (the host or a parent), hidden, snoozed with the current signature, below the threshold', () => {
    expect(at({ enabled: false })).toBe('disabled');
    expect(at({ allowedSites: ['www.test-vendor.com'] })).toBe('allowlisted');
    expect(at({ allowedSites: ['test-vendor.com'] })).toBe('allowlisted');
    expect(at({ allowedSites: ['other.test-vendor.com', 'vendor.com'] })).toBeNull();
    expect(at({ hiddenVendors: ['test-vendor'] })).toBe('hidden');
    expect(at({ snoozed: { 'test-vendor': sig } })).toBe('snoozed');
    expect(at({ snoozed: { 'test-vendor': 'older-data' } })).toBeNull(); // the data changed since
    expect(at({ minSeverity: 'watch' }, { host: 'fcc-only.com' })).toBeNull();
    expect(at({}, { host: 'fcc-only.com' })).toBe('below-threshold'); // "listed", under the default "restricted"
  });

  it('in that order of precedence', () => {
    const all = { enabled: false, allowedSites: ['test-vendor.com'], hiddenVendors: ['test-vendor'], snoozed: { 'test-vendor': sig }, minSeverity: 'watch' as const };
    expect(at(all)).toBe('disabled');
    expect(at({ ...all, enabled: true })).toBe('allowlisted');
    expect(at({ ...all, enabled: true, allowedSites: [] })).toBe('hidden');
    expect(at({ ...all, enabled: true, allowedSites: [], hiddenVendors: [] })).toBe('snoozed');
  });

  it('the snooze signature changes with the vendor data and with the rulings it cites', () => {
    const changedRuling = buildCatalog({ ...testData, rulings: [{ ...inForce, summary: 'Changed.' }, lifted, fcc] });
    const changedVendor = buildCatalog({ ...testData, vendors: [{ ...testVendor, aliases: ['New brand'] }, fccOnly, futureListing] });
    for (const catalog of [changedRuling, changedVendor]) {
      const v = verdict({ catalog, settings: settings({ snoozed: { 'test-vendor': sig } }), today: TODAY }, { host: 'test-vendor.com' });
      expect(silence(v)).toBeNull();
    }
  });

  it("one snooze signature per vendor: by id, on a domain where a ruling does not apply, for any audience or authorities", () => {
    const catalog = buildCatalog(dataset);
    const signature = (over: Partial<Settings>, subject: Subject) => {
      const v = verdict({ catalog, settings: settings({ minSeverity: 'watch', ...over }), today: TODAY }, subject);
      return v.kind === 'vendor' ? v.warning?.signature : undefined;
    };
    const signatureOf = (id: string) => {
      const v = verdict({ catalog, settings: settings({ minSeverity: 'watch' }), today: TODAY }, { id });
      return v.kind === 'vendor' && v.explained?.signature;
    };
    const byId = signature({}, { id: 'kaspersky' });
    expect(byId).toEqual(expect.any(String));
    // securelist.com: the Final Determination excludes Kaspersky's threat research; other rulings still warn there.
    const onResearch = verdict({ catalog, settings: settings({ minSeverity: 'watch' }), today: TODAY }, { host: 'securelist.com' });
    expect(onResearch.kind === 'vendor' && onResearch.warning?.notOnThisDomain.map((r) => r.id)).toEqual(['commerce-kaspersky-final-determination']);
    expect(signature({}, { host: 'securelist.com' })).toBe(byId);
    expect(signature({ audience: 'federal-contractor' }, { host: 'www.kaspersky.com' })).toBe(byId);
    expect(signature({ authorities: { ...defaults.authorities, fcc: false } }, { id: 'kaspersky' })).toBe(byId);
    expect(signature({}, { id: 'huawei' })).not.toBe(byId);
    // The pages judge on one entry's record, the worker on the whole data: the same signature.
    for (const v of dataset.vendors) {
      const onRecord = verdict({ catalog: buildCatalog(recordOf(dataset, v.id)!), settings: settings({ minSeverity: 'watch' }), today: TODAY }, { id: v.id });
      expect(onRecord.kind === 'vendor' && onRecord.explained?.signature, v.id).toBe(signatureOf(v.id));
    }
  });

  it('the audience sets the severity: an agency-only ban is prohibited for a contractor, restricted for a business, listed for a consumer', () => {
    const agencies = ruling({ id: 'test-agencies', effect: 'use-ban', binds: ['federal-agencies'] });
    const catalog = buildCatalog({ ...testData, rulings: [...testData.rulings, agencies], vendors: [vendor({ id: 'agency', name: 'Agency', domains: [{ domain: 'agency.com', evidence: 'sourced' }], rulings: [{ ruling: 'test-agencies' }] })] });
    const severity = (audience: Settings['audience']) => {
      const v = verdict({ catalog, settings: settings({ audience, minSeverity: 'watch' }), today: TODAY }, { host: 'agency.com' });
      return v.kind === 'vendor' ? v.warning?.severity : null;
    };
    expect([severity('consumer'), severity('business'), severity('federal-contractor'), severity('everything')]).toEqual(['listed', 'restricted', 'prohibited', 'prohibited']);
  });
});

describe('reported links: alleged, not established', () => {
  it('are their own kind at "watch", shown only to a user who asks for watch-level, silenced by hiding the link or its vendor', () => {
    const v = verdict(inputs({ minSeverity: 'watch' }), { host: 'alleged.com' });
    expect(v.kind).toBe('reported-link');
    expect(v.kind === 'reported-link' && [v.severity, v.linkedVendor?.id, v.silenced]).toEqual(['watch', 'test-vendor', null]);
    expect(shownWarning(v)).toBeNull(); // never a vendor warning on the page
    expect(silence(verdict(inputs(), { host: 'alleged.com' }))).toBe('below-threshold');
    expect(silence(verdict(inputs({ minSeverity: 'watch', hiddenVendors: ['test-vendor'] }), { host: 'alleged.com' }))).toBe('hidden');
    expect(silence(verdict(inputs({ minSeverity: 'watch', hiddenVendors: ['alleged'] }), { id: 'alleged' }))).toBe('hidden');
    expect(silence(verdict(inputs({ minSeverity: 'watch', allowedSites: ['www.amazon.com'] }), { id: 'alleged', seenOn: 'www.amazon.com' }))).toBe('allowlisted');
    expect(silence(verdict(inputs({ minSeverity: 'watch', enabled: false }), { id: 'alleged' }))).toBe('disabled');
  });
});

describe('organisation vendors', () => {
  const orgRuling = ruling({ id: 'acme-ban', shortName: 'ACME procurement ban', authority: 'commerce', effect: 'use-ban', binds: ['us-persons'] });
  const orgVendor = vendor({ id: 'org-vendor', name: 'Org Vendor', domains: [{ domain: 'org-vendor.com', evidence: 'sourced' }], rulings: [{ ruling: 'acme-ban' }, { ruling: 'test-in-force' }] });
  const org: OrganisationList = { vendors: [orgVendor], rulings: [orgRuling] };

  it("are flagged with their origin and may cite the organisation's own rulings and bundled ones", () => {
    const v = verdict(inputs({}, org), { host: 'www.org-vendor.com' });
    expect(v.kind === 'vendor' && v.origin).toBe('organisation');
    expect(v.kind === 'vendor' && v.warning?.origin).toBe('organisation');
    expect(v.kind === 'vendor' && v.warning?.rulings.map((r) => r.id).sort()).toEqual(['acme-ban', 'test-in-force']);
    expect(verdict(inputs({}, org), { id: 'org-vendor' }).kind).toBe('vendor');
    expect(verdict(inputs(), { host: 'www.org-vendor.com' }).kind).toBe('none'); // without the policy, unknown
  });

  it("replace a bundled vendor with the same id, and beat a bundled not-restricted entry on the same domain", () => {
    const override = vendor({ ...orgVendor, id: 'test-vendor', name: 'Org Test Vendor', domains: [{ domain: 'fine.test-vendor.com', evidence: 'sourced' }] });
    const i = inputs({}, { vendors: [override], rulings: [orgRuling] });
    const byId = verdict(i, { id: 'test-vendor' });
    expect(byId.kind === 'vendor' && [byId.origin, byId.vendor.name]).toEqual(['organisation', 'Org Test Vendor']);
    const onDomain = verdict(i, { host: 'fine.test-vendor.com' });
    expect(onDomain.kind === 'vendor' && onDomain.origin).toBe('organisation');
  });

  it('are silenced by the same rules', () => {
    expect(silence(verdict(inputs({ hiddenVendors: ['org-vendor'] }, org), { host: 'org-vendor.com' }))).toBe('hidden');
    expect(silence(verdict(inputs({ allowedSites: ['org-vendor.com'] }, org), { host: 'org-vendor.com' }))).toBe('allowlisted');
  });
});

describe('the bundled data', () => {
  it('every vendor domain gets its vendor; a lookup by id gets the warning of the main site (apart from why)', () => {
    const i: VerdictInputs = { catalog: buildCatalog(dataset), settings: settings({ audience: 'everything', minSeverity: 'watch' }), today: TODAY };
    let compared = 0;
    for (const v of dataset.vendors) {
      const byId = verdict(i, { id: v.id });
      for (const [n, d] of v.domains.entries()) {
        const byHost = verdict(i, { host: d.domain });
        if (byHost.kind !== 'vendor') continue; // a reported link or not-restricted entry may sit on the domain
        expect(byHost.vendor.id).toBe(v.id);
        // Other domains may carry their own scope (Kaspersky's research sites, ByteDance's apps).
        if (n > 0) continue;
        expect(byId.kind === 'vendor' && { ...byId.warning, why: null }).toEqual(byHost.warning && { ...byHost.warning, why: null });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe('every surface gets the same verdict from the one function', () => {
  // What each surface feeds in: the vendor page's URL (background, banner and badge), the popup's
  // current tab (the same URL), a lookup by name (popup search → the vendor's id), a search result
  // linking to the vendor's domain and a marketplace listing whose brand is the vendor (shopping).
  const catalog = buildCatalog(dataset);
  const searchIndex = buildSearchIndex({ dataset, matchIndex: catalog.index });
  const brands = buildBrandIndex(catalog.sources);
  const vendors = dataset.vendors.filter((v) => v.domains.length && verdict({ catalog, settings: settings(), today: TODAY }, { host: v.domains[0]!.domain }).kind === 'vendor');

  const anySettings = fc.record({
    enabled: fc.boolean(),
    audience: fc.constantFrom(...AUDIENCES),
    minSeverity: fc.constantFrom(...SEVERITIES),
    authorities: fc.record(Object.fromEntries(AUTHORITIES.map((a) => [a, fc.boolean()])) as Record<(typeof AUTHORITIES)[number], fc.Arbitrary<boolean>>),
    allowedSites: fc.subarray(vendors.map((v) => v.domains[0]!.domain)),
    hiddenVendors: fc.subarray(vendors.map((v) => v.id)),
    snooze: fc.subarray(vendors.map((v) => v.id)),
  });

  it('page visit, popup (current site and lookup), search-result mark and marketplace mark agree', () => {
    const property = fc.property(anySettings, fc.constantFrom(...vendors), ({ snooze, ...over }, vendor) => {
      const plain: VerdictInputs = { catalog, settings: settings(over), today: TODAY };
      // Snoozed with the signature the banner would have stored.
      const snoozed = Object.fromEntries(snooze.map((id) => [id, (verdict(plain, { id }) as Extract<Verdict, { kind: 'vendor' }>).warning?.signature ?? 'none']));
      const ctx: VerdictInputs = { ...plain, settings: settings({ ...over, snoozed }) };
      const domain = vendor.domains[0]!.domain;
      const url = `https://${domain}/products?x=1`;

      const page = verdict(ctx, { host: hostFromUrl(url)! }); // background: the vendor page; the popup: its current tab
      const hit = search(searchIndex, vendor.name).hits.find((h) => h.kind === 'vendor');
      const lookup = verdict(ctx, { id: hit!.id }); // popup lookup and details page
      const link = linkMarks(ctx, [domain]).marks[domain] ?? null;
      const notice = brandMarks(ctx, brands, 'www.amazon.com', [{ value: vendor.name, source: 'byline', field: '#bylineInfo' }], []).notice;

      expect(hit!.id).toBe(vendor.id);
      if (page.kind !== 'vendor' || lookup.kind !== 'vendor') throw new Error('expected vendor verdicts');
      const strip = (w: WarningModel | null) => w && { ...w, why: null };
      expect(strip(lookup.warning)).toEqual(strip(page.warning));
      expect(lookup.explained && strip(lookup.explained)).toEqual(strip(page.explained));
      // The page is on the vendor's domain: the allowlist applies there, not on a lookup or at Amazon.
      const offPage = page.silenced === 'allowlisted' ? userOnlySilence(ctx, vendor.id) : page.silenced;
      expect(lookup.silenced).toBe(offPage);
      expect(link).toEqual(shopMark(page));
      expect(notice && { ...notice, why: undefined }).toEqual(offPage === null ? { ...shopMark(lookup), why: undefined } : null);
      if (shownWarning(page)) expect(link).toMatchObject({ id: vendor.id, severity: page.warning!.severity, ruling: { shortName: page.warning!.rulings[0]!.shortName } });
    });
    fc.assert(property, { numRuns: 300 });
  }, 60_000);

  /** The verdict's silence when the allowlist is not consulted (asked by id). */
  function userOnlySilence(ctx: VerdictInputs, id: string) {
    const v = verdict(ctx, { id });
    return v.kind === 'vendor' ? v.silenced : null;
  }
});
