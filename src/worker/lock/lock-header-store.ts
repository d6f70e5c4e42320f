import type { LockHeader } from '../../core/lock/lock-header';

/**
 * Where the lock's header lives (IndexedDB in the browser: src/platform/idb-lock-store.ts).
 * `load` returns what is stored, unchecked: the gate validates it.
 */
export interface LockHeaderStore {
  load(): Promise<unknown>;
  /** Replaces the header in one committed write. */
  save(header: LockHeader): Promise<void>;
  /** Removes the header (the lock is off). */
  remove(): Promise<void>;
  /**
   * Keeps the time of a failed unlock. While locked the database cannot be written, so failed
   * attempts wait here (times only: nothing secret) until the next unlock puts them in the audit trail.
   */
  noteFailedUnlock(at: string): Promise<void>;
  /** The failed unlocks kept since the last call, oldest first; they are removed. */
  takeFailedUnlocks(): Promise<string[]>;
}
