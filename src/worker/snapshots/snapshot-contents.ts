import { sha256Hex } from '../../core/backup/checksum/canonical';
import type { Bytes } from '../../core/backup/format/encoding';
import { fail, ok, type Result } from '../../core/result';
import type { SnapshotManifest } from '../../core/snapshots/manifest';
import { gunzipSnapshot } from './snapshot-check';
import type { SnapshotStore } from './snapshot-store';

const MESSAGES = {
  notVerified:
    'This snapshot did not pass its check, so it is not offered for restoring or downloading. Choose another snapshot. Nothing was changed.',
  damaged:
    'This snapshot is damaged in storage (its bytes no longer match what was saved), so it was not used. Nothing was changed. It is now marked “Verification failed”; choose another snapshot.',
};

/** A verified snapshot's database file (plain SQLite bytes), ready to open as a restore candidate. */
export interface SnapshotContents {
  bytes: Uint8Array;
}

/**
 * Opens a verified snapshot's database for a restore, an undo or a download. The stored bytes
 * must still have the digest recorded when the snapshot was taken — a copy damaged since is
 * refused, and marked failed so it is never offered again. The caller opens the bytes as a
 * restore candidate (src/core/backup/load/open-candidate.ts), which migrates and checks them.
 */
export async function openSnapshotBytes(
  store: SnapshotStore,
  manifest: SnapshotManifest,
  /** Records that the copy failed (the caller updates the manifest, one change at a time). */
  markFailed: (problem: string) => Promise<void>,
): Promise<Result<SnapshotContents>> {
  if (manifest.verification.state !== 'verified') return fail('snapshot-not-verified', MESSAGES.notVerified);
  const stored = await store.readBytes(manifest.id);
  let bytes: Bytes | null;
  try {
    bytes = stored ? await gunzipSnapshot(stored) : null;
  } catch {
    bytes = null;
  }
  if (bytes === null || (await sha256Hex(bytes)) !== manifest.databaseSha256) {
    await markFailed('The stored copy differs from the database that was saved: it was damaged in storage.');
    return fail('snapshot-damaged', MESSAGES.damaged);
  }
  return ok({ bytes });
}

/** The message for a snapshot whose database does not open or fails its checks. */
export const SNAPSHOT_DAMAGED_MESSAGE = MESSAGES.damaged;
