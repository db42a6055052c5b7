// The verdict's inputs for an extension page (popup, details), built so that the first render
// needs only the lean index and the record of the one entry shown (core/dataset/split.ts), never
// the whole dataset: settings and policy are read once (never waiting for storage.managed), the
// host or id is resolved against the lean index, and the catalog holds just that entry's record
// (plus the organisation's list). The verdict on that catalog is the verdict on the whole data:
// the entry and everything its verdict reads are in its record. The data is the bundled data or
// an accepted update (dataset-source.ts), split the same way.
import { buildCatalog, type OrganisationList } from '../core/catalog';
import { today } from '../core/dates';
import { leanMatchSources } from '../core/dataset/lean-match';
import { buildMatchIndex, entryForHost, type MatchIndex } from '../core/match';
import type { Subject, VerdictInputs } from '../core/verdict';
import { dataSource, leanDataset, prefetchRecord, type DataSource } from './dataset-source';
import { loadSettings, type SettingsState } from './settings-store';

/** Settings, policy and today, the data in use, and its lean match index with the organisation's vendors. */
export interface PageContext {
  state: SettingsState;
  settings: SettingsState['settings'];
  today: string;
  org: OrganisationList;
  data: DataSource;
  index: MatchIndex;
}

export async function loadPageContext(): Promise<PageContext> {
  const state = await loadSettings();
  const data = await dataSource(state.settings.updateChannel);
  const org = { vendors: state.policy.organisationVendors, rulings: state.policy.organisationRulings };
  const index = buildMatchIndex({ ...leanMatchSources(data.lean), organisationVendors: org.vendors });
  return { state, settings: state.settings, today: today(), org, data, index };
}

let bundledIndex: MatchIndex | undefined;

/**
 * Fetches the bundled record of the entry `host` belongs to now, before the settings are read
 * (prefetchRecord): the popup knows its tab's host first. An organisation's vendor, known only
 * from the policy, is not prefetched.
 */
export function prefetchHost(host: string): void {
  bundledIndex ??= buildMatchIndex(leanMatchSources(leanDataset));
  const id = entryForHost(host, bundledIndex);
  if (id !== null) prefetchRecord(id);
}

const NOTHING = { vendors: [], rulings: [], notRestricted: [], reportedLinks: [] };

/** The inputs for the verdict on `subject`: a catalog of its entry's record (or the whole data for an organisation's vendor). */
export async function inputsFor(page: PageContext, subject: Subject): Promise<VerdictInputs> {
  const inputs = (data: Parameters<typeof buildCatalog>[0]) => ({ catalog: buildCatalog(data, page.org), settings: page.settings, today: page.today });
  const id = 'id' in subject ? subject.id : entryForHost(subject.host, page.index);
  if (id === null) return inputs(NOTHING);
  // An organisation's vendor may cite any bundled ruling.
  if (page.org.vendors.some((v) => v.id === id)) return inputs(await page.data.dataset());
  return inputs((await page.data.record(id)) ?? NOTHING);
}
