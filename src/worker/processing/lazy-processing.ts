/**
 * Loads file processing (papaparse, the CSV core, the load API client) the first time it is
 * used: a separate chunk of the worker, so opening the app and restoring a backup do not pay for
 * it. One instance per worker, since it holds the runs being sent and the files read.
 */
import type { Clock } from '../../core/clock';
import type { LiveDatabase } from '../live-database';
import type { ProcessingDeps, ProcessingOperations } from './processing-operations';

export type ProcessingOverrides = Partial<Pick<ProcessingDeps, 'createSession' | 'readWorkbook' | 'beforeRun'>>;

/** The loader of this worker's one ProcessingOperations, and the instance once it is loaded. */
export interface LazyProcessing {
  (): Promise<ProcessingOperations>;
  /** The instance if something loaded it already (no run can be going on otherwise). */
  loaded(): ProcessingOperations | null;
}

/** A function that resolves to the one ProcessingOperations of this worker, loading it once. */
export function lazyProcessing(base: { live: LiveDatabase; clock: Clock; appVersion: string }, overrides: ProcessingOverrides = {}): LazyProcessing {
  let loading: Promise<ProcessingOperations> | null = null;
  let instance: ProcessingOperations | null = null;
  const load = () => {
    loading ??= import('./processing-operations').then(({ createProcessingOperations }) => {
      instance = createProcessingOperations(base, overrides);
      return instance;
    });
    return loading;
  };
  return Object.assign(load, { loaded: () => instance });
}
