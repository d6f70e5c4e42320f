import { fail, ok, type Result } from '../../core/result';
import { readBackupDetails, type BackupObjectDetails } from '../../core/team-store/backup-object';
import { openObject, readOpenedBody } from '../../core/team-store/envelope-open';
import { tamperedObject } from '../../core/team-store/envelope-format';
import { parseObjectName } from '../../core/team-store/object-names';
import type { StoreSession } from './team-session';

/**
 * A backup object of the team (any browser's) opened for a restore: fetched, every chunk
 * authenticated as it arrives, its size the header's, its header a backup's. What comes back is
 * the backup file exactly as it was made; the restore feature then reads and checks it as any file.
 * A refused object is the value `object-tampered` and nothing of it is used.
 */

export interface OpenedBackup {
  bytes: Uint8Array;
  details: BackupObjectDetails;
  createdAt: string;
  person: string;
}

const MESSAGES = {
  notBackup:
    'That is not one of the team’s backups in the store. Nothing was changed. Refresh the list and choose again.',
};

export async function downloadBackup(session: StoreSession, key: string): Promise<Result<OpenedBackup>> {
  const name = parseObjectName(session.prefix, key);
  if (name?.kind !== 'backup') return fail('store-not-a-backup', MESSAGES.notBackup, key);
  const relative = key.slice(session.prefix.length);
  const got = await session.store.get(key);
  if (!got.ok) return { ok: false, error: got.error };
  const opened = await openObject(session.teamKey, relative, got.value.body);
  if (!opened.ok) return opened;
  const details = readBackupDetails(opened.value.header.metadata);
  if (!details) {
    await opened.value.body.cancel().catch(() => undefined);
    return tamperedObject(key, 'the header is not a backup’s');
  }
  const bytes = await readOpenedBody(relative, opened.value);
  if (!bytes.ok) return bytes;
  const { createdAt, person } = opened.value.header.metadata;
  return ok({ bytes: bytes.value, details, createdAt, person });
}
