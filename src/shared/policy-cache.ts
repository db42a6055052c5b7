// The last policy read from storage.managed, in the extension origin's IndexedDB. The service
// worker and BanWatch's pages share it; content scripts cannot reach it (in a web page they get
// that page's IndexedDB), unlike storage.local, which every content script can write. Stored
// raw and parsed on read, like the browser's own answer.
const DB = 'banwatch';
const STORE = 'cache';
const KEY = 'managedPolicy';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = op(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/** The cached raw policy, or null when there is none (or IndexedDB is unavailable). */
export async function readCachedPolicy(): Promise<unknown> {
  try {
    return (await run('readonly', (s) => s.get(KEY))) ?? null;
  } catch {
    return null;
  }
}

export async function writeCachedPolicy(raw: Record<string, unknown>): Promise<void> {
  await run('readwrite', (s) => s.put(raw, KEY));
}
