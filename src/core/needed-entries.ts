// Which entries a message to the service worker is about, so that the worker reads only their
// records (shared/context.ts): each host resolved on the lean index, each brand field on the
// brand names, each id as it is. The verdict on a catalog of those records (mergeRecords in
// dataset/split.ts) is the whole data's verdict on each of them. Pure.
import { entryForHost, type MatchIndex } from './match';
import { matchBrandField, type BrandIndex } from './shopping/brand-matcher';

/** What a message asks the verdict about. */
export interface Subjects {
  hosts?: readonly (string | null)[];
  ids?: readonly string[];
  /** A marketplace page's brand fields. */
  brands?: readonly string[];
}

/** The ids of the entries `subjects` name; `brands` is only built when there are brand fields. */
export function neededEntries(subjects: Subjects, index: MatchIndex, brands: () => BrandIndex): string[] {
  const ids = new Set(subjects.ids);
  for (const host of subjects.hosts ?? []) {
    const id = host === null ? null : entryForHost(host, index);
    if (id !== null) ids.add(id);
  }
  if (subjects.brands?.length) {
    const index = brands();
    for (const field of subjects.brands) {
      const hit = matchBrandField(field, index);
      if (hit) ids.add(hit.entity.id);
    }
  }
  return [...ids];
}
