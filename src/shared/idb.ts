// BanWatch's own key-value store in the extension origin's IndexedDB. The service worker and
// BanWatch's pages share it; content scripts cannot reach it (in a web page they get that page's
// IndexedDB), unlike storage.local, which every content script can write. So it holds what must
// not be forged from a page: the cached policy (policy-cache.ts) and the update channel's state
// and accepted data (data-store.ts).
const DB = 'banwatch';
const STORE = 'cache';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>[]): Promise<T[]> {
  const db = await open();
  try {
    return await new Promise<T[]>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const reqs = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(reqs.map((r) => r.result));
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The stored value of `key` (undefined when there is none). */
export async function idbGet(key: string): Promise<unknown> {
  return (await run('readonly', (s) => [s.get(key)]))[0];
}

/** Writes several keys in one transaction: all of them or none. */
export async function idbPut(values: Record<string, unknown>): Promise<void> {
  await run('readwrite', (s) => Object.entries(values).map(([k, v]) => s.put(v, k)));
}
