import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { isPlausibleHost, validateDataset } from '../../src/core/dataset/validate';
import { validateOrgList } from '../../src/core/dataset/org-list';
import { isRegistrableHost } from '../../src/core/dataset/registrable';
import type { Dataset } from '../../src/core/dataset/schema';

const fresh = (): Dataset => structuredClone(raw) as Dataset;

function errorsAfter(mutate: (d: Dataset) => void): string[] {
  const d = fresh();
  mutate(d);
  return validateDataset(d, isRegistrableHost).errors;
}

const vendor = (d: Dataset, id: string) => {
  const v = d.vendors.find((x) => x.id === id);
  if (!v) throw new Error(`no vendor ${id}`);
  return v;
};
const ruling = (d: Dataset, id: string) => {
  const r = d.rulings.find((x) => x.id === id);
  if (!r) throw new Error(`no ruling ${id}`);
  return r;
};

describe('bundled dataset', () => {
  it('passes validation', () => {
    const result = validateDataset(raw, isRegistrableHost);
    expect(result.errors).toEqual([]);
    expect(result.dataset?.meta.version).toBe('2026.11.30');
  });

  it('covers the required vendors, rulings and non-restricted entries', () => {
    const d = fresh();
    for (const id of ['kaspersky', 'huawei', 'zte', 'hytera', 'hikvision', 'dahua', 'dji', 'autel-robotics', 'bytedance', 'deepseek', 'iflytek']) {
      expect(d.vendors.some((v) => v.id === id), id).toBe(true);
    }
    for (const id of ['honor', 'ultraav', 'lorex', 'tp-link', 'amcrest']) expect(d.notRestricted.some((n) => n.id === id), id).toBe(true);
    expect(d.vendors.some((v) => v.id === 'tp-link')).toBe(false);
    for (const id of ['alibaba', 'baidu', 'byd']) expect(d.notRestricted.some((n) => n.id === id), id).toBe(false);
    expect(ruling(d, 'tp-link-proposed-ban').status.value).toBe('paused');
    expect(ruling(d, 'fcc-oet-update-waiver-2026').effect).toBe('relief');
  });

  it('does not attribute detmir.ru to Kaspersky and excludes autel.com from Autel Robotics', () => {
    const d = fresh();
    expect(d.vendors.flatMap((v) => v.domains.map((x) => x.domain))).not.toContain('detmir.ru');
    expect(vendor(d, 'autel-robotics').exclusions?.map((x) => x.domain)).toContain('autel.com');
  });

  it('marks a domain sourced only with a source URL', () => {
    for (const v of fresh().vendors) for (const dom of v.domains) if (dom.evidence === 'sourced') expect(dom.source, dom.domain).toBeTruthy();
  });
});

describe('validation rules', () => {
  it('reports zod errors as "path: message"', () => {
    const errors = errorsAfter((d) => {
      (vendor(d, 'kaspersky') as { country: string }).country = 'RUS';
    });
    expect(errors.some((e) => /^vendors\.0\.country: /.test(e))).toBe(true);
  });

  it('rejects a vendor ruling reference that does not resolve', () => {
    const errors = errorsAfter((d) => vendor(d, 'zte').rulings.push({ ruling: 'no-such-ruling' }));
    expect(errors).toContainEqual(expect.stringContaining('references unknown ruling "no-such-ruling"'));
  });

  it('rejects a reportedLink whose vendor does not resolve', () => {
    const errors = errorsAfter((d) => {
      (d.reportedLinks[0] as { vendor: string }).vendor = 'nobody';
    });
    expect(errors).toContainEqual(expect.stringContaining('references unknown vendor "nobody"'));
  });

  it('rejects duplicate ruling ids', () => {
    const errors = errorsAfter((d) => d.rulings.push(structuredClone(d.rulings[0]!)));
    expect(errors).toContainEqual(expect.stringContaining('duplicate ruling id "commerce-kaspersky-final-determination"'));
  });

  it('rejects duplicate vendor ids', () => {
    const errors = errorsAfter((d) => d.vendors.push({ ...structuredClone(vendor(d, 'zte')), domains: [] }));
    expect(errors).toContainEqual(expect.stringContaining('duplicate vendor id "zte"'));
  });

  it('rejects an id shared by a vendor and a notRestricted entry', () => {
    const errors = errorsAfter((d) => {
      d.notRestricted[0]!.id = 'zte';
    });
    expect(errors).toContainEqual(expect.stringContaining('"zte" is used by more than one'));
  });

  it('rejects a domain claimed by two vendors', () => {
    const errors = errorsAfter((d) => vendor(d, 'zte').domains.push({ domain: 'huawei.com', evidence: 'believed' }));
    expect(errors).toContainEqual(expect.stringContaining('domain "huawei.com" is also claimed by vendor huawei'));
  });

  it('rejects a domain claimed by a vendor and a notRestricted entry', () => {
    const errors = errorsAfter((d) => d.notRestricted.find((n) => n.id === 'honor')!.domains.push('huawei.com'));
    expect(errors).toContainEqual(expect.stringContaining('domain "huawei.com" is also claimed by vendor huawei'));
  });

  it('rejects a domain claimed by a vendor and a reportedLink', () => {
    const errors = errorsAfter((d) => d.reportedLinks[0]!.domains.push('dji.com'));
    expect(errors).toContainEqual(expect.stringContaining('domain "dji.com" is also claimed by vendor dji'));
  });

  it('rejects a bare public suffix as a domain', () => {
    const errors = errorsAfter((d) => vendor(d, 'zte').domains.push({ domain: 'co.uk', evidence: 'believed' }));
    expect(errors).toContainEqual(expect.stringContaining('domain "co.uk" is not registrable'));
  });

  it('rejects an unknown top-level domain', () => {
    const errors = errorsAfter((d) => vendor(d, 'zte').domains.push({ domain: 'zte.notarealtld', evidence: 'believed' }));
    expect(errors).toContainEqual(expect.stringContaining('domain "zte.notarealtld" is not registrable'));
  });

  it('rejects a vendor exclusion that is also a vendor domain', () => {
    const errors = errorsAfter((d) => vendor(d, 'autel-robotics').domains.push({ domain: 'autel.com', evidence: 'believed' }));
    expect(errors).toContainEqual(expect.stringContaining('exclusion "autel.com" is also one of the vendor\'s domains'));
  });

  it('rejects an impossible ISO date', () => {
    const errors = errorsAfter((d) => {
      ruling(d, 'pafaca').phases[0]!.date = '2025-02-30';
    });
    const i = fresh().rulings.findIndex((r) => r.id === 'pafaca');
    expect(errors).toContainEqual(`rulings.${i}.phases.0.date: Invalid ISO date`);
  });

  it('rejects phases out of order', () => {
    const errors = errorsAfter((d) => ruling(d, 'commerce-kaspersky-final-determination').phases.reverse());
    expect(errors).toContainEqual(expect.stringContaining('phases must be in ascending date order'));
  });

  it('rejects a ruling without a primary source', () => {
    const errors = errorsAfter((d) => {
      for (const s of ruling(d, 'dhs-bod-17-01').sources) s.primary = false;
    });
    expect(errors).toContainEqual(expect.stringContaining('rulings.3 (dhs-bod-17-01): needs at least one primary source'));
  });

  it('rejects a notRestricted name equal to a vendor alias', () => {
    const errors = errorsAfter((d) => d.notRestricted.find((n) => n.id === 'honor')!.aliases.push('tiktok'));
    expect(errors).toContainEqual(expect.stringContaining('name "tiktok" equals a name or alias of vendor "bytedance"'));
  });

  it('rejects a changelog whose first version differs from meta.version', () => {
    const errors = errorsAfter((d) => {
      d.meta.version = '2026.12.01';
    });
    expect(errors).toContainEqual(expect.stringContaining('first changelog entry is "2026.11.30" but meta.version is "2026.12.01"'));
  });
});

describe('freshness and timeline rules', () => {
  it('refuses a ruling without a verification date', () => {
    const errors = errorsAfter((d) => {
      delete (ruling(d, 'pafaca') as { lastVerified?: string }).lastVerified;
    });
    expect(errors).toContainEqual(expect.stringMatching(/^rulings\.\d+\.lastVerified: /));
  });
  it('refuses a verification date no source read on or after it backs', () => {
    const errors = errorsAfter((d) => {
      const r = ruling(d, 'commerce-connected-vehicles');
      for (const s of r.sources) s.accessed = '2026-06-01';
      r.lastVerified = '2026-06-26';
    });
    expect(errors).toContainEqual(expect.stringContaining('(commerce-connected-vehicles): lastVerified 2026-06-26 is not backed by a source accessed on or after it'));
  });
  it('does not count a cited-but-unread source as backing', () => {
    const errors = errorsAfter((d) => {
      const r = ruling(d, 'commerce-connected-vehicles');
      for (const s of r.sources) delete s.accessed;
    });
    expect(errors).toContainEqual(expect.stringContaining('(commerce-connected-vehicles): lastVerified'));
  });
  it('refuses a source accessed after the review day', () => {
    const errors = errorsAfter((d) => {
      ruling(d, 'pafaca').sources[0]!.accessed = '2026-12-24';
    });
    expect(errors).toContainEqual(expect.stringContaining('(pafaca): source accessed 2026-12-24, after meta.reviewedOn'));
  });
  it('refuses events out of date order', () => {
    const errors = errorsAfter((d) => {
      ruling(d, 'pafaca').events!.reverse();
    });
    expect(errors).toContainEqual(expect.stringContaining('(pafaca): events must be in ascending date order'));
  });
  it("refuses a vendor event limited to a domain that is not the vendor's", () => {
    const errors = errorsAfter((d) => {
      vendor(d, 'bytedance').rulings.find((r) => r.ruling === 'pafaca')!.events![0]!.domains!.push('example.com');
    });
    expect(errors).toContainEqual(expect.stringContaining('names "example.com", which is not one of the vendor\'s domains'));
  });
  it('refuses a domain-limited event on a ruling as a whole', () => {
    const errors = errorsAfter((d) => {
      ruling(d, 'pafaca').events![0]!.domains = ['tiktok.com'];
    });
    expect(errors).toContainEqual(expect.stringContaining("(pafaca): only a vendor's own events may be limited to domains"));
  });
  it('refuses a domain scope for a ruling the vendor does not reference', () => {
    const errors = errorsAfter((d) => {
      vendor(d, 'kaspersky').domains.find((x) => x.domain === 'securelist.com')!.scope![0]!.ruling = 'pafaca';
    });
    expect(errors).toContainEqual(expect.stringContaining('domain "securelist.com" scopes ruling "pafaca", which the vendor does not reference'));
  });
  it('allows naming a company in a paused proposal while it is not restricted (TP-Link)', () => {
    const d = fresh();
    expect(ruling(d, 'tp-link-proposed-ban').officialName).toContain('TP-Link');
    expect(validateDataset(d, isRegistrableHost).errors).toEqual([]);
  });
});

describe('isRegistrableHost', () => {
  it('accepts registrable domains and hosts under them', () => {
    expect(isRegistrableHost('kaspersky.com')).toBe(true);
    expect(isRegistrableHost('usa.kaspersky.com')).toBe(true);
    expect(isRegistrableHost('kaspersky.co.uk')).toBe(true);
  });
  it('rejects public suffixes', () => {
    expect(isRegistrableHost('com')).toBe(false);
    expect(isRegistrableHost('co.uk')).toBe(false);
  });
});

describe('isPlausibleHost (the extension-side check for organisation lists)', () => {
  it('accepts ordinary and IDN hosts', () => {
    expect(isPlausibleHost('acme-cams.com')).toBe(true);
    expect(isPlausibleHost('shop.acme.co.uk')).toBe(true);
    expect(isPlausibleHost('xn--80ak6aa92e.xn--p1ai')).toBe(true);
  });
  it('rejects single labels, IP addresses and numeric top-level labels', () => {
    expect(isPlausibleHost('localhost')).toBe(false);
    expect(isPlausibleHost('10.0.0.1')).toBe(false);
    expect(isPlausibleHost('acme.123')).toBe(false);
  });
});

describe('validateOrgList', () => {
  const orgVendor = {
    id: 'acme-cams',
    name: 'Acme Cams',
    legalNames: ['Acme Cameras Ltd.'],
    country: 'CN',
    aliases: [],
    domains: [{ domain: 'acme-cams.example.com', evidence: 'believed' }],
    rulings: [{ ruling: 'fcc-covered-list' }],
  };

  it('accepts vendors referencing bundled rulings', () => {
    const ids = fresh().rulings.map((r) => r.id);
    expect(validateOrgList({ vendors: [{ ...orgVendor, domains: [{ domain: 'acme-cams.com', evidence: 'believed' }] }] }, ids).errors).toEqual([]);
  });

  it('rejects a reference to a ruling that is neither bundled nor the org\'s own', () => {
    expect(validateOrgList({ vendors: [{ ...orgVendor, domains: [] }] }).errors).toContainEqual(
      expect.stringContaining('references unknown ruling "fcc-covered-list"'),
    );
  });

  it('accepts the org\'s own rulings and rejects ones colliding with bundled ids', () => {
    const own = structuredClone(fresh().rulings[0]!);
    own.id = 'acme-policy';
    const vendors = [{ ...orgVendor, domains: [], rulings: [{ ruling: 'acme-policy' }] }];
    expect(validateOrgList({ rulings: [own], vendors }, ['fcc-covered-list']).errors).toEqual([]);
    expect(validateOrgList({ rulings: [own], vendors }, ['acme-policy']).errors).toContainEqual(
      expect.stringContaining('collides with a bundled ruling id'),
    );
  });

  it('reports schema errors', () => {
    expect(validateOrgList({ vendors: [{ id: 'Bad Id' }] }).errors.length).toBeGreaterThan(0);
  });
});
