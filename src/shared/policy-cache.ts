// The last policy read from storage.managed, in the extension origin's IndexedDB (idb.ts: content
// scripts cannot write it). Stored raw and parsed on read, like the browser's own answer.
import { idbGet, idbPut } from './idb';

const KEY = 'managedPolicy';

/** The cached raw policy, or null when there is none (or IndexedDB is unavailable). */
export async function readCachedPolicy(): Promise<unknown> {
  try {
    return (await idbGet(KEY)) ?? null;
  } catch {
    return null;
  }
}

export async function writeCachedPolicy(raw: Record<string, unknown>): Promise<void> {
  await idbPut({ [KEY]: raw });
}
