/**
 * Offloaded checksums (core/backup/checksum/digest-offload.ts) in a helper worker, started on first
 * use from the database worker and stopped after a minute without work. A backup or a restore
 * hands its canonical text over in 1 MB pieces (transferred, not copied); the helper hashes them
 * while the rows are still being read and written, so the digest is ready moments after the
 * last row instead of costing ≈ 80–150 ms at the end of every 100k-row backup and restore.
 * Any failure of the helper — it cannot start, it stops — rejects the digests it owed, and the
 * core then hashes in its own thread.
 */
import type { DigestOffload, StartDigestOffload } from '../core/backup/checksum/digest-offload';
import type { DigestReply, DigestRequest } from './digest-protocol';

const IDLE_STOP_MS = 60_000;

interface Waiting {
  resolve: (digest: Uint8Array) => void;
  reject: (error: Error) => void;
}

/** Starts offloaded digests in one shared helper worker; null from each start when workers are unavailable. */
export function createDigestWorker(startWorker: () => Worker = defaultWorker): StartDigestOffload {
  let worker: Worker | null = null;
  let nextJob = 1;
  const open = new Set<number>();
  const waiting = new Map<number, Waiting>();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const stop = (reason: string) => {
    worker?.terminate();
    worker = null;
    for (const [, wait] of waiting) wait.reject(new Error(reason));
    waiting.clear();
    open.clear();
  };
  const settle = (job: number) => {
    open.delete(job);
    waiting.delete(job);
    if (open.size === 0) idleTimer = setTimeout(() => stop('stopped while idle'), IDLE_STOP_MS);
  };
  const ensureWorker = (): Worker | null => {
    if (worker) return worker;
    try {
      worker = startWorker();
    } catch {
      return null;
    }
    worker.onmessage = (event: MessageEvent<DigestReply>) => {
      const { job, digest } = event.data;
      waiting.get(job)?.resolve(digest);
      settle(job);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop(`the digest helper failed: ${event.message || 'unknown error'}`);
    };
    return worker;
  };

  return () => {
    clearTimeout(idleTimer);
    const helper = ensureWorker();
    if (!helper) return null;
    const job = nextJob++;
    open.add(job);
    // Only to the helper that holds this job, and while it does (a restarted helper never hears of it).
    const send = (request: DigestRequest, transfer: Transferable[] = []) => {
      if (worker === helper && open.has(job)) helper.postMessage(request, transfer);
    };
    const offload: DigestOffload = {
      update: (piece) => send({ job, kind: 'update', piece }, [piece.buffer]),
      digest: () =>
        new Promise<Uint8Array>((resolve, reject) => {
          if (!open.has(job) || worker !== helper) return reject(new Error('the digest helper stopped'));
          waiting.set(job, { resolve, reject });
          send({ job, kind: 'digest' });
        }),
      cancel: () => {
        if (!open.has(job)) return;
        send({ job, kind: 'cancel' });
        settle(job);
      },
    };
    return offload;
  };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./digest.worker.ts', import.meta.url), { type: 'module', name: 'ff2api-digest' });
}
