import type { ZodMiniType } from 'zod/mini';
import type { Result } from '../../core/result';

/**
 * Small records that outlive the tab beside the database (the undo point, the last end of day,
 * the backup folder's last outcome, the last restore's duration …), each owned by the feature it
 * belongs to. The IndexedDB implementation is in src/platform/snapshot-store.ts (they live beside
 * the snapshots, apart from the live database). A record read back is checked against its schema:
 * one that does not fit (damaged, or from another version) reads as absent, never as a wrong value.
 */
export interface FactStore {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<Result<void>>;
}

/** One record of a FactStore, typed by its schema. */
export interface Fact<T> {
  /** The record, or null when absent or unreadable. */
  read(): Promise<T | null>;
  /** Replaces the record (null clears it). */
  write(value: T | null): Promise<Result<void>>;
}

/** The record `key` of `store`, read through `schema`. */
export function fact<T>(store: FactStore, key: string, schema: ZodMiniType<T>): Fact<T> {
  return {
    async read() {
      const parsed = schema.safeParse(await store.read(key));
      return parsed.success ? parsed.data : null;
    },
    write: (value) => store.write(key, value),
  };
}

/** A FactStore in memory (a store that cannot be opened, and tests). */
export function memoryFactStore(): FactStore {
  const records = new Map<string, unknown>();
  return {
    read: async (key) => records.get(key),
    write: async (key, value) => {
      records.set(key, value);
      return { ok: true, value: undefined };
    },
  };
}
