import { sha256Hex } from '../../core/backup/checksum/canonical';
import { databaseChecksum } from '../../core/backup/checksum/database-rows';
import type { Bytes } from '../../core/backup/format/encoding';
import { migrateDatabase } from '../../core/db/schema';
import type { DataTable } from '../../core/db/schema';
import type { Database, SqlJsStatic } from '../../core/db/sql-types';
import { countRows } from '../../core/db/tables';
import { describeThrown } from '../../core/result';
import type { SnapshotCheckReport } from '../../core/snapshots/verification';

/**
 * The heavy, self-contained parts of a snapshot: compressing the exported database, reading its
 * content checksum, and checking a stored copy in a scratch database of its own. They run in
 * helper workers in the browser (so the database worker stays free for the user's writes; and
 * `prepare` and `describe` run side by side) and in-process in Node tests.
 */
export interface SnapshotChecker {
  /** gzip and SHA-256 of an exported database file (the bytes may be transferred away). */
  prepare(databaseBytes: Uint8Array): Promise<PreparedSnapshot>;
  /** Rows per table and the content checksum (as backup files carry) of a database file. */
  describe(databaseBytes: Uint8Array): Promise<DatabaseContent>;
  /**
   * Decompresses a stored copy and measures what the verdict needs; never throws. `withChecksum`
   * also recomputes the content checksum from the copy (a full re-check, seconds at 100k rows).
   */
  check(compressed: Blob, options: { withChecksum: boolean }): Promise<SnapshotCheckReport>;
  /** Frees what the checker holds (helper workers are stopped). */
  dispose(): void;
}

export interface DatabaseContent {
  counts: Record<DataTable, number>;
  checksum: string;
}

export interface PreparedSnapshot {
  compressed: Blob;
  databaseSha256: string;
  databaseBytes: number;
}

/** gzip of the bytes, on the platform's CompressionStream (no library). */
export async function gzipBytes(bytes: Uint8Array): Promise<Blob> {
  // Response bodies stream in browsers, Node and jsdom alike (jsdom's Blob has no stream()).
  const body = new Response(bytes as BodyInit).body;
  if (!body) throw new Error('no body to compress');
  return new Response(body.pipeThrough(new CompressionStream('gzip'))).blob();
}

/** The database file inside a stored copy; throws when the copy is not gzip or is truncated. */
export async function gunzipSnapshot(compressed: Blob): Promise<Bytes> {
  const body =
    typeof compressed.stream === 'function' ? compressed.stream() : new Response(await compressed.arrayBuffer()).body;
  if (!body) throw new Error('no body to decompress');
  return new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

/** Compresses and fingerprints an exported database. */
export async function prepareSnapshotBytes(databaseBytes: Uint8Array): Promise<PreparedSnapshot> {
  const [compressed, databaseSha256] = await Promise.all([
    gzipBytes(databaseBytes),
    sha256Hex(plainBytes(databaseBytes)),
  ]);
  return { compressed, databaseSha256, databaseBytes: databaseBytes.byteLength };
}

/** Opens a database file in a scratch database, brought to the current schema: its counts and checksum. */
export async function describeDatabaseBytes(SQL: SqlJsStatic, databaseBytes: Uint8Array): Promise<DatabaseContent> {
  const db = new SQL.Database(databaseBytes);
  try {
    migrateDatabase(db);
    return { counts: countRows(db), checksum: await databaseChecksum(db) };
  } finally {
    db.close();
  }
}

/**
 * Checks a stored copy: decompress, digest, open in a scratch database, integrity_check,
 * foreign_key_check, then — brought to the current schema, still in the scratch database — the
 * row counts and, when asked, the content checksum a backup file of it would carry.
 */
export async function checkSnapshotBytes(
  SQL: SqlJsStatic,
  compressed: Blob,
  options: { withChecksum: boolean },
): Promise<SnapshotCheckReport> {
  const report: SnapshotCheckReport = {
    unreadable: null,
    databaseSha256: null,
    integrity: [],
    foreignKeyViolations: 0,
    counts: null,
    checksum: null,
  };
  let bytes: Bytes;
  try {
    bytes = await gunzipSnapshot(compressed);
  } catch (error) {
    return { ...report, unreadable: `its compressed data is damaged or incomplete — ${describeThrown(error)}` };
  }
  report.databaseSha256 = await sha256Hex(bytes);
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    return { ...report, unreadable: `not an SQLite database: ${describeThrown(error)}` };
  }
  try {
    report.integrity = (db.exec('PRAGMA integrity_check')[0]?.values ?? []).map((row) => String(row[0]));
    report.foreignKeyViolations = db.exec('PRAGMA foreign_key_check')[0]?.values.length ?? 0;
    if (report.integrity[0] !== 'ok') return report;
    migrateDatabase(db);
    report.counts = countRows(db);
    if (options.withChecksum) report.checksum = await databaseChecksum(db);
  } catch (error) {
    if (report.integrity.length === 0) report.integrity = [`could not be checked: ${describeThrown(error)}`];
  } finally {
    db.close();
  }
  return report;
}

/** The same bytes over a plain ArrayBuffer (what WebCrypto accepts); copied only if shared. */
function plainBytes(bytes: Uint8Array): Bytes {
  return bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
}

/** The checker running in this thread (Node tests; browsers use the helper worker). */
export function inProcessSnapshotChecker(SQL: SqlJsStatic): SnapshotChecker {
  return {
    prepare: prepareSnapshotBytes,
    describe: (bytes) => describeDatabaseBytes(SQL, bytes),
    check: (compressed, options) => checkSnapshotBytes(SQL, compressed, options),
    dispose: () => undefined,
  };
}
