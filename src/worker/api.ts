import type { AppCalls } from './app-calls';
import type { LockApi } from './lock/lock-api';

/**
 * The page's side of the worker boundary: the typed API the UI uses, derived from the handlers
 * themselves (worker/app-calls.ts), and the few messages of the protocol. Every method that
 * writes resolves only after the change is durable in IndexedDB (or resolves with a failure the UI
 * must show). The data types of each feature live beside its calls (e.g. worker/restore/restore-types.ts).
 */
export type DatabaseApi = AppCalls;

/** Everything the page can ask of the worker: the database and the app lock (src/worker/lock). */
export type AppApi = DatabaseApi & LockApi;

/** The worker message that tells it the page's time; sent before every DatabaseApi call. */
export const CLOCK_METHOD = 'followPageClock';

/**
 * The worker message that resolves once the worker holds its life lock (platform/worker-client.ts),
 * with the names of the calls that only read (asked again of a restarted worker).
 */
export const ALIVE_METHOD = 'holdLifeLock';
