/// <reference lib="webworker" />
/**
 * The snapshot checker's helper worker is the database worker's own script started again under
 * another name: compressing a snapshot and checking a stored copy take seconds at 100k uploads,
 * and there they never hold up the user's writes — while the browser loads no second bundle
 * (the script, sql.js and the checksum code are the database worker's, already cached).
 */
import * as Comlink from 'comlink';
import { loadBrowserSqlJs } from '../../platform/sqljs-browser';
import type { SnapshotCheckReport } from '../../core/snapshots/verification';
import { checkSnapshotBytes, describeDatabaseBytes, prepareSnapshotBytes, type DatabaseContent, type PreparedSnapshot } from './snapshot-check';

/** The worker name that selects the checker role. */
export const CHECKER_WORKER_NAME = 'ff2api-snapshot-checker';

/** What the database worker calls in the helper (through comlink). */
export interface CheckerWorkerApi {
  prepare(databaseBytes: Uint8Array): Promise<PreparedSnapshot>;
  describe(databaseBytes: Uint8Array): Promise<DatabaseContent>;
  check(compressed: Blob, options: { withChecksum: boolean }): Promise<SnapshotCheckReport>;
}

/** Whether this worker was started as the snapshot checker. */
export function isSnapshotCheckerWorker(): boolean {
  return (globalThis as { name?: unknown }).name === CHECKER_WORKER_NAME;
}

/** Serves the checker in this worker. */
export function serveSnapshotChecker(): void {
  const sql = loadBrowserSqlJs();
  const api: CheckerWorkerApi = {
    prepare: (databaseBytes) => prepareSnapshotBytes(databaseBytes),
    describe: async (databaseBytes) => describeDatabaseBytes(await sql, databaseBytes),
    check: async (compressed, options) => checkSnapshotBytes(await sql, compressed, options),
  };
  Comlink.expose(api);
}
