import { readBackupDetails } from '../../core/team-store/backup-object';
import { parseObjectName } from '../../core/team-store/object-names';
import { listAll, type ObjectInfo } from '../../core/team-store/object-store';
import type { StoreError } from '../../core/team-store/store-errors';
import type { HeaderReader } from './object-headers';
import type { StoreSession } from './team-session';
import type { StoreBackupList, StoreBackupRow } from './team-store-types';

/**
 * The team's backups in the store, newest first: every browser's backup objects under the
 * prefix, each described by its sealed header (one ranged GET, a few at a time). A name that is
 * not exactly ours is counted and never read; a header that does not open with the team key is
 * counted as refused and never listed as a backup.
 */

const PARALLEL_READS = 4;

export async function listStoreBackups(
  session: StoreSession,
  headers: HeaderReader,
  verifiedKeys: ReadonlySet<string>,
): Promise<{ ok: true; value: StoreBackupList } | { ok: false; error: StoreError }> {
  const listed = await listAll(session.store, `${session.prefix}devices/`);
  if (!listed.ok) return listed;
  let otherObjects = 0;
  const backups: ObjectInfo[] = [];
  for (const object of listed.value) {
    const name = parseObjectName(session.prefix, object.name);
    if (name === null) otherObjects++;
    else if (name.kind === 'backup') backups.push(object);
  }
  const rows: StoreBackupRow[] = [];
  let refused = 0;
  let failure: StoreError | null = null;
  let next = 0;
  const worker = async () => {
    while (next < backups.length && failure === null) {
      const object = backups[next++] as ObjectInfo;
      const read = await headers.read(object.name);
      if (read.state === 'failed') failure = read.error;
      const details = read.state === 'opened' ? readBackupDetails(read.header.metadata) : null;
      if (read.state === 'refused' || (read.state === 'opened' && details === null)) refused++;
      if (read.state !== 'opened' || details === null) continue;
      const { metadata } = read.header;
      rows.push({
        key: object.name,
        createdAt: metadata.createdAt,
        backupKind: details.backupKind,
        fileName: details.fileName,
        browserName: details.browserName,
        person: metadata.person,
        // The name's device, which the seal binds (the header's own claim is the writer's word).
        isThisBrowser: object.name.startsWith(`${session.prefix}devices/${session.identity.deviceId}/`),
        sizeBytes: object.size,
        isVerified: verifiedKeys.has(object.name),
      });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  if (failure !== null) return { ok: false, error: failure };
  rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.key < b.key ? 1 : -1));
  return { ok: true, value: { backups: rows, otherObjects, refused } };
}
