/**
 * The bench page. It only relays: bench/run.mjs (Playwright) calls `window.bench.*`, which
 * forwards to the bench worker, starts cold-start workers, or hands a backup file to the
 * browser's downloads. All measuring happens in workers, as the app's database work does.
 */

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextId = 1;

worker.onmessage = (event: MessageEvent<Reply>) => {
  const call = pending.get(event.data.id);
  if (!call) return;
  pending.delete(event.data.id);
  if (event.data.ok) call.resolve(event.data.value);
  else call.reject(new Error(event.data.error));
};
worker.onerror = (event) => {
  for (const call of pending.values()) call.reject(new Error(`bench worker error: ${event.message}`));
  pending.clear();
};

function call(method: string, ...args: unknown[]): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, method, args });
  });
}

interface ColdReply {
  ok: boolean;
  error?: string;
  uploads?: number;
  marks?: Record<string, number>;
}

/** Starts a fresh worker that opens the stored database; resolves with its times. */
function coldStart(kind: 'app' | 'floor', dbName: string): Promise<Record<string, number>> {
  const start = performance.now();
  const cold =
    kind === 'app'
      ? new Worker(new URL('./cold-app.worker.ts', import.meta.url), { type: 'module' })
      : new Worker(new URL('./cold-floor.worker.ts', import.meta.url), { type: 'module' });
  cold.postMessage({ dbName });
  return new Promise((resolve, reject) => {
    cold.onmessage = (event: MessageEvent<ColdReply>) => {
      const total = performance.now() - start;
      cold.terminate();
      if (!event.data.ok) reject(new Error(event.data.error));
      else resolve({ total, uploads: event.data.uploads ?? -1, ...event.data.marks });
    };
    cold.onerror = (event) => {
      cold.terminate();
      reject(new Error(`cold ${kind} worker: ${event.message}`));
    };
  });
}

/** Hands the current backup file to the browser as a download (Playwright saves it). */
async function downloadFile(name: string): Promise<number> {
  const bytes = (await call('fileBytes')) as Uint8Array<ArrayBuffer>;
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return bytes.byteLength;
}

(window as unknown as { bench: unknown }).bench = { call, coldStart, downloadFile };
document.getElementById('state')?.append(' Ready.');
