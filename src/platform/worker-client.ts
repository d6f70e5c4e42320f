/** Starts the database worker and returns the typed API the UI uses. */
import * as Comlink from 'comlink';
import { CLOCK_METHOD, type AppApi } from '../worker/api';

/**
 * Creates the worker; every DatabaseApi call becomes a message to it, preceded by the page's
 * time, so that the worker's "now" is the page's (the one clock tests move with `page.clock`).
 */
export function startDatabaseWorker(): AppApi {
  const worker = new Worker(new URL('../worker/db.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<AppApi>(worker);
  const followPageClock = (remote as unknown as Record<string, (ms: number) => Promise<void>>)[CLOCK_METHOD];
  return new Proxy({} as AppApi, {
    get(_target, method: keyof AppApi) {
      // Not a thenable: `await api` must not turn into a call to the worker.
      if (method === ('then' as string)) return undefined;
      return (...args: unknown[]) => {
        void followPageClock?.(Date.now());
        // Callbacks cannot be copied into the worker: pass them as comlink proxies.
        if (method === 'watchChanges' || method === 'watchProgress') {
          return (remote[method] as (l: unknown) => Promise<void>)(Comlink.proxy(args[0] as object));
        }
        // Comlink's Remote<T> has the same promise-returning methods as DatabaseApi.
        return (remote[method] as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}
