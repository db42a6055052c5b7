// The Federal Register documents API (https://www.federalregister.gov/api/v1, no key): for each
// ruling, the documents its agencies published after it was last verified that carry its terms or
// the names of the vendors it names. Parameters as documented in the API's OpenAPI description.
import { z } from 'zod';
import type { Dataset, Ruling, Vendor } from '../../src/core/dataset/schema';
import type { FetchText } from './fetch';
import { dayAfter, lastVerified, type Finding, type SourceResult } from './findings';
import { essentialNames, mentions } from './names';
import { FEDERAL_REGISTER, type FederalRegisterWatch } from './sources';

export const DOCUMENTS_API = 'https://www.federalregister.gov/api/v1/documents.json';
const FIELDS = ['document_number', 'title', 'type', 'abstract', 'publication_date', 'html_url'];
const PER_PAGE = 1000; // the API's maximum: one page per ruling

const documentSchema = z.object({
  document_number: z.string(),
  title: z.string(),
  type: z.string(),
  abstract: z.string().nullish(),
  publication_date: z.iso.date(),
  html_url: z.string(),
});
const pageSchema = z.object({ count: z.number(), results: z.array(documentSchema).optional() });
export type FederalRegisterDocument = z.infer<typeof documentSchema>;

/** A quoted phrase for the full-text search; characters the search syntax reads as operators become spaces. */
const phrase = (s: string) => `"${s.replace(/[^\p{L}\p{N}.]+/gu, ' ').trim()}"`;
const anyOf = (items: string[]) => `(${items.map(phrase).join(' | ')})`;

/** The full-text query: the ruling's terms or its vendors' names; for busy lists, the terms and a vendor name. */
export function searchTerm(watch: FederalRegisterWatch, vendorNames: string[]): string {
  if (watch.requireVendor) return `${anyOf(watch.terms)} & ${anyOf(vendorNames)}`;
  return anyOf([...watch.terms, ...vendorNames]);
}

export function searchUrl(watch: FederalRegisterWatch, vendorNames: string[], since: string): string {
  const url = new URL(DOCUMENTS_API);
  url.searchParams.set('conditions[term]', searchTerm(watch, vendorNames));
  for (const agency of watch.agencies) url.searchParams.append('conditions[agencies][]', agency);
  url.searchParams.set('conditions[publication_date][gte]', since);
  for (const field of FIELDS) url.searchParams.append('fields[]', field);
  url.searchParams.set('per_page', String(PER_PAGE));
  url.searchParams.set('order', 'oldest');
  return url.toString();
}

export function parseDocuments(json: string): { count: number; documents: FederalRegisterDocument[] } {
  const page = pageSchema.parse(JSON.parse(json));
  return { count: page.count, documents: page.results ?? [] };
}

function findingsFor(ruling: Ruling, vendors: Vendor[], json: string, url: string): Finding[] {
  const verified = lastVerified(ruling);
  const { count, documents } = parseDocuments(json);
  const findings: Finding[] = documents
    .filter((d) => d.publication_date > verified)
    .map((d) => {
      const text = `${d.title} ${d.abstract ?? ''}`;
      const named = vendors.filter((v) => [v.name, ...v.legalNames].some((n) => mentions(text, n))).map((v) => v.id);
      return {
        kind: 'new-document',
        source: 'federal-register',
        ruling: ruling.id,
        vendors: named,
        summary: `${d.type} ${d.document_number}: ${d.title}${named.length ? ` (names ${named.join(', ')})` : ''}`,
        url: d.html_url,
        date: d.publication_date,
      };
    });
  if (count > documents.length) {
    findings.push({
      kind: 'new-document',
      source: 'federal-register',
      ruling: ruling.id,
      summary: `${count - documents.length} more documents match; see the search`,
      url,
    });
  }
  return findings;
}

export async function checkFederalRegister(ds: Dataset, fetchText: FetchText): Promise<SourceResult> {
  const findings: Finding[] = [];
  for (const ruling of ds.rulings) {
    const watch = FEDERAL_REGISTER[ruling.id];
    if (!watch) throw new Error(`scripts/data-watch/sources.ts has no Federal Register terms for ruling "${ruling.id}"`);
    const vendors = ds.vendors.filter((v) => v.rulings.some((r) => r.ruling === ruling.id));
    const url = searchUrl(watch, essentialNames(vendors.flatMap((v) => [v.name, ...v.legalNames])), dayAfter(lastVerified(ruling)));
    findings.push(...findingsFor(ruling, vendors, await fetchText(url, { timeoutMs: 30_000 }), url));
  }
  return { source: 'federal-register', checked: `${ds.rulings.length} searches`, findings };
}
