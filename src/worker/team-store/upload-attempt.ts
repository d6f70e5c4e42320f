import type { SqlJsStatic } from '../../core/db/sql-types';
import { backupObjectMetadata } from '../../core/team-store/backup-object';
import { openObject, readOpenedBody } from '../../core/team-store/envelope-open';
import { sealObject } from '../../core/team-store/envelope-seal';
import { objectKey, relativeObjectName } from '../../core/team-store/object-names';
import { storeError, type StoreError } from '../../core/team-store/store-errors';
import { readBackChecksum } from '../file-checks/scratch-check';
import { sha256Hex } from './file-digest';
import type { StoreSession } from './team-session';
import type { StoreUploadJob } from './upload-queue-store';

/**
 * One attempt at a copy for the store: the backup file sealed as it is read (gzip, AES-GCM chunks,
 * its name bound), sent (multipart when large), then read back and checked — every chunk opened,
 * the bytes equal to the file's (SHA-256), and, for a file readable without a passphrase, its
 * content checksum certified as a restore would. Only then does it count. A copy that does not
 * read back as written is deleted again (it must never be mistaken for a backup).
 */

export type AttemptResult = { ok: true; key: string } | { ok: false; error: StoreError };

const MESSAGES = {
  mismatch:
    'The copy in the team store did not read back as written, so it was removed and does not count. The local ' +
    'backup is unchanged; the copy will be sent again.',
};

export async function uploadAndCheck(
  session: StoreSession,
  SQL: SqlJsStatic,
  job: StoreUploadJob,
  file: Blob,
  now: () => Date,
): Promise<AttemptResult> {
  const sent = await sendSealed(session, job, file);
  return sent.ok ? checkCopy(session, SQL, job, now) : sent;
}

/** The backup file sealed as it is read and sent under this browser's own name for the job. */
export async function sendSealed(session: StoreSession, job: StoreUploadJob, file: Blob): Promise<AttemptResult> {
  const { relative, key } = nameOf(session, job);
  const metadata = backupObjectMetadata({
    createdAt: job.createdAt,
    deviceId: session.identity.deviceId,
    person: session.identity.person,
    details: { ...job.details, browserName: session.identity.browserName },
  });
  const body = sealObject({ teamKey: session.teamKey, name: relative, metadata, body: file, plainSize: file.size });
  const put = await session.own.put(key, body, { contentType: 'application/octet-stream' });
  return put.ok ? { ok: true, key } : put;
}

/** The copy read back: every chunk opened, the same bytes, and (when readable) the same content checksum. */
export async function checkCopy(
  session: StoreSession,
  SQL: SqlJsStatic,
  job: StoreUploadJob,
  now: () => Date,
): Promise<AttemptResult> {
  const { relative, key } = nameOf(session, job);
  const got = await session.store.get(key);
  if (!got.ok) return got;
  const opened = await openObject(session.teamKey, relative, got.value.body);
  const bytes = opened.ok ? await readOpenedBody(relative, opened.value) : opened;
  if (!bytes.ok) {
    // A download cut short is the network's doing: try again. Anything else is a bad copy.
    if (bytes.error.code === 'store-read-failed') {
      return { ok: false, error: storeError('unreachable', bytes.error.detail ?? '') };
    }
    return removeBadCopy(session, key, bytes.error.detail ?? bytes.error.message);
  }
  if ((await sha256Hex(bytes.value)) !== job.details.sha256) return removeBadCopy(session, key, 'other bytes');
  if (job.details.secrets !== 'encrypted') {
    const read = await readBackChecksum(SQL, bytes.value, { now: now().toISOString() });
    const checksum = read.ok ? read.value.checksum : null;
    if (checksum !== job.details.checksum) return removeBadCopy(session, key, `checksum ${checksum ?? 'unreadable'}`);
  }
  return { ok: true, key };
}

function nameOf(session: StoreSession, job: StoreUploadJob): { relative: string; key: string } {
  const name = { kind: 'backup' as const, deviceId: session.identity.deviceId, objectId: job.objectId };
  return { relative: relativeObjectName(name), key: objectKey(session.prefix, name) };
}

async function removeBadCopy(session: StoreSession, key: string, why: string): Promise<AttemptResult> {
  await session.own.delete(key);
  return { ok: false, error: { ...storeError('server', `read-back of ${key}: ${why}`), message: MESSAGES.mismatch } };
}
