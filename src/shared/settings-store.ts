// The settings owner (settings-owner.ts) bound to browser storage and the policy store. Every
// context reads the *effective* settings: the user's values with the administrator's policy
// (or, until the browser delivers it, the restrictions of its cached copy) applied.
import browser from './browser';
import { currentPolicy } from './policy-store';
import { settingsOwner, type Area } from './settings-owner';

const area = (name: 'sync' | 'local'): Area => ({
  get: (keys) => browser.storage[name].get(keys),
  set: (values) => browser.storage[name].set(values),
  remove: (keys) => browser.storage[name].remove(keys),
});

const owner = settingsOwner({
  sync: area('sync'),
  local: area('local'),
  locks: (globalThis.navigator as Navigator | undefined)?.locks,
  policy: currentPolicy,
});

/** Settings and policy, read once (never waiting for storage.managed). */
export const loadSettings = owner.load;
/** The one way to change settings: `edit` runs on the current values inside a lock shared by every context. */
export const updateSettings = owner.update;
export const resetSettings = owner.reset;
export type { SettingsEdit, SettingsState } from './settings-owner';
