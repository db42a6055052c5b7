// What a verdict is decided from, read once per message (background) or per render (pages): the
// effective settings (and the policy behind them), the catalog and today's date. The catalog is a
// cache of derived data, not state: it is rebuilt when the organisation's list or the dataset in
// use (data-store.ts: bundled, or an accepted update) changes, or when the worker restarts (a few ms).
import { dataset as bundled, type Dataset } from '../core/dataset';
import { chooseActive } from '../core/data-package/version';
import { buildCatalog, type Catalog } from '../core/catalog';
import { today } from '../core/dates';
import type { Policy } from '../core/policy';
import type { VerdictInputs } from '../core/verdict';
import { acceptedDataset } from './data-store';
import { loadSettings, type SettingsState } from './settings-store';

/**
 * The dataset verdicts are made from in the worker: the accepted update while the channel is on
 * and it is newer than the bundled data, else the bundled data (the floor).
 */
export async function activeDataset(channelOn: boolean): Promise<Dataset> {
  return chooseActive(bundled, await acceptedDataset(channelOn, bundled.meta.version));
}

let catalog: { policy: Policy; dataset: Dataset; catalog: Catalog } | null = null;

const orgKey = (p: Policy) => JSON.stringify([p.organisationVendors, p.organisationRulings]);

function catalogFor(policy: Policy, dataset: Dataset): Catalog {
  if (catalog && catalog.dataset === dataset && (catalog.policy === policy || orgKey(catalog.policy) === orgKey(policy))) {
    catalog.policy = policy;
    return catalog.catalog;
  }
  catalog = { policy, dataset, catalog: buildCatalog(dataset, { vendors: policy.organisationVendors, rulings: policy.organisationRulings }) };
  return catalog.catalog;
}

export interface Context extends VerdictInputs {
  state: SettingsState;
  /** The dataset in use (its version and dates for the pages' footers). */
  dataset: Dataset;
}

export async function loadContext(): Promise<Context> {
  const state = await loadSettings();
  const dataset = await activeDataset(state.settings.updateChannel);
  return { state, dataset, settings: state.settings, catalog: catalogFor(state.policy, dataset), today: today() };
}
