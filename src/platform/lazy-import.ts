/**
 * The one way the app loads a part of itself on first use (dynamic `import()`, a chunk of its
 * own), on both sides of the worker boundary: the worker's restore engine, backup writer and file
 * processing, and the page's panels and backup-folder code. What is not needed to open the app
 * stays out of what every start downloads and parses. The service worker precaches every chunk,
 * so parts load offline too; a load can still fail (offline before the app was ever saved for
 * offline use, or a build replaced meanwhile): that is an expected failure with a plain message,
 * nothing of it is kept, and the next use tries again.
 */
import { describeThrown, fail, ok, type Result } from '../core/result';
import { importWhenReachable } from './app-files-reachable';

/** The code and words of a failed load. */
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

/** One object built from a lazily loaded module on first use. */
export interface LazyInstance<T> {
  /** The object, loading its module first if needed. */
  get: () => Promise<Result<T>>;
  /** The object, if it was built already. */
  current: () => T | null;
  /** Runs `work` with the object, or returns why its module could not be loaded. */
  use: <R>(work: (instance: T) => Promise<Result<R>> | Result<R>) => Promise<Result<R>>;
}

/** The object `create` makes of the module `load` brings, built on first use. */
export function lazyInstance<M, T>(load: () => Promise<Result<M>>, create: (module: M) => T): LazyInstance<T> {
  let instance: T | null = null;
  const get = async (): Promise<Result<T>> => {
    if (instance !== null) return ok(instance);
    const loaded = await load();
    if (!loaded.ok) return loaded;
    instance ??= create(loaded.value);
    return ok(instance);
  };
  return { get, current: () => instance, use: (work) => withLoaded(get, work) };
}

/** Runs `work` with a lazily loaded part, or returns why the part could not be loaded. */
export async function withLoaded<T, R>(
  part: () => Promise<Result<T>>,
  work: (loaded: T) => Promise<Result<R>> | Result<R>,
): Promise<Result<R>> {
  const loaded = await part();
  return loaded.ok ? work(loaded.value) : loaded;
}
