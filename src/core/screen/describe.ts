// A screened row in words, for the page, the CLI and the CSV export alike. Strings come from
// src/locales (the page passes the extension's t(), the CLI the same English messages), dates
// through the caller's formatter (the page's locale, ISO days in files).
import type { Audience } from '../dataset/severity';
import { resultClass, type ResultClass } from './results';
import type { RowMatch, RowResult } from './screen';
import type { RulingLine, Source } from './verdict';

/** A localised message: chrome.i18n.getMessage's contract. */
export type Msg = (key: string, subs?: string | string[]) => string;
type DayFormat = (isoDay: string) => string;

const key = (s: string) => s.replaceAll('-', '_');

/** The row's result: a severity for the audience, "Not restricted", or "No match in BanWatch's data as of …". */
export function resultText(r: RowResult, msg: Msg, asOf: string, day: DayFormat): string {
  const cls = resultClass(r);
  if (cls === 'none') return r.cells.some(Boolean) ? msg('screenResult_none', day(asOf)) : msg('screenResult_blank');
  if (cls === 'reported-link' && r.match?.verdict.kind === 'reported-link') return msg('screenResult_reported_link', r.match.verdict.vendorName);
  if (cls === 'not-restricted' || cls === 'nothing-in-force') return msg(`screenResult_${key(cls)}`);
  return msg(`severity_${cls}`);
}

/** Why the row matched: the listed domain, or which of the entry's names and how closely. */
export function whyText(m: RowMatch, msg: Msg): string {
  const g = m.grade;
  if (g.basis === 'domain') return m.host && m.host !== g.name ? msg('screenWhyHost', [m.host, g.name]) : msg('screenWhyDomain', g.name);
  const why = msg(`screenBasis_${key(g.basis)}`, [msg(`screenField_${key(g.field)}`), g.name]);
  // A name found in an unlisted web address ("hikvision.de"): say the domain itself is not listed.
  return m.host ? msg('screenInUnlistedDomain', [m.host, why]) : why;
}

export const confidenceText = (m: RowMatch, msg: Msg) => msg(`screenConfidence_${m.grade.confidence}`);

/** "FCC Covered List — 47 CFR 1.50002 — since 12 Mar 2021". */
export function rulingText(r: RulingLine, msg: Msg, day: DayFormat): string {
  const cite = r.citations.join('; ');
  return r.since ? msg('screenRulingSince', [r.shortName, cite, day(r.since)]) : msg('screenRulingNoDate', [r.shortName, cite]);
}

/** The line for the reader: the headline ruling's "for you", the reason an entry is not restricted, or what is reported. */
export function forYouText(m: RowMatch): string {
  const v = m.verdict;
  if (v.kind === 'vendor') return v.forYou ?? '';
  return v.kind === 'not-restricted' ? v.reason : v.relationship;
}

/** The sources behind a match, each once. */
export function sourcesOf(m: RowMatch): Source[] {
  const v = m.verdict;
  const all = v.kind === 'vendor' ? v.rulings.flatMap((r) => r.sources) : v.sources;
  const seen = new Set<string>();
  return all.filter((s) => !seen.has(s.url) && seen.add(s.url));
}

/** A result class as a filter option or a count names it: "Prohibited", "Not restricted", "No match". */
export const classText = (c: ResultClass, msg: Msg) => (c === 'none' || c === 'nothing-in-force' || c === 'reported-link' || c === 'not-restricted' ? msg(`screenClass_${key(c)}`) : msg(`severity_${c}`));

export const audienceText = (a: Audience, msg: Msg) => msg(`optionsAudience_${key(a)}`);
