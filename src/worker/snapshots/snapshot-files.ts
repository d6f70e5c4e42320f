import type { Candidate } from '../../core/backup/load/load-backup';
import { openDatabaseCandidate } from '../../core/backup/load/open-candidate';
import type { SecretsMode } from '../../core/backup/format/format';
import { writeBackupFile, type WrittenBackup } from '../../core/backup/write/write';
import type { ActivityRow } from '../../core/db/rows';
import { openDatabase } from '../../core/db/open';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { fail, ok, type Result } from '../../core/result';

/**
 * Where snapshots meet the restore engine and the backup writer (src/core/backup), loaded on
 * first use: a snapshot is a restore candidate like a file (its SQLite file opened apart, migrated,
 * checked and certified by its content checksum, which must equal the manifest's), and a normal
 * backup file can be written from it. No step reads the rows as objects: they stay in SQLite.
 */

const MESSAGES = {
  notCertified:
    'This snapshot could not be opened or failed its checks, so it was not used. Nothing was changed. Choose another snapshot.',
};

/**
 * A snapshot's database as a restore candidate; `expectedChecksum` is its manifest's. The bytes
 * come from openSnapshotBytes, whose SHA-256 equals the manifest's — and a manifest's checksum is
 * only ever set by a check of a copy with that same SHA-256 (judgeSnapshotCheck), which also found
 * its integrity and foreign keys sound — so that checksum is proven for these bytes.
 */
export async function openSnapshotCandidate(
  SQL: SqlJsStatic,
  bytes: Uint8Array,
  facts: { label: string; takenAt: string; expectedChecksum: string | null },
): Promise<Result<Candidate>> {
  const opened = await openDatabaseCandidate(SQL, bytes, {
    label: facts.label,
    createdAt: facts.takenAt,
    ...(facts.expectedChecksum
      ? { expectedChecksum: facts.expectedChecksum, provenChecksum: facts.expectedChecksum }
      : {}),
  });
  return opened.ok
    ? ok(opened.candidate)
    : fail('snapshot-uncertified', MESSAGES.notCertified, opened.error.detail ?? opened.error.message);
}

/** A normal ff2api_backup file of a snapshot's database (restores anywhere). */
export async function buildSnapshotBackupFile(
  SQL: SqlJsStatic,
  bytes: Uint8Array,
  args: {
    activity: readonly ActivityRow[];
    takenAt: string;
    appVersion: string;
    schemaVersion: number;
    secrets: SecretsMode;
    passphrase?: string;
  },
): Promise<WrittenBackup> {
  const db = openDatabase(SQL, bytes);
  try {
    return await writeBackupFile(db, args.activity, {
      createdAt: args.takenAt,
      trigger: 'snapshot',
      appVersion: args.appVersion,
      schemaVersion: args.schemaVersion,
      secrets: args.secrets,
      ...(args.passphrase ? { passphrase: args.passphrase } : {}),
    });
  } finally {
    db.close();
  }
}
