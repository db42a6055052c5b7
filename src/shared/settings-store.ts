// Reads and writes settings in browser storage. Settings live in storage.sync so they follow
// the user; when sync is unavailable or full they go to storage.local instead. Older stored
// shapes are migrated on first read. Every context reads the *effective* settings: the user's
// values with the administrator's policy (storage.managed) applied.
import browser from './browser';
import {
  defaults,
  LEGACY_KEYS,
  migrate,
  SCHEMA_VERSION,
  SETTING_KEYS,
  type Settings,
} from '../core/settings';
import { applyPolicy, writablePatch, type Effective, type Policy } from '../core/policy';
import { loadPolicy } from './policy-store';

const STORED_KEYS: string[] = [...SETTING_KEYS, ...LEGACY_KEYS];

async function readArea(area: 'sync' | 'local'): Promise<Record<string, unknown>> {
  try {
    return await browser.storage[area].get(STORED_KEYS);
  } catch {
    return {};
  }
}

async function write(values: Record<string, unknown>): Promise<void> {
  try {
    await browser.storage.sync.set(values);
    await browser.storage.local.remove(Object.keys(values));
  } catch {
    await browser.storage.local.set(values);
  }
}

/**
 * The user's own stored values (sync first, then any value that had to fall back to local),
 * migrated to the current schema. Raw: each value is validated when read (readSettings /
 * applyPolicy), so a corrupt key costs only that key.
 */
export async function loadUserValues(): Promise<Record<string, unknown>> {
  const m = await readMigrated();
  if (!m.changed) return m.values;
  // Several contexts may read old-shaped values at once (background, open tabs, options):
  // one migrates while the others wait, then re-read what it wrote, so none writes stale values.
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request('banwatch-settings-migration', migrateStored) : migrateStored();
}

async function readMigrated(): Promise<ReturnType<typeof migrate> & { raw: Record<string, unknown> }> {
  const [sync, local] = await Promise.all([readArea('sync'), readArea('local')]);
  const raw = { ...sync, ...local };
  return { ...migrate(raw), raw };
}

async function migrateStored(): Promise<Record<string, unknown>> {
  const m = await readMigrated();
  if (!m.changed) return m.values;
  try {
    // Write back only what the migration changed: a value stored meanwhile under its current
    // name (by the user, or synced from another device) must not be overwritten with what was read.
    const changed = Object.entries(m.values).filter(
      ([k, v]) => (SETTING_KEYS as string[]).includes(k) && JSON.stringify(v) !== JSON.stringify(m.raw[k]),
    );
    await write(Object.fromEntries(changed));
    await Promise.all((['sync', 'local'] as const).map((a) => browser.storage[a].remove(m.removed).catch(() => undefined)));
  } catch {
    /* read-only storage: the migrated values are still used for this read */
  }
  return m.values;
}

/** Effective settings plus what the options page needs to show locks and admin entries. */
export async function loadEffective(): Promise<Effective & { policy: Policy; user: Record<string, unknown> }> {
  const [user, policy] = await Promise.all([loadUserValues(), loadPolicy()]);
  return { ...applyPolicy(user, policy), policy, user };
}

/** The settings every context acts on: the user's, with the administrator's policy applied. */
export async function loadSettings(): Promise<Settings> {
  return (await loadEffective()).settings;
}

/**
 * Saves the given keys; a key sync refuses (quota, unavailable) is kept in local instead.
 * Enforced keys are never written, nor the administrator's allowlisted hosts.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const writable = writablePatch(patch, await loadPolicy());
  if (!Object.keys(writable).length) return;
  await write({ ...writable, schemaVersion: SCHEMA_VERSION });
}

/** Forgets every value the user set: the administrator's defaults, then the built-in ones, apply. */
export async function resetSettings(): Promise<void> {
  await Promise.all((['sync', 'local'] as const).map((a) => browser.storage[a].remove(STORED_KEYS).catch(() => undefined)));
}

export { defaults };
