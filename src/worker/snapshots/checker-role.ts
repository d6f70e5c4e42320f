/// <reference lib="webworker" />
/**
 * The snapshot checker's helper worker is the database worker's own script started again under
 * another name: compressing a snapshot and checking a stored copy take seconds at 100k uploads,
 * and there they never hold up the user's writes — while the browser loads no second bundle
 * (the script, sql.js and the checksum code are the database worker's, already cached).
 */
import * as Comlink from 'comlink';
import { lazyModule } from '../../platform/lazy-import';
import { loadBrowserSqlJs } from '../../platform/sqljs-browser';
import type { SnapshotCheckReport } from '../../core/snapshots/verification';
import type { DatabaseContent, PreparedSnapshot } from './snapshot-check';

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
  // The checks (checksums, gzip, scratch databases) are a chunk of their own: the database
  // worker runs this same script and never needs them itself.
  const loadChecks = lazyModule(() => import('./snapshot-check'));
  const checks = async () => {
    const loaded = await loadChecks();
    if (!loaded.ok) throw new Error(loaded.error.message);
    return loaded.value;
  };
  const api: CheckerWorkerApi = {
    prepare: async (databaseBytes) => (await checks()).prepareSnapshotBytes(databaseBytes),
    describe: async (databaseBytes) => (await checks()).describeDatabaseBytes(await sql, databaseBytes),
    check: async (compressed, options) => (await checks()).checkSnapshotBytes(await sql, compressed, options),
  };
  Comlink.expose(api);
}
