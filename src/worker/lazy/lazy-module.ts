/**
 * Modules the database worker loads the first time they are used (dynamic `import()`, a chunk of
 * their own): restoring, writing backup files, opening snapshots and checking them are not
 * needed to open the app, so their code stays out of what every start downloads and parses.
 * The service worker precaches every chunk, so they load offline too; a load can still fail
 * (offline before the app was ever saved for offline use, or a build replaced meanwhile): that
 * is an expected failure with a plain message, and the next use tries again.
 */
import { describeThrown, fail, ok, type Result } from '../../core/result';
import { importWhenReachable } from './reachable';

/** The code and words of a failed load, shared with the page's own lazy panels. */
export const MODULE_LOAD_FAILED = {
  code: 'module-load-failed',
  message:
    'A part of the app needed for this could not be loaded (the browser may be offline, and this part had not yet been saved for offline use). Nothing was changed. Reconnect to the network, then try again.',
} as const;

/** A module loaded once on first use; a failed load is forgotten, so the next call tries again. */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<Result<T>> {
  let loading: Promise<T> | null = null;
  return async () => {
    loading ??= importWhenReachable(load);
    try {
      return ok(await loading);
    } catch (thrown) {
      loading = null;
      return fail(MODULE_LOAD_FAILED.code, MODULE_LOAD_FAILED.message, describeThrown(thrown));
    }
  };
}

/** One object built from a lazily loaded module on first use; `current` is it, if built already. */
export function lazyInstance<M, T>(load: () => Promise<Result<M>>, create: (module: M) => T): { get: () => Promise<Result<T>>; current: () => T | null } {
  let instance: T | null = null;
  return {
    get: async () => {
      if (instance !== null) return ok(instance);
      const loaded = await load();
      if (!loaded.ok) return loaded;
      instance ??= create(loaded.value);
      return ok(instance);
    },
    current: () => instance,
  };
}

/** Runs `work` with a lazily loaded part, or returns why the part could not be loaded. */
export async function withLoaded<T, R>(part: () => Promise<Result<T>>, work: (loaded: T) => Promise<Result<R>> | Result<R>): Promise<Result<R>> {
  const loaded = await part();
  return loaded.ok ? work(loaded.value) : loaded;
}
