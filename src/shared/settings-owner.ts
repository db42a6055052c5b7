// The one owner of the user's settings in storage: every read, and every write from every context
// (the background for banner actions, the options page, the strict-mode page), goes through here.
//
// Settings live in storage.sync so they follow the user. A write re-reads the stored values and
// applies its change inside one lock shared by all of BanWatch's contexts (navigator.locks: the
// service worker and the extension pages share an origin), so two tabs, or a tab and the options
// page, can never drop each other's entries. A key storage.sync refuses (its per-item quota, its
// write rate, sync unavailable) is kept in storage.local instead; every later write tries to move
// such keys back, and `localOnly` names them so the options page can say so.
//
// Written against a small storage interface so it runs in Node with a fake one (unit tests).
import { hasValue, LEGACY_KEYS, migrate, readKey, SCHEMA_VERSION, SETTING_KEYS, USER_SETTING_KEYS, type SettingKey, type Settings, type UserSettingKey } from '../core/settings';
import { applyCachedPolicy, applyPolicy, writablePatch, type Effective, type Policy } from '../core/policy';
import type { PolicyState } from './policy-source';

export interface Area {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(values: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

interface Deps {
  sync: Area;
  local: Area;
  /** navigator.locks where there is one; without it, writes queue within this context only. */
  locks: Pick<LockManager, 'request'> | undefined;
  policy: () => Promise<PolicyState>;
}

/** The effective settings plus what the options page shows: locks, the policy, keys sync refused. */
export interface SettingsState extends Effective {
  policy: Policy;
  /** False while the policy is the cached copy (only its restrictions apply). */
  settled: boolean;
  /** Keys kept on this device only because storage.sync refused them. */
  localOnly: UserSettingKey[];
}

/** A change computed from the current effective settings, inside the lock (never from a stale copy). */
export type SettingsEdit = Partial<Settings> | ((current: Settings) => Partial<Settings>);

const STORED_KEYS: string[] = [...SETTING_KEYS, ...LEGACY_KEYS];
const LOCK = 'banwatch-settings';

export function settingsOwner(deps: Deps) {
  const read = (area: Area) => area.get(STORED_KEYS).catch(() => ({}) as Record<string, unknown>);

  async function readStored() {
    const [sync, local] = await Promise.all([read(deps.sync), read(deps.local)]);
    // A key sync refused lives in local, and wins. (Garbage there is not counted: it is no setting
    // kept off sync, and it stays where it is, as every other unreadable value does.)
    const localKeys = SETTING_KEYS.filter((k) => Object.hasOwn(local, k) && hasValue(local, k));
    return { raw: { ...sync, ...local }, localKeys };
  }

  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (deps.locks) return deps.locks.request(LOCK, task) as Promise<T>;
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes `values` to sync; a key sync refuses goes to local. Keys kept in local earlier are
   * offered to sync again: once one fits, it moves back.
   */
  async function write(values: Record<string, unknown>, localKeys: readonly string[]): Promise<void> {
    const stale = localKeys.filter((k) => !Object.hasOwn(values, k));
    const kept = stale.length ? await deps.local.get(stale) : {};
    const back = Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, readKey(k as SettingKey, v)]));
    const all = { ...back, ...values };
    try {
      await deps.sync.set(all);
      await deps.local.remove(Object.keys(all).filter((k) => localKeys.includes(k)));
      return;
    } catch {
      /* refused as a whole: key by key below */
    }
    for (const [key, value] of Object.entries(all)) {
      try {
        await deps.sync.set({ [key]: value });
        if (localKeys.includes(key)) await deps.local.remove([key]);
      } catch {
        if (Object.hasOwn(values, key)) await deps.local.set({ [key]: value });
      }
    }
  }

  /** The stored values migrated to the current schema; an old shape is written back (the caller holds the lock). */
  async function migrated(): Promise<{ values: Record<string, unknown>; localKeys: string[] }> {
    const { raw, localKeys } = await readStored();
    const m = migrate(raw);
    if (!m.changed) return { values: m.values, localKeys };
    try {
      // Write back only what the migration changed: a value stored meanwhile under its current
      // name (by the user, or synced from another device) must not be overwritten.
      const changed = Object.entries(m.values).filter(([k, v]) => (SETTING_KEYS as string[]).includes(k) && JSON.stringify(v) !== JSON.stringify(raw[k]));
      await write(Object.fromEntries(changed), localKeys);
      await Promise.all([deps.sync, deps.local].map((a) => a.remove(m.removed).catch(() => undefined)));
    } catch {
      /* read-only storage: the migrated values are still used for this read */
    }
    return { values: m.values, localKeys };
  }

  /** The stored values; when they need migrating, one context migrates under the lock while the others wait and re-read. */
  async function userValues(): Promise<{ values: Record<string, unknown>; localKeys: string[] }> {
    const first = await readStored();
    if (!migrate(first.raw).changed) return { values: first.raw, localKeys: first.localKeys };
    return exclusive(migrated);
  }

  async function effective(stored: Promise<{ values: Record<string, unknown>; localKeys: string[] }>) {
    const [{ values, localKeys }, { policy, settled }] = await Promise.all([stored, deps.policy()]);
    const e = settled ? applyPolicy(values, policy) : applyCachedPolicy(values, policy);
    return { ...e, policy, settled, localOnly: localKeys.filter((k): k is UserSettingKey => k !== 'schemaVersion'), user: values };
  }

  /** Settings and policy, read once: what a message handler or a page render works from. */
  function load(): Promise<SettingsState & { user: Record<string, unknown> }> {
    return effective(userValues());
  }

  /**
   * Applies `edit` to the current settings and saves what changed. Enforced keys are never
   * written, nor the administrator's allowlisted hosts. Resolves with the keys written.
   */
  function update(edit: SettingsEdit): Promise<string[]> {
    return exclusive(async () => {
      const stored = await migrated();
      const state = await effective(Promise.resolve(stored));
      const patch = typeof edit === 'function' ? edit(state.settings) : edit;
      const writable = writablePatch(patch, state.policy);
      if (!Object.keys(writable).length) return [];
      await write({ ...writable, schemaVersion: SCHEMA_VERSION }, stored.localKeys);
      return Object.keys(writable);
    });
  }

  /**
   * Forgets every value the user set: the administrator's defaults, then the built-in ones, apply.
   * Resolves with the keys whose effective value changed (for the decision log). A key the
   * administrator enforces is never among them: its value is the policy's before and after (a
   * value the user stored under it is forgotten too, but it had no effect). Until the browser
   * delivers the policy, a key whose own value was more restrictive than the cached policy's
   * does change, and is named.
   */
  function reset(): Promise<UserSettingKey[]> {
    return exclusive(async () => {
      const before = await effective(migrated());
      await Promise.all([deps.sync, deps.local].map((a) => a.remove(STORED_KEYS).catch(() => undefined)));
      const after = await effective(readStored().then(({ raw, localKeys }) => ({ values: raw, localKeys })));
      return USER_SETTING_KEYS.filter((k) => JSON.stringify(before.settings[k]) !== JSON.stringify(after.settings[k]));
    });
  }

  return { load, update, reset };
}
