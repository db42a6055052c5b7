// The pages render from the lean index and one entry's record (core/dataset/split.ts): the host
// resolved on the lean index, the verdict decided on a catalog of that record. Both must give
// exactly the verdict the whole dataset gives, for every entry and every listed domain.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import { buildCatalog } from '../../src/core/catalog';
import { entryIds, leanOf, recordOf } from '../../src/core/dataset/split';
import { leanMatchSources } from '../../src/core/dataset/lean-match';
import { buildMatchIndex, matchVendor } from '../../src/core/match';
import { defaults, type Settings } from '../../src/core/settings';
import { verdict, type Subject } from '../../src/core/verdict';

const lean = leanOf(dataset);
const leanIndex = buildMatchIndex(leanMatchSources(lean));
const full = buildCatalog(dataset);
const SETTINGS: Settings[] = [
  structuredClone(defaults),
  { ...structuredClone(defaults), audience: 'federal-contractor', minSeverity: 'watch' },
  { ...structuredClone(defaults), authorities: { ...defaults.authorities, fcc: false }, snoozed: {} },
];
const DAYS = ['2024-07-01', '2026-11-30', '2028-01-01'];

const catalogs = new Map<string | null, ReturnType<typeof buildCatalog>>();
function recordCatalog(id: string | null) {
  if (!catalogs.has(id)) catalogs.set(id, buildCatalog((id !== null && recordOf(dataset, id)) || { vendors: [], rulings: [], notRestricted: [], reportedLinks: [] }));
  return catalogs.get(id)!;
}

/** The verdict as a page decides it: the entry the lean index names, then its record. */
function pageVerdict(subject: Subject, settings: Settings, today: string) {
  let id: string | null;
  if ('id' in subject) id = subject.id;
  else {
    const m = matchVendor(subject.host, leanIndex);
    id = m === null ? null : m.kind === 'vendor' ? m.vendorId : m.id;
  }
  return verdict({ catalog: recordCatalog(id), settings, today }, subject);
}

const hosts = [...dataset.vendors.flatMap((v) => [...v.domains.map((d) => d.domain), ...(v.exclusions ?? []).map((x) => x.domain)]), ...dataset.notRestricted.flatMap((n) => n.domains), ...dataset.reportedLinks.flatMap((l) => l.domains)];

describe('lean index and entry records', () => {
  it('carry no ruling text in the lean index, and a record for every entry', () => {
    const text = JSON.stringify(lean);
    expect(text).not.toContain(dataset.rulings[0]!.summary);
    expect(text.length).toBeLessThan(JSON.stringify(dataset).length / 5);
    for (const id of entryIds(dataset)) expect(recordOf(dataset, id)).not.toBeNull();
    expect(recordOf(dataset, 'no-such-entry')).toBeNull();
  });

  it('give the whole dataset\'s verdict for every entry by id', () => {
    for (const settings of SETTINGS) for (const today of DAYS) for (const id of [...entryIds(dataset), 'no-such-entry']) {
      expect(pageVerdict({ id }, settings, today)).toEqual(verdict({ catalog: full, settings, today }, { id }));
    }
  }, 60_000);

  it('give the whole dataset\'s verdict for every listed domain, a subdomain of it and unlisted hosts', () => {
    expect(hosts.length).toBeGreaterThan(50);
    let vendors = 0;
    for (const settings of SETTINGS) for (const today of DAYS) for (const host of [...hosts.flatMap((h) => [h, `www.${h}`]), 'example.com', 'not a host']) {
      const expected = verdict({ catalog: full, settings, today }, { host });
      if (expected.kind === 'vendor') vendors++;
      expect(pageVerdict({ host }, settings, today), host).toEqual(expected);
    }
    expect(vendors).toBeGreaterThan(100); // the comparison covered real warnings, not only "none"
  }, 60_000);
});
