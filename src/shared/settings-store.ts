// Reads and writes settings in browser storage. Settings live in storage.sync so they follow
// the user; when sync is unavailable or full they go to storage.local instead.
import browser from './browser';
import { defaults, readSettings, SETTING_KEYS, type Settings } from '../core/settings';

async function readArea(area: 'sync' | 'local'): Promise<Record<string, unknown>> {
  try {
    return await browser.storage[area].get(SETTING_KEYS as string[]);
  } catch {
    return {};
  }
}

/** The user's stored values: sync first, then any value that had to fall back to local. */
export async function loadStoredSettings(): Promise<Settings> {
  const [sync, local] = await Promise.all([readArea('sync'), readArea('local')]);
  return readSettings({ ...sync, ...local });
}

export async function loadSettings(): Promise<Settings> {
  return loadStoredSettings();
}

/** Saves the given keys; a key sync refuses (quota, unavailable) is kept in local instead. */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  try {
    await browser.storage.sync.set(patch);
    await browser.storage.local.remove(Object.keys(patch));
  } catch {
    await browser.storage.local.set(patch);
  }
}

export { defaults };
