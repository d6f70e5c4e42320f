/** Starts the database worker and returns the typed API the UI uses. */
import * as Comlink from 'comlink';
import type { DatabaseApi } from '../worker/api';

/** Creates the worker; every DatabaseApi call becomes a message to it. */
export function startDatabaseWorker(): DatabaseApi {
  const worker = new Worker(new URL('../worker/db.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<DatabaseApi>(worker);
  return new Proxy({} as DatabaseApi, {
    get(_target, method: keyof DatabaseApi) {
      // Callbacks cannot be copied into the worker: pass them as comlink proxies.
      if (method === 'watchChanges' || method === 'watchProgress') {
        return (listener: (...a: never[]) => void) => (remote[method] as (l: unknown) => Promise<void>)(Comlink.proxy(listener));
      }
      // Comlink's Remote<T> has the same promise-returning methods as DatabaseApi.
      return (...args: unknown[]) => (remote[method] as (...a: unknown[]) => unknown)(...args);
    },
  });
}
