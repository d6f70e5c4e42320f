import type { SnapshotManifest } from '../../core/snapshots/manifest';
import type { AppError } from '../../core/result';

/**
 * Where snapshots live, apart from the live database: manifests and compressed bytes. The worker depends on this
 * interface; the IndexedDB
 * implementation is src/platform/snapshot-store.ts.
 */
export interface SnapshotStore {
  /** Every readable manifest, in no particular order. */
  list(): Promise<SnapshotManifest[]>;
  /** Stores a new snapshot: manifest and bytes in one transaction, or neither. */
  add(manifest: SnapshotManifest, compressed: Blob): Promise<StoreOutcome>;
  /** The compressed bytes of a snapshot, or null when they are missing. */
  readBytes(id: string): Promise<Blob | null>;
  /** Replaces a snapshot's stored bytes, its manifest untouched (the app lock re-seals them). */
  replaceBytes(id: string, stored: Blob): Promise<StoreOutcome>;
  /** Replaces a manifest (verification result, pin); the bytes stay. */
  update(manifest: SnapshotManifest): Promise<StoreOutcome>;
  /** Deletes snapshots (manifest and bytes). */
  remove(ids: readonly string[]): Promise<StoreOutcome>;
}

export type StoreOutcome = { ok: true } | { ok: false; error: AppError };
