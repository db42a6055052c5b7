// What a verdict is decided from, read once per message (background) or per render (pages): the
// effective settings (and the policy behind them), the catalog and today's date. The catalog is a
// cache of derived data, not state: it is rebuilt when the organisation's list changes, or when
// the worker restarts (a few ms).
import { dataset } from '../core/dataset';
import { buildCatalog, type Catalog } from '../core/catalog';
import { today } from '../core/dates';
import type { Policy } from '../core/policy';
import type { VerdictInputs } from '../core/verdict';
import { loadSettings, type SettingsState } from './settings-store';

let catalog: { policy: Policy; catalog: Catalog } | null = null;

const orgKey = (p: Policy) => JSON.stringify([p.organisationVendors, p.organisationRulings]);

function catalogFor(policy: Policy): Catalog {
  if (catalog && (catalog.policy === policy || orgKey(catalog.policy) === orgKey(policy))) {
    catalog.policy = policy;
    return catalog.catalog;
  }
  catalog = { policy, catalog: buildCatalog(dataset, { vendors: policy.organisationVendors, rulings: policy.organisationRulings }) };
  return catalog.catalog;
}

export interface Context extends VerdictInputs {
  state: SettingsState;
}

export async function loadContext(): Promise<Context> {
  const state = await loadSettings();
  return { state, settings: state.settings, catalog: catalogFor(state.policy), today: today() };
}
