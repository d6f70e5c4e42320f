/**
 * Starts the database worker and returns the typed API the UI uses — and restarts the worker
 * when it dies (killed by the browser, crashed, out of memory). Each worker holds a Web Lock of
 * its own for its whole life; the page waits on that lock, which the browser grants exactly when
 * the worker is gone, so a death is noticed at once, with no timeout to tune and no false alarm
 * while the worker is busy. A new worker then opens what is stored in IndexedDB (every
 * committed change is there); calls that were under way get a failure that says so (reads are
 * simply asked again), and listeners hear a restart event, which the page shows.
 */
import * as Comlink from 'comlink';
import { CLOCK_METHOD, ALIVE_METHOD, type AppApi } from '../worker/api';
import type { OperationProgress } from '../worker/engine/progress';
import type { EngineRestart } from '../worker/status/status-calls';

const MESSAGES = {
  interrupted:
    'The database engine of this page stopped unexpectedly and was restarted from the copy saved in this browser. Everything saved before is kept; this operation did not finish. Try it again.',
};

type Remote = Record<string, (...args: unknown[]) => Promise<unknown>>;

interface Engine {
  worker: Worker;
  remote: Remote;
  /** Resolves when this engine died. */
  died: Promise<void>;
}

/**
 * Creates the worker; every DatabaseApi call becomes a message to it, preceded by the page's
 * time, so that the worker's "now" is the page's (the one clock tests move with `page.clock`).
 */
export function startDatabaseWorker(): AppApi {
  const changeListeners: (() => void)[] = [];
  const progressListeners: ((progress: OperationProgress) => void)[] = [];
  const restartListeners: ((event: EngineRestart) => void)[] = [];
  let operatorName: string | null = null;
  let lastTask: OperationProgress['task'] = null;
  /** Calls that only read, as the worker names them: asked again of a new worker instead of failing. */
  let reads: ReadonlySet<string> = new Set();
  let engine = spawn();

  function spawn(): Engine {
    const lockName = `ff2api-engine-${crypto.randomUUID()}`;
    const worker = new Worker(new URL('../worker/db.worker.ts', import.meta.url), { type: 'module', name: lockName });
    const remote = Comlink.wrap<Remote>(worker) as unknown as Remote;
    const died = watchLife(remote, lockName, (names) => (reads = new Set(names)));
    const created: Engine = { worker, remote, died };
    void died.then(() => restart(created));
    return created;
  }

  function restart(dead: Engine): void {
    if (engine !== dead) return;
    dead.worker.terminate();
    const during = lastTask;
    lastTask = null;
    engine = spawn();
    void subscribe(engine);
    for (const listener of progressListeners) listener({ task: null });
    const event: EngineRestart = { at: new Date().toISOString(), during };
    for (const listener of restartListeners) listener(event);
    for (const listener of changeListeners) listener();
  }

  async function subscribe(target: Engine): Promise<void> {
    await target.remote.watchChanges?.(Comlink.proxy(() => changeListeners.forEach((l) => l())));
    await target.remote.watchProgress?.(
      Comlink.proxy((progress: OperationProgress) => {
        lastTask = progress.task;
        progressListeners.forEach((l) => l(progress));
      }),
    );
    if (operatorName !== null) await target.remote.setOperatorName?.(operatorName);
  }
  void subscribe(engine);

  /** One call, on the engine alive now; if it dies meanwhile, a failure (or, for reads, a retry). */
  async function call(method: string, args: unknown[]): Promise<unknown> {
    for (;;) {
      const current = engine;
      void current.remote[CLOCK_METHOD]?.(Date.now());
      const outcome = await Promise.race([
        current.remote[method]?.(...args).then((value) => ({ value })),
        current.died.then(() => null),
      ]);
      if (outcome) return outcome.value;
      if (!reads.has(method)) return { ok: false, error: { code: 'engine-restarted', message: MESSAGES.interrupted } };
      await Promise.resolve(); // the next engine is already starting
    }
  }

  /**
   * `lock`, and then a new worker in place of the one that held the decrypted database: that one
   * ends itself once locked (db.worker.ts), and is terminated here too, at once. The new worker
   * opens locked from what is stored. Not a restart anyone needs to hear of: nothing was cut short.
   */
  async function lockAndReplaceEngine(): Promise<unknown> {
    const locked = await call('lock', []);
    if (isOk(locked)) {
      const old = engine;
      engine = spawn();
      old.worker.terminate();
      void subscribe(engine);
    }
    return locked;
  }

  return new Proxy({} as AppApi, {
    get(_target, method: string) {
      // Not a thenable: `await api` must not turn into a call to the worker.
      if (method === 'then') return undefined;
      if (method === 'lock') return lockAndReplaceEngine;
      if (method === 'watchChanges') return async (listener: () => void) => void changeListeners.push(listener);
      if (method === 'watchProgress')
        return async (listener: (progress: OperationProgress) => void) => void progressListeners.push(listener);
      if (method === 'watchRestarts')
        return async (listener: (event: EngineRestart) => void) => void restartListeners.push(listener);
      if (method === 'setOperatorName') {
        return async (name: string) => {
          operatorName = name;
          await call('setOperatorName', [name]);
        };
      }
      return (...args: unknown[]) => call(method, args);
    },
  });
}

/** Whether a worker's answer is a successful Result. */
function isOk(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value && value.ok === true;
}

/**
 * Resolves when the worker is gone: it holds the lock named `lockName` from its start (it says
 * so through ALIVE_METHOD, with the names of its read-only calls), and the browser grants the page
 * that lock only once the worker ended.
 */
function watchLife(remote: Remote, lockName: string, onReads: (names: string[]) => void): Promise<void> {
  return (async () => {
    const names = await remote[ALIVE_METHOD]?.();
    if (Array.isArray(names)) onReads(names.filter((name): name is string => typeof name === 'string'));
    if (typeof navigator === 'undefined' || !navigator.locks) return new Promise<void>(() => {});
    await navigator.locks.request(lockName, async () => undefined);
  })();
}
