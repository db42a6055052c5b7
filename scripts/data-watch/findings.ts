// What the watcher reports: one finding per thing a maintainer should look at.
import type { Dataset, Ruling } from '../../src/core/dataset/schema';

export type SourceId = 'federal-register' | 'fcc-covered-list' | 'screening-list';

export const SOURCE_TITLES: Record<SourceId, string> = {
  'federal-register': 'Federal Register',
  'fcc-covered-list': 'FCC Covered List',
  'screening-list': 'Consolidated Screening List',
};

export type FindingKind =
  | 'new-document' // a Federal Register document published after the ruling was last verified
  | 'list-updated' // the Covered List page says it was updated after the ruling was last verified
  | 'new-listing' // a list entry dated after the ruling was last verified, for a listing the data has
  | 'listing-to-add' // a list names a vendor (or a not-restricted name, or someone unknown) the data does not list there
  | 'listing-to-remove' // the data lists a vendor there; the list does not name it
  | 'brand-lookalike'; // a list entry carries one of a vendor's brand names but none of its names

export interface Finding {
  kind: FindingKind;
  source: SourceId;
  ruling?: string;
  vendor?: string; // vendor or notRestricted id the finding is about
  vendors?: string[]; // vendors a document names
  summary: string; // one line for a person
  url?: string;
  date?: string; // YYYY-MM-DD of the document or entry
}

export interface SourceResult {
  source: SourceId;
  checked: string; // what was read, e.g. "22 searches"
  findings: Finding[];
}

/** The day a ruling's facts were last checked against its sources (`lastVerified` where the data has it). */
export function lastVerified(ruling: Ruling & { lastVerified?: string }): string {
  return ruling.lastVerified ?? ruling.status.asOf;
}

export function dayAfter(isoDay: string): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function rulingById(ds: Dataset, id: string): Ruling {
  const ruling = ds.rulings.find((r) => r.id === id);
  if (!ruling) throw new Error(`scripts/data-watch/sources.ts names ruling "${id}", which the data does not have`);
  return ruling;
}
