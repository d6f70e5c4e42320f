import type { SnapshotManifest } from '../../core/snapshots/manifest';
import type { AppError } from '../../core/result';

/**
 * Where snapshots live, apart from the live database: manifests, compressed bytes, and a few
 * facts the schedule and health need. The worker depends on this interface; the IndexedDB
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
  readFacts(): Promise<SnapshotFacts>;
  /** Merges `patch` into the stored facts. */
  writeFacts(patch: Partial<SnapshotFacts>): Promise<StoreOutcome>;
}

export type StoreOutcome = { ok: true } | { ok: false; error: AppError };

/** What the undo of the last restore (or of the last undo) goes back to. */
export interface UndoPoint {
  /** The snapshot taken just before that restore or undo. */
  snapshotId: string;
  /** What was done: a restore (replace or merge) or an undo. */
  kind: 'restore' | 'merge' | 'undo';
  /** The file or snapshot restored, for "Undo the restore of …". */
  sourceName: string;
  /** When it was done, and the live data's last change right after it (later changes are lost by undoing). */
  at: string;
  changeMarkAfter: string | null;
}

/** A few facts that outlive the tab: failures, runs, measurements. */
export interface SnapshotFacts {
  /** The last snapshot that could not be taken or stored (cleared by the next good one). */
  lastFailure: { at: string; message: string } | null;
  lastEndOfDayAt: string | null;
  undoPoint: UndoPoint | null;
  folderSuccess: { at: string; path: string } | null;
  folderFailure: { at: string; message: string } | null;
  /** The last restore whose time was measured (a real one, or a verification's scratch one). */
  lastRestoreMeasure: { ms: number; rows: number; at: string; what: string } | null;
}

export const EMPTY_FACTS: SnapshotFacts = {
  lastFailure: null,
  lastEndOfDayAt: null,
  undoPoint: null,
  folderSuccess: null,
  folderFailure: null,
  lastRestoreMeasure: null,
};
