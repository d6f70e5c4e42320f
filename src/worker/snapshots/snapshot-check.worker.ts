/// <reference lib="webworker" />
/**
 * The snapshot checker's own worker, started by the database worker: compressing a snapshot and
 * checking a stored copy (decompress, open, integrity_check, checksum) take seconds at 100k
 * uploads, and here they never hold up the user's writes in the database worker.
 */
import * as Comlink from 'comlink';
import { loadBrowserSqlJs } from '../../platform/sqljs-browser';
import { checkSnapshotBytes, prepareSnapshotBytes, type PreparedSnapshot } from './snapshot-check';
import type { SnapshotCheckReport } from '../../core/snapshots/verification';

const sql = loadBrowserSqlJs();

/** What the database worker calls here (through comlink). */
export interface CheckerWorkerApi {
  prepare(databaseBytes: Uint8Array): Promise<PreparedSnapshot>;
  check(compressed: Blob): Promise<SnapshotCheckReport>;
}

const api: CheckerWorkerApi = {
  prepare: (databaseBytes) => prepareSnapshotBytes(databaseBytes),
  check: async (compressed) => checkSnapshotBytes(await sql, compressed),
};

Comlink.expose(api);
