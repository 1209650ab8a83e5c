// Reading the app's IndexedDB store (database `kpi-sandbox`, object store
// `kv`) from a page, for the storage tests. Call only after the app has
// opened the database (it creates the store).

/** The value under `key`, or null. */
export function idbGet(page, key) {
  return page.evaluate((k) => new Promise((ok, no) => {
    const r = indexedDB.open('kpi-sandbox');
    r.onerror = () => no(r.error);
    r.onsuccess = () => {
      const db = r.result;
      const q = db.transaction('kv').objectStore('kv').get(k);
      q.onsuccess = () => { db.close(); ok(q.result ?? null); };
      q.onerror = () => { db.close(); no(q.error); };
    };
  }), key);
}

/** Every key in the store, sorted. */
export function idbKeys(page) {
  return page.evaluate(() => new Promise((ok, no) => {
    const r = indexedDB.open('kpi-sandbox');
    r.onerror = () => no(r.error);
    r.onsuccess = () => {
      const db = r.result;
      const q = db.transaction('kv').objectStore('kv').getAllKeys();
      q.onsuccess = () => { db.close(); ok(q.result.map(String).sort()); };
      q.onerror = () => { db.close(); no(q.error); };
    };
  }));
}

/** Waits until the value under `key` satisfies `pred` (a string it includes). */
export async function idbWaitFor(page, key, includes, timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await idbGet(page, key);
    if (v && v.includes(includes)) return v;
    if (Date.now() > deadline) throw new Error(`IndexedDB ${key} never held ${includes}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An init script that makes every IndexedDB write throw QuotaExceededError. */
export const IDB_FULL = () => {
  IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
};

/** Stores `value` under `key` (to plant a damaged autosave, say). */
export function idbPut(page, key, value) {
  return page.evaluate(([k, v]) => new Promise((ok, no) => {
    const r = indexedDB.open('kpi-sandbox');
    r.onerror = () => no(r.error);
    r.onsuccess = () => {
      const db = r.result;
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(v, k);
      tx.oncomplete = () => { db.close(); ok(); };
      tx.onerror = () => { db.close(); no(tx.error); };
    };
  }), [key, value]);
}
