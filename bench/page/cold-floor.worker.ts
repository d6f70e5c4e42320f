/**
 * Cold start, the floor: a new worker starts sql.js (script + wasm), gets the stored bytes with a
 * bare IndexedDB read, opens them and runs one query. Nothing else.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

const moduleStart = performance.now();

function storedBytes(name: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('database', 'readonly').objectStore('database').get('live');
      get.onerror = () => reject(get.error);
      get.onsuccess = () => {
        // Above 64 MiB the app stores its file as Blob parts (src/platform/idb-database-store.ts):
        // the floor reads them as one Blob, the cheapest way the platform offers.
        const value = get.result as { bytes: Uint8Array } | { parts: Blob[] } | undefined;
        open.result.close();
        if (!value) reject(new Error(`nothing stored in ${name}`));
        else if ('bytes' in value) resolve(value.bytes);
        else new Blob(value.parts).arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
      };
    };
  });
}

self.onmessage = async (event: MessageEvent<{ dbName: string }>) => {
  try {
    const received = performance.now();
    const [SQL, bytes] = await Promise.all([initSqlJs({ locateFile: () => wasmUrl }), storedBytes(event.data.dbName)]);
    const engines = performance.now();
    const db = new SQL.Database(bytes);
    const uploads = db.exec('SELECT COUNT(*) FROM upload_history')[0]?.values[0]?.[0];
    const ready = performance.now();
    self.postMessage({
      ok: true,
      uploads,
      marks: { moduleStart, received, sqlAndStore: engines, opened: ready, ready },
    });
  } catch (error) {
    self.postMessage({
      ok: false,
      error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
    });
  }
};
