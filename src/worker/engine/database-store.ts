import type { AppError } from '../../core/result';

/**
 * Where the database file lives between sessions. The worker depends on this interface; the
 * IndexedDB implementation is in src/platform/idb-database-store.ts, and tests can wrap it to
 * simulate failures.
 *
 * Every write is a compare-and-swap on `generation`: it succeeds only if the stored generation is
 * the one this tab last loaded or wrote, so no tab can overwrite newer data written by another.
 */
export interface DatabaseStore {
  /** The stored database, or null when this browser has none yet. */
  load(): Promise<StoredDatabase | null>;
  /** Writes the live database. (Copies to go back to are snapshots: src/worker/snapshots.) */
  save(write: DatabaseWrite): Promise<SaveOutcome>;
  /** Keeps bytes that could not be opened, so a later fix can still recover them. */
  quarantine(bytes: Uint8Array, reason: string, at: string): Promise<void>;
}

export interface StoredDatabase {
  bytes: Uint8Array;
  generation: number;
  savedAt: string;
}

export interface DatabaseWrite {
  bytes: Uint8Array;
  /** The generation this tab believes is stored; the write is refused if it is not. */
  expectedGeneration: number;
  savedAt: string;
}

export type SaveOutcome =
  | { ok: true; generation: number }
  | { ok: false; conflict: true; storedGeneration: number }
  | { ok: false; conflict: false; error: AppError };
