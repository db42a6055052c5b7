// `npm run data:watch` against recorded responses: silent on data that matches the sources, and it
// finds a planted new 1260H notice, a planted Covered List entry and a planted CSL listing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/data-watch/cli';
import { SourceError } from '../../scripts/data-watch/fetch';
import { formatReport } from '../../scripts/data-watch/report';
import { exitCode, runWatch } from '../../scripts/data-watch/watch';
import { dataset, fixture, recordedFetch } from './data-watch-recorded';

afterEach(() => vi.restoreAllMocks());

// Planted, hand-built after the API's document fields: a December 2026 update of the 1260H list.
const PLANTED_1260H = {
  count: 1,
  total_pages: 1,
  results: [
    {
      document_number: '2026-24817',
      title:
        'Entities Identified as Chinese Military Companies Operating in the United States in Accordance With Section 1260H of the William M. ("Mac") Thornberry National Defense Authorization Act for Fiscal Year 2021 (Public Law 116-283)',
      type: 'Notice',
      abstract: 'The Department of Defense is publishing an updated list of Chinese military companies, which continues to include Tencent Holdings Ltd.',
      publication_date: '2026-12-10',
      html_url: 'https://www.federalregister.gov/documents/2026/12/10/2026-24817/entities-identified-as-chinese-military-companies-operating-in-the-united-states',
    },
  ],
};
const planted1260h = (url: URL) => (url.searchParams.get('conditions[term]')?.includes('1260H') ? JSON.stringify(PLANTED_1260H) : undefined);

// Planted: a Covered List entry the data does not have, and the page's "Updated" line moved with it.
const plantedCoveredList = fixture('fcc-covered-list.html')
  .replace('(Updated March 23, 2026)', '(Updated December 1, 2026)')
  .replace('</tbody>', '<tr><td>Cellular modules produced by Example Robotics Co., Ltd.</td><td>December 1, 2026</td></tr></tbody>');

// Planted: Hikvision on the CMIC list, where the data does not list it.
const plantedScreeningList = `${fixture('consolidated-screening-list.csv')}"banwatch-planted-1","Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department","banwatch-planted-1","Entity","CMIC-EO13959","HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.","","Hangzhou, CN","","","","","","","","","","","","","","https://ofac.treasury.gov/other-ofac-sanctions-lists","HIKVISION","","","","","https://ofac.treasury.gov/other-ofac-sanctions-lists","01 Dec 2026, Listing Date (CMIC)"\n`;

describe('data:watch on recorded responses', () => {
  it('reports nothing when the sources match the data', async () => {
    const fetchText = recordedFetch();
    const result = await runWatch(dataset(), fetchText, '2026-12-20');
    expect(result.sources.map((s) => [s.source, s.ok])).toEqual([
      ['federal-register', true],
      ['fcc-covered-list', true],
      ['screening-list', true],
    ]);
    expect(result.findings).toEqual([]);
    expect(exitCode(result)).toBe(0);
    expect(fetchText.urls.filter((u) => u.startsWith('https://www.federalregister.gov/')).length).toBe(dataset().rulings.length);
  });

  it('finds a planted new 1260H notice, with its link and the vendor it names', async () => {
    const result = await runWatch(dataset(), recordedFetch({ federalRegister: planted1260h }), '2026-12-20');
    const found = result.findings.filter((f) => f.kind === 'new-document' && f.ruling === 'dod-1260h-list');
    expect(found).toEqual([
      expect.objectContaining({
        source: 'federal-register',
        date: '2026-12-10',
        vendors: ['tencent'],
        url: PLANTED_1260H.results[0]?.html_url,
        summary: expect.stringContaining('Notice 2026-24817: Entities Identified as Chinese Military Companies'),
      }),
    ]);
    // NDAA section 805 rests on the same list, so its search finds the notice too; nothing else does.
    expect(new Set(result.findings.map((f) => f.ruling))).toEqual(new Set(['dod-1260h-list', 'ndaa-fy2024-sec-805']));
    expect(exitCode(result)).toBe(1);
  });

  it('finds a planted Covered List entry and the page update that came with it', async () => {
    const result = await runWatch(dataset(), recordedFetch({ coveredList: plantedCoveredList }), '2026-12-20');
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 'list-updated', source: 'fcc-covered-list', ruling: 'fcc-covered-list', date: '2026-12-01' }),
      expect.objectContaining({
        kind: 'listing-to-add',
        source: 'fcc-covered-list',
        date: '2026-12-01',
        summary: 'Covered List entry names no vendor in the data: "Cellular modules produced by Example Robotics Co., Ltd."',
      }),
    ]);
    expect(exitCode(result)).toBe(1);
  });

  it('finds a planted CSL listing of a vendor on a list where the data does not list it', async () => {
    const result = await runWatch(dataset(), recordedFetch({ screeningList: plantedScreeningList }), '2026-12-20');
    expect(result.findings).toEqual([
      expect.objectContaining({
        kind: 'listing-to-add',
        source: 'screening-list',
        vendor: 'hikvision',
        ruling: 'ofac-ns-cmic',
        summary: 'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) names "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."; the data does not list Hikvision there',
      }),
    ]);
  });

  it('prints the findings per ruling and vendor, each with its link', async () => {
    const ds = dataset();
    const result = await runWatch(ds, recordedFetch({ federalRegister: planted1260h, coveredList: plantedCoveredList, screeningList: plantedScreeningList }), '2026-12-20');
    const report = formatReport(ds, result);
    expect(report).toContain(`BanWatch data:watch on 2026-12-20, dataset ${dataset().meta.version}`);
    expect(report).toContain(`  Federal Register: ${dataset().rulings.length} searches`);
    expect(report).toContain('  FCC Covered List: 13 entries, updated 2026-12-01');
    expect(report).toMatch(/\nRuling dod-1260h-list \(last verified 2026-06-24\)\n {2}new document {6}2026-12-10 {2}Notice 2026-24817: .* \(names tencent\)\n {20}https:\/\/www\.federalregister\.gov\/documents\/2026\/12\/10\//);
    expect(report).toContain('\nVendor hikvision (Hikvision)\n  listing to add    Non-SDN');
    expect(report).toContain('\nNot in the data\n  listing to add    2026-12-01  Covered List entry names no vendor in the data');
    expect(report.indexOf('Ruling fcc-covered-list')).toBeLessThan(report.indexOf('Ruling dod-1260h-list'));
    expect(report.trimEnd().endsWith('5 findings to review.')).toBe(true);
  });

  it('reads lastVerified where a ruling has it, and status.asOf where it does not', async () => {
    const ds = dataset();
    const ruling = ds.rulings.find((r) => r.id === 'commerce-connected-vehicles')!;
    delete (ruling as { lastVerified?: string }).lastVerified; // as an organisation's ruling without one
    ruling.status.asOf = '2026-09-01';
    const bis = (url: URL) => (url.searchParams.get('conditions[term]')?.includes('connected vehicle') ? fixture('federal-register-bis-2026-10-02.json') : undefined);
    const byAsOf = await runWatch(ds, recordedFetch({ federalRegister: bis }), '2026-10-02');
    // The real capture: three documents after 2026-09-01; the August ones are older and not reported.
    expect(byAsOf.findings.map((f) => f.date)).toEqual(['2026-09-30', '2026-09-29', '2026-09-24']);
    expect(byAsOf.findings[0]?.url).toBe('https://www.federalregister.gov/documents/2026/09/30/2026-20058/agency-information-collection-activities-submission-to-the-office-of-management-and-budget-omb-for');

    Object.assign(ruling, { lastVerified: '2026-09-25' });
    const fetchText = recordedFetch({ federalRegister: bis });
    const byLastVerified = await runWatch(ds, fetchText, '2026-10-02');
    expect(byLastVerified.findings.map((f) => f.date)).toEqual(['2026-09-30', '2026-09-29']);
    expect(fetchText.urls.some((u) => new URL(u).searchParams.get('conditions[publication_date][gte]') === '2026-09-26')).toBe(true);
  });

  it('reports a source whose answer it cannot read, and the others still run', async () => {
    const result = await runWatch(dataset(), recordedFetch({ coveredList: '<html><body><p>Page moved</p></body></html>' }), '2026-12-20');
    expect(result.sources.find((s) => s.source === 'fcc-covered-list')).toMatchObject({ ok: false, detail: 'could not read its answer: the page has no table with a "Date of Inclusion" column' });
    expect(result.sources.filter((s) => s.ok).length).toBe(2);
    expect(exitCode(result)).toBe(2);
  });
});

describe('npm run data:watch', () => {
  it('prints one line and exits 2 when no source can be reached', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const offline = async (url: string): Promise<string> => {
      throw new SourceError(`cannot reach ${new URL(url).host}: ENOTFOUND (3 attempts)`, true);
    };
    expect(await main([], '.', offline)).toBe(2);
    expect(log).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toBe(
      'data:watch: offline? No source could be reached: www.federalregister.gov: ENOTFOUND (3 attempts); www.fcc.gov: ENOTFOUND (3 attempts); data.trade.gov: ENOTFOUND (3 attempts)',
    );
  });

  it('--json prints the whole result for automation, and the exit status says whether to review', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['--json'], '.', recordedFetch({ federalRegister: planted1260h }))).toBe(1);
    const printed = JSON.parse(log.mock.calls[0]?.[0] as string);
    expect(printed.datasetVersion).toBe(dataset().meta.version);
    expect(printed.findings.map((f: { ruling: string }) => f.ruling)).toContain('dod-1260h-list');
    expect(await main([], '.', recordedFetch())).toBe(0);
    expect(log.mock.calls.at(-1)?.[0]).toContain('Nothing to review');
  });
});
