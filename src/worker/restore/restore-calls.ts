import type { RestoreMode } from '../../core/backup/restore/changes';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { FeatureCalls } from '../feature-calls';
import type { RestoreFeature } from './restore-feature';

/** Restoring from a file or a snapshot (preview, then apply), and undoing the last restore. */
export const restoreCalls = {
  reads: {
    /** What `Undo restore` would undo, and what changed since (those changes would be lost). */
    describeUndo: (restore: RestoreFeature) => restore.undo.describeUndo(),
  },
  actions: {
    /**
     * Reads and checks a backup file without touching the live database. Pass the browser's File
     * itself: a Blob crosses to the worker without copying its contents on the page's thread.
     */
    inspectBackup: (restore: RestoreFeature, file: BackupSource, options?: { passphrase?: string }) =>
      restore.inspectBackup(file, options),
    /** Previews restoring a snapshot like a file; then `applyRestore(previewId, mode)`. */
    inspectSnapshot: (restore: RestoreFeature, id: string) => restore.inspectSnapshot(id),
    /** Applies an inspected file or snapshot; the live database changes only if every step succeeds. */
    applyRestore: (restore: RestoreFeature, previewId: string, mode: RestoreMode) =>
      restore.applyRestore(previewId, mode),
    /** Restores the snapshot taken before the last restore (after a `Before undo` snapshot). */
    undoRestore: (restore: RestoreFeature) => restore.undo.undoRestore(),
  },
} satisfies FeatureCalls<RestoreFeature>;
