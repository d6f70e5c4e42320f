/** The CSV bench page: relays `window.csvBench.call(method, …args)` to the bench worker. */
const worker = new Worker(new URL('./csv-bench.worker.ts', import.meta.url), {
  type: 'module',
  name: 'csv-bench.worker',
});
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextId = 1;

worker.onmessage = (event: MessageEvent<{ id: number; ok: boolean; value?: unknown; error?: string }>) => {
  const call = pending.get(event.data.id);
  if (!call) return;
  pending.delete(event.data.id);
  if (event.data.ok) call.resolve(event.data.value);
  else call.reject(new Error(event.data.error));
};

(window as unknown as { csvBench: unknown }).csvBench = {
  call(method: string, ...args: unknown[]): Promise<unknown> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  },
};
