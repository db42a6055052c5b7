// The pages render from the lean index and one entry's record (core/dataset/split.ts): the host
// resolved on the lean index, the verdict decided on a catalog of that record. The service worker
// does the same for every entry a message names (core/needed-entries.ts), with the records merged
// into one catalog. Both must give exactly the verdict the whole dataset gives, for every entry,
// every listed domain and every brand name.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import { buildCatalog } from '../../src/core/catalog';
import { brandNamesOf, entryIds, leanOf, mergeRecords, recordOf, type EntryRecord } from '../../src/core/dataset/split';
import { leanMatchSources } from '../../src/core/dataset/lean-match';
import { buildMatchIndex, matchVendor } from '../../src/core/match';
import { defaults, type Settings } from '../../src/core/settings';
import { verdict, type Subject } from '../../src/core/verdict';
import { neededEntries, type Subjects } from '../../src/core/needed-entries';
import { buildBrandIndex } from '../../src/core/shopping/brand-matcher';
import { brandMarks, linkMarks } from '../../src/core/shopping/marks';
import { strictDomains } from '../../src/core/strict-rules';

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

describe('the service worker: the records of the entries a message names, merged', () => {
  const brands = buildBrandIndex(brandNamesOf(dataset));
  const fullBrands = buildBrandIndex(dataset);
  /** The catalog the worker builds for a message (shared/context.ts). */
  const workerCatalog = (subjects: Subjects) =>
    buildCatalog(mergeRecords(neededEntries(subjects, leanIndex, () => brands).map((id) => recordOf(dataset, id)).filter((r): r is EntryRecord => r !== null)));
  const names = [
    ...dataset.vendors.flatMap((v) => [v.name, ...v.legalNames, ...v.aliases]),
    ...dataset.notRestricted.flatMap((n) => [n.name, ...n.aliases]),
    ...dataset.reportedLinks.flatMap((l) => [l.name, ...l.aliases]),
  ];
  const fields = [...names, ...names.map((n) => `Visit the ${n} Store`), 'Hikvision-compatible', 'Acme'];
  const strict = { ...structuredClone(defaults), warningStyle: 'strict' as const };

  it('merge records into each vendor, ruling and entry once; all of them are the whole data', () => {
    const all = mergeRecords(entryIds(dataset).map((id) => recordOf(dataset, id)!));
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
    expect(ids(all.vendors)).toEqual(ids(dataset.vendors));
    expect(ids(all.notRestricted)).toEqual(ids(dataset.notRestricted));
    expect(ids(all.reportedLinks)).toEqual(ids(dataset.reportedLinks));
    const cited = new Set(dataset.vendors.flatMap((v) => v.rulings.map((r) => r.ruling)));
    expect(ids(all.rulings)).toEqual(ids(dataset.rulings.filter((r) => cited.has(r.id))));
    expect(mergeRecords([])).toEqual({ vendors: [], rulings: [], notRestricted: [], reportedLinks: [] });
  });

  it('give the whole dataset\'s verdict for a host asked about with another', () => {
    const asked = [...hosts.flatMap((h) => [h, `www.${h}`]), 'example.com', 'not a host'];
    for (const settings of SETTINGS) for (const today of DAYS) {
      asked.forEach((host, i) => {
        const other = asked[(i * 7 + 3) % asked.length]!;
        const catalog = workerCatalog({ hosts: [other, host, null] });
        expect(verdict({ catalog, settings, today }, { host }), host).toEqual(verdict({ catalog: full, settings, today }, { host }));
      });
    }
  }, 60_000);

  it('give the whole dataset\'s marks for every listed domain in one search-results message', () => {
    const all = hosts.flatMap((h) => [h, `shop.${h}`]);
    let marks = 0;
    for (const settings of [...SETTINGS, strict]) for (const today of DAYS) {
      const expected = linkMarks({ catalog: full, settings, today }, all);
      marks += Object.keys(expected.marks).length;
      expect(linkMarks({ catalog: workerCatalog({ hosts: all }), settings, today }, all)).toEqual(expected);
    }
    expect(marks).toBeGreaterThan(200); // real marks were compared, not only empty replies
  }, 60_000);

  it('give the whole dataset\'s notice and marks for each brand name on a marketplace page', () => {
    let notices = 0;
    let marks = 0;
    for (const settings of SETTINGS) for (const today of DAYS) {
      for (const field of fields) {
        const candidates = [{ value: field, source: 'byline' as const, field: '#bylineInfo' }];
        const expected = brandMarks({ catalog: full, settings, today }, fullBrands, 'www.amazon.com', candidates, [field]);
        notices += expected.notice ? 1 : 0;
        marks += Object.keys(expected.items).length;
        const catalog = workerCatalog({ brands: [field] });
        expect(brandMarks({ catalog, settings, today }, brands, 'www.amazon.com', candidates, [field]), field).toEqual(expected);
      }
    }
    expect(notices).toBeGreaterThan(300); // real notices and marks were compared, not only empty replies
    expect(marks).toBeGreaterThan(300);
  }, 60_000);

  it('name nothing for a message about nothing listed, and each id asked for', () => {
    expect(neededEntries({ hosts: ['example.com', null], brands: ['Acme'] }, leanIndex, () => brands)).toEqual([]);
    expect(neededEntries({ ids: ['dji', 'dji'], hosts: ['www.dji.com'] }, leanIndex, () => brands)).toEqual(['dji']);
    // Strict mode's rules decide on every entry: the worker gives them the whole data, which a partial catalog would not replace.
    const some = workerCatalog({ hosts: [hosts[0]!] });
    expect(strictDomains({ catalog: some, settings: strict, today: DAYS[1]! })).not.toEqual(strictDomains({ catalog: full, settings: strict, today: DAYS[1]! }));
  });
});
