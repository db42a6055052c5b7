// The Consolidated Screening List's public bulk download (trade.gov; no key, unlike its search
// API): every party on the export-screening lists of Commerce, State and the Treasury, one CSV row
// each. Compared with the vendors and not-restricted names in the data.
import { parse } from 'csv-parse/sync';
import type { Dataset } from '../../src/core/dataset/schema';
import type { FetchText } from './fetch';
import { lastVerified, rulingById, type Finding, type SourceResult } from './findings';
import { namesParty, normalizeName, partiesOf, resemblesParty, type Party } from './names';
import { SCREENING_LISTS } from './sources';

export const SCREENING_LIST_URL = 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv';

export interface ScreeningEntry {
  source: string; // e.g. "Entity List (EL) - Bureau of Industry and Security"
  name: string;
  startDate?: string;
  url?: string;
  names: string[]; // name and alternative names, normalised
}

export function parseScreeningList(csv: string): ScreeningEntry[] {
  const rows = parse(csv, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string | undefined>[];
  if (rows.length && !('source' in rows[0]! && 'name' in rows[0]!)) throw new Error('the file has no "source" and "name" columns');
  return rows.map((row) => ({
    source: row.source ?? '',
    name: row.name ?? '',
    startDate: /^\d{4}-\d{2}-\d{2}$/.test(row.start_date ?? '') ? row.start_date : undefined,
    url: row.source_information_url || undefined,
    names: [row.name ?? '', ...(row.alt_names ?? '').split(';')].map(normalizeName).filter(Boolean),
  }));
}

/** "Entity List (EL) - Bureau of Industry and Security" → "Entity List (EL)". */
const listTitle = (source: string) => source.split(' - ')[0] as string;

function quote(entries: ScreeningEntry[]): string {
  return `"${entries[0]?.name}"${entries.length > 1 ? ` and ${entries.length - 1} more` : ''}`;
}

function partyFindings(ds: Dataset, party: Party, entries: ScreeningEntry[]): Finding[] {
  const base = { source: 'screening-list' as const, vendor: party.id };
  const vendor = ds.vendors.find((v) => v.id === party.id);
  /** The ruling through which the data lists this party on `source`, if it does. */
  const claimed = (source: string) => (SCREENING_LISTS[source] ?? []).find((id) => vendor?.rulings.some((r) => r.ruling === id));
  const hits = entries.filter((e) => e.names.some((n) => namesParty(n, party)));
  const bySource = new Map<string, ScreeningEntry[]>();
  for (const e of hits) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  const findings: Finding[] = [];

  for (const source of Object.keys(SCREENING_LISTS).filter((s) => claimed(s) && !bySource.has(s))) {
    const summary = `The data lists ${party.label} on the ${listTitle(source)}; the CSL shows no entry under its names`;
    findings.push({ ...base, kind: 'listing-to-remove', ruling: claimed(source), summary });
  }
  for (const [source, listed] of bySource) {
    const ruling = claimed(source);
    if (!ruling) {
      findings.push({
        ...base,
        kind: 'listing-to-add',
        ruling: SCREENING_LISTS[source]?.[0],
        summary: `${listTitle(source)} names ${quote(listed)}; the data does not list ${party.label} there${party.restricted ? '' : ' (it is not restricted)'}`,
        url: listed[0]?.url,
      });
      continue;
    }
    const verified = lastVerified(rulingById(ds, ruling));
    for (const entry of listed.filter((e) => e.startDate && e.startDate > verified)) {
      const summary = `${listTitle(source)} entry "${entry.name}" starts ${entry.startDate}, after ${verified}`;
      findings.push({ ...base, kind: 'new-listing', ruling, date: entry.startDate, summary, url: entry.url });
    }
  }
  const lookalikes = entries.filter((e) => !hits.includes(e) && e.names.some((n) => resemblesParty(n, party)));
  for (const entry of lookalikes) {
    const summary = `${listTitle(entry.source)} entry "${entry.name}" carries a brand name of ${party.label}`;
    findings.push({ ...base, kind: 'brand-lookalike', summary, url: entry.url });
  }
  return findings;
}

export function compareScreeningList(ds: Dataset, entries: ScreeningEntry[]): Finding[] {
  return partiesOf(ds).flatMap((party) => partyFindings(ds, party, entries));
}

export async function checkScreeningList(ds: Dataset, fetchText: FetchText): Promise<SourceResult> {
  const entries = parseScreeningList(await fetchText(SCREENING_LIST_URL, { timeoutMs: 180_000 }));
  return { source: 'screening-list', checked: `${entries.length} entries`, findings: compareScreeningList(ds, entries) };
}
