// What a verdict is decided from in the service worker, read once per message: the effective
// settings (and the policy behind them), today's date, and a catalog of the entries the message
// is about. The worker does not carry the dataset (a service worker cannot import() a chunk when
// it needs it, and the whole data would be most of its bytes): it carries the lean index and the
// brand names, resolves the hosts, ids and brand fields it is asked about to entries
// (core/needed-entries.ts) and reads just their records (dataset-source.ts). Only what decides on
// every entry at once (strict mode's rules, the banner's override scripts, an update check) reads
// the whole dataset (data/dataset.json). Both are read from the extension's own package, once per
// worker run. An accepted update (data-store.ts) replaces all of it, split in memory the same way
// (accepted-source.ts).
import bundledNames from 'virtual:banwatch/brand-names';
import type { Dataset } from '../core/dataset/schema';
import { mergeRecords, type BrandNames, type EntryRecord } from '../core/dataset/split';
import { leanMatchSources } from '../core/dataset/lean-match';
import { chooseActive } from '../core/data-package/version';
import { buildCatalog, type Catalog, type OrganisationList } from '../core/catalog';
import { buildMatchIndex, type MatchIndex } from '../core/match';
import { neededEntries, type Subjects } from '../core/needed-entries';
import { buildBrandIndex, type BrandIndex } from '../core/shopping/brand-matcher';
import { today } from '../core/dates';
import type { Policy } from '../core/policy';
import type { VerdictInputs } from '../core/verdict';
import browser from './browser';
import { acceptedSource } from './accepted-source';
import { acceptedDataset } from './data-store';
import { bundledRecord, leanDataset as lean, type DataSource } from './dataset-source';
import { loadSettings, type SettingsState } from './settings-store';

let whole: Promise<Dataset> | null = null;

/** The bundled dataset in full, read from the package once per worker run. */
export function bundledDataset(): Promise<Dataset> {
  whole ??= fetch(browser.runtime.getURL('data/dataset.json')).then((r) => r.json() as Promise<Dataset>);
  return whole;
}

/** The dataset in use, whole: the accepted update while the channel is on and it is newer than the bundled data, else the bundled data. */
export async function activeDataset(channelOn: boolean): Promise<Dataset> {
  return chooseActive(await bundledDataset(), await acceptedDataset(channelOn, lean.meta.version));
}

const bundled: DataSource = { lean, record: bundledRecord, dataset: bundledDataset };

/** The data in use and its brand names. */
async function dataInUse(channelOn: boolean): Promise<{ source: DataSource; names: BrandNames }> {
  const accepted = channelOn ? await acceptedSource(lean.meta.version) : null;
  return accepted ? { source: accepted, names: await accepted.dataset() } : { source: bundled, names: bundledNames };
}

// Caches of derived data, not state: rebuilt when the data in use or the organisation's list
// changes, or when the worker restarts (a few ms).
const orgKey = (p: Policy) => JSON.stringify([p.organisationVendors, p.organisationRulings]);
let indexes: { key: string; source: DataSource; names: BrandNames; match: MatchIndex; brands: BrandIndex | null } | null = null;
let wholeCatalog: { key: string; dataset: Dataset; catalog: Catalog } | null = null;

function indexesFor(source: DataSource, names: BrandNames, key: string, org: OrganisationList) {
  if (indexes?.source !== source || indexes.names !== names || indexes.key !== key) {
    indexes = { key, source, names, match: buildMatchIndex({ ...leanMatchSources(source.lean), organisationVendors: org.vendors }), brands: null };
  }
  const current = indexes;
  return { match: current.match, brands: () => (current.brands ??= buildBrandIndex({ ...names, organisationVendors: org.vendors })) };
}

/** What a message asks the verdict about (the catalog holds just those entries), or every entry. */
type Need = Subjects | 'all';

export interface Context extends VerdictInputs {
  state: SettingsState;
  /** Brand name → entry, the organisation's vendors included (marketplace pages). */
  brands(): BrandIndex;
}

const nonNull = <T>(x: T | null): x is T => x !== null;

export async function loadContext(need: Need = {}): Promise<Context> {
  const state = await loadSettings();
  const { policy } = state;
  const org = { vendors: policy.organisationVendors, rulings: policy.organisationRulings };
  const key = orgKey(policy);
  const { source, names } = await dataInUse(state.settings.updateChannel);
  const { match, brands } = indexesFor(source, names, key, org);
  const context = (catalog: Catalog): Context => ({ state, settings: state.settings, today: today(), catalog, brands });
  const ids = need === 'all' ? null : neededEntries(need, match, brands);
  // An organisation's vendor may cite any bundled ruling: the whole data, as for 'all'.
  if (ids && !ids.some((id) => org.vendors.some((v) => v.id === id))) {
    const records: (EntryRecord | null)[] = await Promise.all(ids.map((id) => source.record(id)));
    return context(buildCatalog(mergeRecords(records.filter(nonNull)), org));
  }
  const dataset = await source.dataset();
  if (wholeCatalog?.dataset !== dataset || wholeCatalog.key !== key) wholeCatalog = { key, dataset, catalog: buildCatalog(dataset, org) };
  return context(wholeCatalog.catalog);
}
