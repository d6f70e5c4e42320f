/**
 * Runs the snapshot checker in a worker of its own, started from the database worker on first
 * use — the same script, under the checker's name (src/worker/snapshots/checker-role.ts). It is
 * stopped after a minute without work: sql.js never returns memory to the system, and a check
 * of a 40 MB database leaves its heap that large.
 */
import * as Comlink from 'comlink';
import type { SnapshotChecker } from '../worker/snapshots/snapshot-check';
import { CHECKER_WORKER_NAME, type CheckerWorkerApi } from '../worker/snapshots/checker-role';

const IDLE_STOP_MS = 60_000;

/** A checker whose work happens in a helper worker running `scriptUrl` (the database worker's own). */
export function createWorkerSnapshotChecker(scriptUrl: string | URL): SnapshotChecker {
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

  return {
    // The exported bytes are not needed here afterwards: transfer them rather than copy 40 MB.
    prepare: (bytes) => use((api) => api.prepare(Comlink.transfer(bytes, [bytes.buffer]))),
    check: (compressed) => use((api) => api.check(compressed)),
    dispose: stop,
  };
}
