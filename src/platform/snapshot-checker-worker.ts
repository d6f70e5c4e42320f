/**
 * Runs the snapshot checker in helper workers, started from the database worker on first use —
 * the same script, under the checker's name (src/worker/snapshots/checker-role.ts). Two of them:
 * the full checks that read every row (the content checksum, computed after a snapshot counted)
 * run in the second, so they never hold up compressing and checking the next snapshot in the
 * first. They stop after a minute without work: sql.js never returns memory to the system, and
 * a check of a 40 MB database leaves its heap that large.
 */
import * as Comlink from 'comlink';
import type { SnapshotChecker } from '../worker/snapshots/snapshot-check';
import { CHECKER_WORKER_NAME, type CheckerWorkerApi } from '../worker/snapshots/checker-role';

const IDLE_STOP_MS = 60_000;

/** One helper worker, started when needed and stopped when idle. */
function helper(scriptUrl: string | URL) {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<CheckerWorkerApi> | null = null;
  let busy = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    worker?.terminate();
    worker = null;
    remote = null;
  };
  const use = async <T>(work: (api: Comlink.Remote<CheckerWorkerApi>) => Promise<T>): Promise<T> => {
    clearTimeout(idleTimer);
    if (!remote) {
      worker = new Worker(scriptUrl, { type: 'module', name: CHECKER_WORKER_NAME });
      remote = Comlink.wrap<CheckerWorkerApi>(worker);
    }
    busy++;
    try {
      return await work(remote);
    } finally {
      busy--;
      if (busy === 0) idleTimer = setTimeout(stop, IDLE_STOP_MS);
    }
  };
  return { use, stop };
}

/** A checker whose work happens in helper workers running `scriptUrl` (the database worker's own). */
export function createWorkerSnapshotChecker(scriptUrl: string | URL): SnapshotChecker {
  const first = helper(scriptUrl);
  const second = helper(scriptUrl);
  return {
    // The bytes are not needed here afterwards: transferred, not copied (40 MB at 100k uploads).
    prepare: (bytes) => first.use((api) => api.prepare(Comlink.transfer(bytes, [bytes.buffer]))),
    describe: (bytes) => second.use((api) => api.describe(Comlink.transfer(bytes, [bytes.buffer]))),
    check: (compressed, options) =>
      (options.withChecksum ? second : first).use((api) => api.check(compressed, options)),
    dispose: () => {
      first.stop();
      second.stop();
    },
  };
}
