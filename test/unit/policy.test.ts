import { describe, expect, it } from 'vitest';
import { applyPolicy, emptyPolicy, parseOrgList, parsePolicy, writablePatch } from '../../src/core/policy';
import { validateOrgList } from '../../src/core/dataset/org-list';
import { defaults } from '../../src/core/settings';
import raw from '../../src/data/dataset.json';

const BUNDLED = (raw as { rulings: { id: string }[] }).rulings.map((r) => r.id);

const orgRuling = {
  id: 'acme-procurement-ban',
  shortName: 'ACME procurement ban',
  officialName: 'ACME supplier policy 12',
  agency: 'ACME Security Office',
  authority: 'commerce',
  legalAuthority: 'Internal policy',
  citations: ['ACME-SEC-12'],
  phases: [{ date: '2025-01-01', change: 'No new purchases.' }],
  prohibits: 'Buying from the vendor.',
  effect: 'use-ban',
  binds: ['us-persons'],
  status: { value: 'in-force', asOf: '2026-01-01' },
  summary: 'We do not buy from this vendor.',
  forYou: { consumer: 'Do not buy.', business: 'Do not buy.', federalContractor: 'Do not buy.' },
  sources: [{ url: 'https://intranet.example.com/p/12', title: 'Policy 12', publisher: 'ACME', primary: true }],
};

const vendor = (id: string, domain: string, ruling = 'acme-procurement-ban') => ({
  id,
  name: id.toUpperCase(),
  legalNames: [`${id} Ltd.`],
  country: 'US',
  aliases: [],
  domains: [{ domain, evidence: 'sourced' }],
  rulings: [{ ruling }],
});

describe('parsePolicy', () => {
  it('reads no policy as an empty one', () => {
    expect(parsePolicy(undefined)).toEqual(emptyPolicy());
    expect(parsePolicy({})).toEqual(emptyPolicy());
  });

  it('keeps valid values and ignores each invalid one with a reason', () => {
    const p = parsePolicy({
      enforced: { decisionLog: true, minSeverity: 'severe', enabled: 'yes', bogus: 1, schemaVersion: 1 },
      defaults: { audience: 'business', warningStyle: 42 },
      allowedSites: ['Intranet.Example.com.', 'not a host', 7, 'intranet.example.com'],
      surprise: true,
    });
    expect(p.enforced).toEqual({ decisionLog: true });
    expect(p.defaults).toEqual({ audience: 'business' });
    expect(p.allowedSites).toEqual(['intranet.example.com']);
    expect(p.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^enforced\.minSeverity: expected one of/),
        expect.stringMatching(/^enforced\.enabled: expected true or false/),
        'enforced.bogus: not a setting, ignored',
        'enforced.schemaVersion: not a setting, ignored',
        expect.stringMatching(/^defaults\.warningStyle: expected one of/),
        expect.stringMatching(/^allowedSites\.1: expected a host name/),
        expect.stringMatching(/^allowedSites\.2: expected a host name/),
        'surprise: unknown policy key, ignored',
      ]),
    );
  });

  it('survives a policy of the wrong shape altogether', () => {
    for (const bad of ['x', 42, [], true]) {
      const p = parsePolicy(bad);
      expect(p.enforced).toEqual({});
      expect(p.problems.length).toBe(1);
    }
    expect(parsePolicy({ enforced: 'all', defaults: [], allowedSites: 'a.example' }).problems).toHaveLength(3);
  });

  it('does not let __proto__ in a policy pollute anything', () => {
    const p = parsePolicy(JSON.parse('{"enforced": {"__proto__": {"enabled": false}}, "__proto__": {"x": 1}}'));
    expect(p.enforced).toEqual({});
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });
});

describe('organisation vendor list', () => {
  it('keeps valid vendors (citing bundled or own rulings) and drops invalid ones with a reason', () => {
    const { list, problems } = parseOrgList(
      {
        rulings: [orgRuling, { ...orgRuling, id: 'commerce-kaspersky-final-determination' }, { id: 'half' }],
        vendors: [
          vendor('acme-rival', 'acme-rival.com'),
          vendor('bundled-citer', 'bundled-citer.com', 'bis-entity-list'),
          vendor('bad-domain', 'not a domain'),
          vendor('ghost-ruling', 'ghost.com', 'no-such-ruling'),
          vendor('acme-rival', 'other.com'),
          vendor('domain-thief', 'acme-rival.com'),
          'junk',
        ],
      },
      BUNDLED,
      validateOrgList,
    );
    expect(list.vendors.map((v) => v.id)).toEqual(['acme-rival', 'bundled-citer']);
    expect(list.rulings?.map((r) => r.id)).toEqual(['acme-procurement-ban']);
    const text = problems.join('\n');
    expect(text).toMatch(/rulings\.1 \(commerce-kaspersky-final-determination\) dropped: .*collides with a bundled ruling id/);
    expect(text).toMatch(/rulings\.2 \(half\) dropped/);
    expect(text).toMatch(/vendors\.2 \(bad-domain\) dropped: .*domain/);
    expect(text).toMatch(/vendors\.3 \(ghost-ruling\) dropped: .*unknown ruling "no-such-ruling"/);
    expect(text).toMatch(/vendors\.4 \(acme-rival\) dropped: duplicate vendor id/);
    expect(text).toMatch(/vendors\.5 \(domain-thief\) dropped: domain "acme-rival.com" is already claimed/);
    expect(text).toMatch(/vendors\.6 dropped/);
  });

  it('reports a list of the wrong shape without failing', () => {
    expect(parseOrgList('vendors', BUNDLED, validateOrgList).problems).toHaveLength(1);
    expect(parseOrgList({ vendors: {} }, BUNDLED, validateOrgList).problems[0]).toMatch(/vendors: expected a list/);
    expect(parseOrgList({ vendors: [], extra: 1 }, BUNDLED, validateOrgList).problems[0]).toMatch(/unknown key/);
  });

  it('is not read without the validator (the pages load it only for a policy that has a list)', () => {
    const p = parsePolicy({ organisationVendors: { rulings: [orgRuling], vendors: [vendor('acme-rival', 'acme-rival.com')] } }, BUNDLED);
    expect(p.organisationVendors).toEqual([]);
    expect(p.problems).toEqual(['organisationVendors: not read (no validator), ignored']);
  });

  it('is part of the parsed policy', () => {
    const p = parsePolicy({ organisationVendors: { rulings: [orgRuling], vendors: [vendor('acme-rival', 'acme-rival.com')] } }, BUNDLED, validateOrgList);
    expect(p.organisationVendors.map((v) => v.id)).toEqual(['acme-rival']);
    expect(p.organisationRulings.map((r) => r.id)).toEqual(['acme-procurement-ban']);
  });
});

describe('applyPolicy (merge rules)', () => {
  const policy = parsePolicy({
    enforced: { decisionLog: true, minSeverity: 'listed' },
    defaults: { audience: 'business', warningStyle: 'badge' },
    allowedSites: ['intranet.example.com'],
  });

  it('enforced beats the user', () => {
    const e = applyPolicy({ decisionLog: false, minSeverity: 'prohibited' }, policy);
    expect(e.settings.decisionLog).toBe(true);
    expect(e.settings.minSeverity).toBe('listed');
    expect(e.locked.sort()).toEqual(['decisionLog', 'minSeverity']);
  });

  it('defaults apply only where the user has not set a (valid) value', () => {
    const fresh = applyPolicy({}, policy);
    expect(fresh.settings.audience).toBe('business');
    expect(fresh.settings.warningStyle).toBe('badge');
    expect(fresh.fromPolicyDefault.sort()).toEqual(['audience', 'warningStyle']);

    const chosen = applyPolicy({ audience: 'consumer', warningStyle: 'nonsense' }, policy);
    expect(chosen.settings.audience).toBe('consumer'); // the user's own choice stands
    expect(chosen.settings.warningStyle).toBe('badge'); // an invalid user value counts as unset
    expect(chosen.fromPolicyDefault).toEqual(['warningStyle']);
  });

  it('built-in defaults come last', () => {
    expect(applyPolicy({}, emptyPolicy()).settings).toEqual(defaults);
  });

  it("merges the admin's allowlist with the user's, never replacing it", () => {
    const e = applyPolicy({ allowedSites: ['www.example.com', 'intranet.example.com'] }, policy);
    expect(e.settings.allowedSites).toEqual(['intranet.example.com', 'www.example.com']);
    expect(e.adminSites).toEqual(['intranet.example.com']);
    const enforcedList = parsePolicy({ enforced: { allowedSites: ['a.example.com'] }, allowedSites: ['b.example.com'] });
    expect(applyPolicy({ allowedSites: ['user.example.com'] }, enforcedList).settings.allowedSites).toEqual(['b.example.com', 'a.example.com']);
  });

  it('an invalid admin value leaves the user value (or the default) in place', () => {
    const typo = parsePolicy({ enforced: { audience: 'everyone' }, defaults: { minSeverity: 'high' } });
    const e = applyPolicy({ audience: 'business' }, typo);
    expect(e.settings.audience).toBe('business');
    expect(e.settings.minSeverity).toBe(defaults.minSeverity);
    expect(e.locked).toEqual([]);
  });

  it('writablePatch never writes an enforced key nor the admin hosts', () => {
    const patch = writablePatch(
      { decisionLog: false, audience: 'everything', allowedSites: ['intranet.example.com', 'www.example.com'] },
      policy,
    );
    expect(patch).toEqual({ audience: 'everything', allowedSites: ['www.example.com'] });
  });
});
