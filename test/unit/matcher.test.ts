import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../src/core/dataset/schema';
import { buildMatchIndex, matchUrl, matchVendor } from '../../src/core/match';
import { createMatcher } from '../../src/core/matcher';

const naive = (domains: { domain: string; id: string }[], host: string) => {
  let best: { domain: string; id: string } | null = null;
  for (const e of domains) {
    if ((host === e.domain || host.endsWith('.' + e.domain)) && (best === null || e.domain.length > best.domain.length)) best = e;
  }
  return best && { id: best.id, domain: best.domain };
};

describe('createMatcher', () => {
  const entries = [
    { domain: 'kaspersky.com', id: 'kaspersky' },
    { domain: 'huawei.com', id: 'huawei' },
    { domain: 'example.com', id: 'b' },
    { domain: 'foo.example.com', id: 'a' },
    { domain: 'zte.com.cn', id: 'zte' },
  ];
  const m = createMatcher(entries);

  it('matches exact domains and subdomains on label boundaries', () => {
    expect(m.match('kaspersky.com')).toEqual({ id: 'kaspersky', domain: 'kaspersky.com' });
    expect(m.match('usa.kaspersky.com')).toEqual({ id: 'kaspersky', domain: 'kaspersky.com' });
    expect(m.match('a.b.c.usa.kaspersky.com')).toEqual({ id: 'kaspersky', domain: 'kaspersky.com' });
    expect(m.match('www.zte.com.cn')).toEqual({ id: 'zte', domain: 'zte.com.cn' });
  });

  it('does not match across label boundaries or as a prefix', () => {
    for (const host of ['notkaspersky.com', 'kaspersky.com.example.org', 'kaspersky.co', 'com', 'aspersky.com', 'kaspersky.comx', 'xkaspersky.com', 'com.cn', 'zte.com', '']) {
      expect(m.match(host), host).toBeNull();
    }
  });

  it('prefers the most specific domain', () => {
    expect(m.match('example.com')?.id).toBe('b');
    expect(m.match('bar.example.com')?.id).toBe('b');
    expect(m.match('foo.example.com')?.id).toBe('a');
    expect(m.match('x.foo.example.com')?.id).toBe('a');
    expect(m.match('xfoo.example.com')?.id).toBe('b');
  });

  it('matchAll lists every covering entry, most specific first', () => {
    expect(m.matchAll('x.foo.example.com')).toEqual([
      { id: 'a', domain: 'foo.example.com' },
      { id: 'b', domain: 'example.com' },
    ]);
    expect(m.matchAll('nothing.test')).toEqual([]);
  });

  it('keeps the first id for a repeated domain and counts distinct domains', () => {
    const d = createMatcher([
      { domain: 'dup.example', id: 'first' },
      { domain: 'dup.example', id: 'second' },
    ]);
    expect(d.size).toBe(1);
    expect(d.match('www.dup.example')?.id).toBe('first');
  });

  it('works when empty', () => {
    const empty = createMatcher([]);
    expect(empty.size).toBe(0);
    expect(empty.match('kaspersky.com')).toBeNull();
  });

  it('handles single-label and very deep entries', () => {
    const deep = 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a1.b1.c1.d1.e1.f1.g1.h1.example';
    const d = createMatcher([
      { domain: 'internal', id: 'single' },
      { domain: deep, id: 'deep' },
    ]);
    expect(d.match('intranet.internal')?.id).toBe('single');
    expect(d.match('www.' + deep)?.id).toBe('deep');
    expect(d.match(deep.slice(2))).toBeNull();
  });

  it('agrees with a naive scan on a few thousand random domains', () => {
    // Deterministic pseudo-random generator so failures reproduce.
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const label = () => {
      const alphabet = 'abcde'; // tiny alphabet ⇒ many near-collisions and shared suffixes
      let s = '';
      for (let i = 0, n = 1 + rnd(4); i < n; i++) s += alphabet[rnd(alphabet.length)];
      return s;
    };
    const tlds = ['com', 'net', 'cn', 'co.uk'];
    const list: { domain: string; id: string }[] = [];
    for (let i = 0; i < 3000; i++) {
      const labels = [label()];
      if (rnd(4) === 0) labels.unshift(label());
      list.push({ domain: labels.join('.') + '.' + tlds[rnd(tlds.length)], id: 'v' + rnd(50) });
    }
    // Reference keeps the first id for duplicate domains, like the matcher.
    const firstById = new Map<string, { domain: string; id: string }>();
    for (const e of list) if (!firstById.has(e.domain)) firstById.set(e.domain, e);
    const unique = [...firstById.values()];
    const matcher = createMatcher(list);
    expect(matcher.size).toBe(unique.length);
    for (let i = 0; i < 5000; i++) {
      const labels = [label(), label(), label()].slice(rnd(3));
      const host = labels.join('.') + '.' + tlds[rnd(tlds.length)];
      expect(matcher.match(host), host).toEqual(naive(unique, host));
    }
  });

  it('builds and answers correctly at 100,000 domains (its speed is measured in npm run bench)', () => {
    const list = Array.from({ length: 100_000 }, (_, i) => ({ domain: `d${i.toString(36)}.example${i % 7}.com`, id: 'v' + (i % 300) }));
    const big = createMatcher(list);
    expect(big.size).toBe(100_000);
    expect(big.match('www.d' + (4242).toString(36) + '.example' + (4242 % 7) + '.com')?.id).toBe('v' + (4242 % 300));
    expect(big.match('d0.example1.com')).toBeNull();
  });
});

describe('matchVendor', () => {
  const vendor = (id: string, domains: string[], exclusions: string[] = []): Vendor => ({
    id,
    name: id,
    legalNames: [id],
    country: 'CN',
    aliases: [],
    domains: domains.map((domain) => ({ domain, evidence: 'sourced', source: `https://example.org/${id}` })),
    ...(exclusions.length > 0 && { exclusions: exclusions.map((domain) => ({ domain, reason: 'not this vendor' })) }),
    rulings: [{ ruling: 'r' }],
  });
  const notRestricted = (id: string, domains: string[]) => ({ id, name: id, aliases: [], domains, reason: 'r', sources: [] });
  const index = buildMatchIndex({
    vendors: [
      vendor('alpha', ['alpha.example', 'shared.example'], ['tools.alpha.example']),
      vendor('beta', ['beta.example', 'beta-portal.shared.example']),
      vendor('gamma', ['gamma.example', 'sub.tools.alpha.example']),
      vendor('delta', ['delta.example', 'free.delta.example']),
    ],
    notRestricted: [notRestricted('free', ['free.example', 'free.delta.example'])],
    reportedLinks: [{ id: 'linked', domains: ['linked.example'], vendor: 'alpha' }],
  });

  it('says why it matched', () => {
    expect(matchVendor('www.alpha.example', index)).toEqual({
      kind: 'vendor',
      vendorId: 'alpha',
      domain: 'alpha.example',
      host: 'www.alpha.example',
      evidence: 'sourced',
      source: 'https://example.org/alpha',
      origin: 'bundled',
    });
  });

  it('normalises the host it is given', () => {
    expect(matchVendor('WWW.Alpha.Example.', index)).toMatchObject({ vendorId: 'alpha', host: 'www.alpha.example' });
    expect(matchVendor('1.2.3.4', index)).toBeNull();
    expect(matchVendor('', index)).toBeNull();
    expect(matchUrl('http://alpha.example@example.org/', index)).toBeNull();
  });

  it('prefers the most specific domain', () => {
    expect(matchVendor('x.beta-portal.shared.example', index)).toMatchObject({ vendorId: 'beta', domain: 'beta-portal.shared.example' });
    expect(matchVendor('other.shared.example', index)).toMatchObject({ vendorId: 'alpha' });
  });

  it('honours exclusions for that vendor only', () => {
    expect(matchVendor('tools.alpha.example', index)).toBeNull();
    expect(matchVendor('a.tools.alpha.example', index)).toBeNull();
    expect(matchVendor('other.alpha.example', index)).toMatchObject({ vendorId: 'alpha' });
    // Another vendor's more specific rule under the excluded domain still applies.
    expect(matchVendor('x.sub.tools.alpha.example', index)).toMatchObject({ vendorId: 'gamma' });
  });

  it('never reports a not-restricted or reported-link domain as the vendor', () => {
    expect(matchVendor('www.free.example', index)).toEqual({ kind: 'not-restricted', id: 'free', domain: 'free.example', host: 'www.free.example' });
    expect(matchVendor('free.delta.example', index)).toMatchObject({ kind: 'not-restricted', id: 'free' });
    expect(matchVendor('delta.example', index)).toMatchObject({ kind: 'vendor', vendorId: 'delta' });
    expect(matchVendor('linked.example', index)).toEqual({ kind: 'reported-link', id: 'linked', vendorId: 'alpha', domain: 'linked.example', host: 'linked.example' });
  });

  it('lets an organisation list add vendors and override bundled not-restricted entries', () => {
    const withOrg = buildMatchIndex({
      vendors: [vendor('alpha', ['alpha.example'])],
      notRestricted: [notRestricted('free', ['free.example'])],
      organisationVendors: [vendor('own', ['own.example', 'free.example']), vendor('alpha', ['alpha-extra.example'])],
    });
    expect(matchVendor('own.example', withOrg)).toMatchObject({ vendorId: 'own', origin: 'organisation' });
    expect(matchVendor('free.example', withOrg)).toMatchObject({ vendorId: 'own', origin: 'organisation' });
    expect(matchVendor('alpha-extra.example', withOrg)).toMatchObject({ vendorId: 'alpha', origin: 'organisation' });
    expect(matchVendor('alpha.example', withOrg)).toMatchObject({ vendorId: 'alpha', origin: 'bundled' });
  });

  it('reports, rather than throws on, bad organisation domains', () => {
    const bad = buildMatchIndex({ vendors: [], organisationVendors: [vendor('own', ['own.example', 'not a domain'])] });
    expect(bad.warnings).toEqual(['own: "not a domain" is not a domain name; ignored']);
    expect(matchVendor('own.example', bad)).toMatchObject({ vendorId: 'own' });
  });
});
