// The watcher's parts: the per-ruling source configuration, name matching, the Federal Register
// query, and the Covered List and screening-list parsers and comparisons.
import { describe, expect, it } from 'vitest';
import { compareCoveredList, parseCoveredList, parseUsDate } from '../../scripts/data-watch/covered-list';
import { parseDocuments, searchTerm, searchUrl } from '../../scripts/data-watch/federal-register';
import { dayAfter, lastVerified } from '../../scripts/data-watch/findings';
import { coreName, essentialNames, mentions, normalizeName, partiesOf } from '../../scripts/data-watch/names';
import { compareScreeningList, parseScreeningList } from '../../scripts/data-watch/screening-list';
import { COVERED_LIST_CATEGORIES, FEDERAL_REGISTER, SCREENING_LISTS } from '../../scripts/data-watch/sources';
import { dataset, fixture } from './data-watch-recorded';

describe('source configuration', () => {
  const ds = dataset();
  const rulingIds = ds.rulings.map((r) => r.id);
  const vendorIds = new Set(ds.vendors.map((v) => v.id));

  it('gives every ruling in the data Federal Register terms, and names no ruling the data lacks', () => {
    expect(Object.keys(FEDERAL_REGISTER).sort()).toEqual([...rulingIds].sort());
    for (const ruling of ds.rulings) {
      const named = ds.vendors.some((v) => v.rulings.some((r) => r.ruling === ruling.id));
      expect(FEDERAL_REGISTER[ruling.id]!.terms.length > 0 || named, `${ruling.id} would search for nothing`).toBe(true);
    }
  });

  it('refers only to rulings and vendors the data has', () => {
    for (const c of COVERED_LIST_CATEGORIES) {
      expect(rulingIds).toContain(c.ruling);
      for (const v of c.vendors) expect(vendorIds.has(v), v).toBe(true);
    }
    for (const ids of Object.values(SCREENING_LISTS)) for (const id of ids) expect(rulingIds).toContain(id);
  });
});

describe('names', () => {
  it('match whole words of the distinctive part of a company name', () => {
    expect(normalizeName('Hangzhou Hikvision Digital Technology Co., Ltd.')).toBe('hangzhou hikvision digital technology co ltd');
    expect(coreName('China Telecom (Americas) Corporation')).toBe('china telecom americas');
    expect(mentions('HUAWEI TECHNOLOGIES CO., LTD.', 'Huawei Technologies Co., Ltd.')).toBe(true);
    expect(mentions('Telecommunications services provided by China Telecom (Americas) Corp.', 'China Telecom (Americas) Corporation')).toBe(true);
    expect(mentions('Huaweitech Trading', 'Huawei')).toBe(false);
    expect(mentions('Face recognition bureau', 'Face++')).toBe(false);
    expect(mentions('Beijing Megvii (Face++) Technology', 'Face++')).toBe(true);
    expect(mentions('ZT Enterprises', 'ZT')).toBe(false); // too short to match on its own
  });

  it('take a not-restricted entry only by its own name, never by a bare product word', () => {
    const tpLink = partiesOf(dataset()).find((p) => p.id === 'tp-link')!;
    expect(tpLink.names.sort()).toEqual(['tp link', 'tp link systems']);
    expect(tpLink.restricted).toBe(false);
  });

  it('search for the shortest names that cover the rest', () => {
    expect(essentialNames(['Huawei', 'Huawei Technologies Co., Ltd.', 'Huawei Device Co., Ltd.', 'ZTE Corporation'])).toEqual(['zte', 'huawei']);
  });
});

describe('Federal Register search', () => {
  const watch = FEDERAL_REGISTER['dod-1260h-list']!;

  it('asks for the ruling agencies’ documents since the day after the last verification, with the documented parameters', () => {
    const url = new URL(searchUrl(watch, ['tencent', 'catl'], dayAfter('2026-06-30')));
    expect(url.origin + url.pathname).toBe('https://www.federalregister.gov/api/v1/documents.json');
    expect(url.searchParams.getAll('conditions[agencies][]')).toEqual(['defense-department']);
    expect(url.searchParams.get('conditions[publication_date][gte]')).toBe('2026-07-01');
    expect(url.searchParams.get('conditions[term]')).toBe('("1260H" | "Chinese military companies" | "tencent" | "catl")');
    expect(url.searchParams.getAll('fields[]')).toEqual(['document_number', 'title', 'type', 'abstract', 'publication_date', 'html_url']);
    expect(url.searchParams.get('per_page')).toBe('1000');
  });

  it('requires a vendor name on busy lists, and turns search operators inside phrases into spaces', () => {
    expect(searchTerm(FEDERAL_REGISTER['bis-entity-list']!, ['huawei', 'dji'])).toBe('("Entity List") & ("huawei" | "dji")');
    expect(searchTerm({ agencies: [], terms: ['ET Docket No. 21-232', 'a (b) | c'] }, [])).toBe('("ET Docket No. 21 232" | "a b c")');
  });

  it('reads a real API page and an empty one, and refuses an answer of another shape', () => {
    const page = parseDocuments(fixture('federal-register-bis-2026-10-02.json'));
    expect(page.count).toBe(7);
    expect(page.documents[3]).toMatchObject({ document_number: '2026-17231', title: 'Revisions to the Entity List', type: 'Rule', publication_date: '2026-08-24' });
    expect(parseDocuments(fixture('federal-register-empty.json'))).toEqual({ count: 0, documents: [] });
    expect(() => parseDocuments('{"errors":{"conditions":"bad agency"}}')).toThrow();
  });

  it('reads lastVerified before status.asOf', () => {
    const r = dataset().rulings[0]!;
    expect(lastVerified(r)).toBe(r.status.asOf);
    expect(lastVerified({ ...r, lastVerified: '2026-11-28' })).toBe('2026-11-28');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});

describe('FCC Covered List', () => {
  it('reads the entries, their dates of inclusion and the "Updated" line', () => {
    const page = parseCoveredList(fixture('fcc-covered-list.html'));
    expect(page.updated).toBe('2026-03-23');
    expect(page.entries.length).toBe(12);
    expect(page.entries[0]).toEqual({
      text: 'Telecommunications equipment produced by Huawei Technologies Company, including telecommunications or video surveillance services provided by such entity or using such equipment.',
      included: '2021-03-12',
    });
    expect(page.entries.at(-1)).toEqual({ text: 'Routers produced in a foreign country.', included: '2026-03-23' });
  });

  it('reads US-style dates, abbreviated or not', () => {
    expect(['March 12, 2021', 'Sept. 20, 2022', 'Dec 22, 2025', 'Smarch 1, 2020', '2021-03-12'].map(parseUsDate)).toEqual(['2021-03-12', '2022-09-20', '2025-12-22', undefined, undefined]);
  });

  it('reports a vendor the data lists there but no entry names, and a vendor an entry names but the data does not list there', () => {
    const page = parseCoveredList(fixture('fcc-covered-list.html'));
    const withoutZte = { ...page, entries: page.entries.filter((e) => !e.text.includes('ZTE')) };
    expect(compareCoveredList(dataset(), withoutZte)).toEqual([expect.objectContaining({ kind: 'listing-to-remove', vendor: 'zte', ruling: 'fcc-covered-list' })]);
    // Included after the last verification too: reported once, as a listing to add.
    const quectel = { ...page, entries: [...page.entries, { text: 'Cellular modules produced by Quectel Wireless Solutions Co., Ltd.', included: '2026-10-01' }] };
    expect(compareCoveredList(dataset(), quectel)).toEqual([expect.objectContaining({ kind: 'listing-to-add', vendor: 'quectel', date: '2026-10-01' })]);
  });

  it('reports an entry for a listed vendor that is newer than the last verification', () => {
    const page = parseCoveredList(fixture('fcc-covered-list.html'));
    const newer = { ...page, entries: [...page.entries, { text: 'Cloud services provided by Huawei Technologies Company.', included: '2026-10-01' }] };
    expect(compareCoveredList(dataset(), newer)).toEqual([expect.objectContaining({ kind: 'new-listing', vendor: 'huawei', ruling: 'fcc-covered-list', date: '2026-10-01' })]);
  });
});

describe('Consolidated Screening List', () => {
  const entries = parseScreeningList(fixture('consolidated-screening-list.csv'));

  it('reads the bulk CSV: quoted fields, alternative names, start dates', () => {
    expect(entries.length).toBe(34);
    const cetc = entries.find((e) => e.name.startsWith('China Electronics Technology Group'))!;
    expect(cetc).toMatchObject({ source: 'Entity List (EL) - Bureau of Industry and Security', startDate: '2018-08-01' });
    expect(cetc.names).toContain('hebei semiconductor research institute');
    expect(entries.find((e) => e.name === 'PROVEN HONOUR CAPITAL LIMITED')?.startDate).toBeUndefined();
    expect(() => parseScreeningList('a,b\n1,2\n')).toThrow('no "source" and "name" columns');
  });

  it('reports a listing the data claims but the list does not show', () => {
    const withoutSmic = entries.filter((e) => !e.name.startsWith('Semiconductor Manufacturing'));
    expect(compareScreeningList(dataset(), withoutSmic)).toEqual([expect.objectContaining({ kind: 'listing-to-remove', vendor: 'smic', ruling: 'bis-entity-list' })]);
  });

  it('reports a not-restricted name on a list, a new entry for a listed vendor, and a brand lookalike', () => {
    const add = (csvRows: string) => parseScreeningList(`${fixture('consolidated-screening-list.csv')}${csvRows}`);
    const row = (source: string, name: string, start: string) => `"x","${source}","","","","${name}","","","","${start}","","","","","","","","","","","","","","","","","","https://example.gov/list",""\n`;
    const EL = 'Entity List (EL) - Bureau of Industry and Security';
    const findings = compareScreeningList(
      dataset(),
      add(row(EL, 'TP-Link Systems Inc.', '2026-11-01') + row(EL, 'Huawei Digital Power Co., Ltd.', '2026-09-15') + row('Military End User (MEU) List - Bureau of Industry and Security', 'EZVIZ Network Co., Ltd.', '2026-01-05')),
    );
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'new-listing', vendor: 'huawei', ruling: 'bis-entity-list', date: '2026-09-15' }),
      expect.objectContaining({ kind: 'brand-lookalike', vendor: 'hikvision', summary: 'Military End User (MEU) List entry "EZVIZ Network Co., Ltd." carries a brand name of Hikvision' }),
      expect.objectContaining({ kind: 'listing-to-add', vendor: 'tp-link', ruling: 'bis-entity-list', summary: expect.stringContaining('(it is not restricted)') }),
    ]);
  });
});
