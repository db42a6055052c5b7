// The FCC Covered List page (https://www.fcc.gov/supplychain/coveredlist): a table of covered
// equipment and services, each with its date of inclusion, under an "Updated <date>" line.
import { Window } from 'happy-dom';
import type { Dataset } from '../../src/core/dataset/schema';
import type { FetchText } from './fetch';
import { lastVerified, rulingById, type Finding, type SourceResult } from './findings';
import { mentions, namesParty, normalizeName, partiesOf } from './names';
import { COVERED_LIST_CATEGORIES, COVERED_LIST_RULING } from './sources';

export const COVERED_LIST_URL = 'https://www.fcc.gov/supplychain/coveredlist';

export interface CoveredListPage {
  updated?: string; // YYYY-MM-DD
  entries: { text: string; included?: string }[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "March 12, 2021" → "2021-03-12"; undefined when it is not such a date. */
export function parseUsDate(s: string): string | undefined {
  const m = /([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})/.exec(s);
  const month = m ? MONTHS.findIndex((name) => name.startsWith((m[1] as string).toLowerCase()) && (m[1] as string).length >= 3) : -1;
  if (!m || month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}`;
}

export function parseCoveredList(html: string): CoveredListPage {
  const window = new Window();
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const text = (el: { textContent: string | null }) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const table = [...doc.querySelectorAll('table')].find((t) => /date of inclusion/i.test(text(t)));
    if (!table) throw new Error('the page has no table with a "Date of Inclusion" column');
    const entries = [...table.querySelectorAll('tr')]
      .map((tr) => [...tr.querySelectorAll('td')].map(text))
      .filter((cells) => cells.length >= 2 && cells[0])
      .map(([entry, date]) => ({ text: entry as string, included: parseUsDate(date as string) }));
    const updated = /Updated\s+([A-Za-z]+\.?\s+\d{1,2},\s*\d{4})/.exec(text(doc.body))?.[1];
    return { updated: updated && parseUsDate(updated), entries };
  } finally {
    void window.happyDOM.close();
  }
}

export function compareCoveredList(ds: Dataset, page: CoveredListPage): Finding[] {
  const verifiedOn = (id: string) => lastVerified(rulingById(ds, id));
  const coveredRulings = new Set([COVERED_LIST_RULING, ...COVERED_LIST_CATEGORIES.map((c) => c.ruling)]);
  const parties = partiesOf(ds);
  const claims = (id: string) => ds.vendors.find((v) => v.id === id)?.rulings.some((r) => coveredRulings.has(r.ruling)) ?? false;
  const base = { source: 'fcc-covered-list' as const, url: COVERED_LIST_URL };
  const findings: Finding[] = [];

  if (page.updated && page.updated > verifiedOn(COVERED_LIST_RULING)) {
    const summary = `The Covered List says it was updated on ${page.updated}`;
    findings.push({ ...base, kind: 'list-updated', ruling: COVERED_LIST_RULING, date: page.updated, summary });
  }
  const onList = new Set<string>();
  for (const entry of page.entries) {
    const normalized = normalizeName(entry.text);
    const named = parties.filter((p) => namesParty(normalized, p));
    const categories = COVERED_LIST_CATEGORIES.filter((c) => mentions(entry.text, c.phrase));
    for (const id of [...named.map((p) => p.id), ...categories.flatMap((c) => c.vendors)]) onList.add(id);
    const ruling = categories[0]?.ruling ?? COVERED_LIST_RULING;
    const quoted = `"${entry.text.length > 160 ? `${entry.text.slice(0, 157)}…` : entry.text}"`;

    if (!named.length && !categories.length) {
      const summary = `Covered List entry names no vendor in the data: ${quoted}`;
      findings.push({ ...base, kind: 'listing-to-add', date: entry.included, summary });
      continue;
    }
    const unlisted = named.filter((p) => !claims(p.id));
    for (const p of unlisted) {
      const summary = `Covered List names ${p.label}, which the data does not list there: ${quoted}`;
      findings.push({ ...base, kind: 'listing-to-add', ruling, vendor: p.id, date: entry.included, summary });
    }
    if (!unlisted.length && entry.included && entry.included > verifiedOn(ruling)) {
      const summary = `Covered List entry included after ${verifiedOn(ruling)}: ${quoted}`;
      findings.push({ ...base, kind: 'new-listing', ruling, vendor: named[0]?.id, date: entry.included, summary });
    }
  }
  for (const v of ds.vendors.filter((v) => claims(v.id) && !onList.has(v.id))) {
    const summary = `The data lists ${v.name} on the Covered List; no entry names it`;
    findings.push({ ...base, kind: 'listing-to-remove', ruling: COVERED_LIST_RULING, vendor: v.id, summary });
  }
  return findings;
}

export async function checkCoveredList(ds: Dataset, fetchText: FetchText): Promise<SourceResult> {
  const page = parseCoveredList(await fetchText(COVERED_LIST_URL, { timeoutMs: 30_000 }));
  const checked = `${page.entries.length} entries${page.updated ? `, updated ${page.updated}` : ''}`;
  return { source: 'fcc-covered-list', checked, findings: compareCoveredList(ds, page) };
}
