/**
 * The floor of docs/performance.md: the cheapest way to do each step with the same platform pieces (V8's JSON,
 * sql.js, IndexedDB, WebCrypto), written plainly here — no checks, no messages, no progress.
 * The app's steps are compared with sums of these, measured in the same run.
 */
import { TABLE_COLUMNS, type DataTables } from '../../src/core/db/rows';
import { DATA_TABLES, type DataTable } from '../../src/core/db/schema';
import type { Database, SqlValue } from '../../src/core/db/sql-types';

// ---- IndexedDB, raw -----------------------------------------------------------------------

const FLOOR_IDB = 'bench-floor';
const FLOOR_STORE = 'bytes';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function openFloorIdb(name = FLOOR_IDB): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(FLOOR_STORE);
  return request(req);
}

/** Puts bytes and resolves once the transaction committed (what "durable" means here). */
export function idbPut(idb: IDBDatabase, key: string, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(FLOOR_STORE, 'readwrite');
    tx.objectStore(FLOOR_STORE).put(bytes, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

export function idbGet(idb: IDBDatabase, key: string): Promise<Uint8Array | undefined> {
  return request(
    idb.transaction(FLOOR_STORE, 'readonly').objectStore(FLOOR_STORE).get(key) as IDBRequest<Uint8Array | undefined>,
  );
}

/** Deletes a whole IndexedDB database (open connections get `versionchange` and should close). */
export function deleteIdb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

// ---- validation: the least a reader must check ------------------------------------------

const INT = 0,
  INT_OR_NULL = 1,
  TEXT = 2,
  TEXT_OR_NULL = 3,
  NUM_OR_NULL = 4,
  TIME = 5,
  TIME_OR_NULL = 6,
  OBJECT = 7,
  LIST_OR_NULL = 8;
const TIME_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

const KINDS: Record<DataTable, readonly number[]> = {
  brokerages: [INT, TEXT, TIME, TIME, INT],
  brokerage_configurations: [
    INT,
    TEXT,
    TEXT,
    OBJECT,
    OBJECT,
    TEXT,
    TEXT_OR_NULL,
    LIST_OR_NULL,
    TIME,
    TIME,
    TIME_OR_NULL,
    INT,
    INT,
    TEXT_OR_NULL,
    INT,
  ],
  upload_history: [
    INT,
    TEXT,
    TEXT_OR_NULL,
    TEXT,
    INT,
    INT,
    INT,
    TEXT_OR_NULL,
    NUM_OR_NULL,
    LIST_OR_NULL,
    TIME,
    TEXT_OR_NULL,
    INT,
  ],
  processing_errors: [
    INT,
    INT_OR_NULL,
    INT_OR_NULL,
    TEXT_OR_NULL,
    TEXT_OR_NULL,
    TEXT_OR_NULL,
    TEXT_OR_NULL,
    TEXT_OR_NULL,
    TEXT_OR_NULL,
    TIME,
  ],
  configuration_changes: [INT, INT_OR_NULL, TEXT, TEXT_OR_NULL, TEXT_OR_NULL, TEXT_OR_NULL, TEXT_OR_NULL, TIME],
};

function valueOk(kind: number, v: unknown): boolean {
  switch (kind) {
    case INT:
      return Number.isInteger(v);
    case INT_OR_NULL:
      return v === null || Number.isInteger(v);
    case TEXT:
      return typeof v === 'string';
    case TEXT_OR_NULL:
      return v === null || typeof v === 'string';
    case NUM_OR_NULL:
      return v === null || typeof v === 'number';
    case TIME:
      return typeof v === 'string' && TIME_FORM.test(v);
    case TIME_OR_NULL:
      return v === null || (typeof v === 'string' && TIME_FORM.test(v));
    case OBJECT:
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case LIST_OR_NULL:
      return v === null || Array.isArray(v);
    default:
      return false;
  }
}

/** A hand-written type check of every column of every row of a parsed file; returns bad values. */
export function validateFile(file: Record<string, unknown>): number {
  let bad = 0;
  for (const table of DATA_TABLES) {
    const rows = file[table];
    if (!Array.isArray(rows)) return -1;
    const columns: readonly string[] = TABLE_COLUMNS[table];
    const kinds = KINDS[table];
    for (const row of rows as Record<string, unknown>[]) {
      for (let c = 0; c < columns.length; c++) if (!valueOk(kinds[c] as number, row[columns[c] as string])) bad++;
    }
  }
  return bad;
}

// ---- sql.js --------------------------------------------------------------------------------

/**
 * Inserts every row with one prepared statement per table in one transaction; with
 * `indexesAfter`, the secondary indexes are dropped first and built once at the end.
 */
export function insertTables(db: Database, tables: DataTables, indexesAfter: boolean): void {
  db.exec('BEGIN');
  const indexes = indexesAfter
    ? (db.exec("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")[0]?.values ?? [])
    : [];
  for (const [name] of indexes) db.exec(`DROP INDEX "${String(name)}"`);
  for (const table of DATA_TABLES) {
    const columns: readonly string[] = TABLE_COLUMNS[table];
    const stmt = db.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
    const values = new Array<SqlValue>(columns.length);
    for (const row of tables[table] as unknown as Record<string, SqlValue>[]) {
      for (let c = 0; c < columns.length; c++) values[c] = row[columns[c] as string] ?? null;
      stmt.run(values);
    }
    stmt.free();
  }
  for (const [, sql] of indexes) db.exec(String(sql));
  db.exec('COMMIT');
}

/** Reads every row of every data table as an object (arrays from get(), named by column). */
export function selectTables(db: Database): Record<DataTable, Record<string, SqlValue>[]> {
  const out = {} as Record<DataTable, Record<string, SqlValue>[]>;
  for (const table of DATA_TABLES) {
    const columns: readonly string[] = TABLE_COLUMNS[table];
    const stmt = db.prepare(`SELECT ${columns.join(',')} FROM ${table}`);
    const rows: Record<string, SqlValue>[] = [];
    while (stmt.step()) {
      const values = stmt.get();
      const row: Record<string, SqlValue> = {};
      for (let c = 0; c < columns.length; c++) row[columns[c] as string] = values[c] ?? null;
      rows.push(row);
    }
    stmt.free();
    out[table] = rows;
  }
  return out;
}

const HISTORY_COLUMNS = TABLE_COLUMNS.upload_history.join(',');

/** The 50 newest uploads, nothing else (no count, no cursor). */
export function newestUploads(db: Database, limit = 50): SqlValue[][] {
  const stmt = db.prepare(
    `SELECT ${HISTORY_COLUMNS} FROM upload_history ORDER BY upload_timestamp DESC, id DESC LIMIT ?`,
  );
  const rows: SqlValue[][] = [];
  stmt.bind([limit]);
  while (stmt.step()) rows.push(stmt.get());
  stmt.free();
  return rows;
}

// ---- text <-> bytes -----------------------------------------------------------------------

/** UTF-8 into a buffer sized for the worst case (3 bytes per UTF-16 unit), then trimmed. */
export function encodeIntoBuffer(text: string): Uint8Array {
  const buffer = new Uint8Array(text.length * 3);
  const { written } = new TextEncoder().encodeInto(text, buffer);
  return buffer.subarray(0, written);
}

// ---- WebCrypto -----------------------------------------------------------------------------

export async function sha256(bytes: Uint8Array): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
}
