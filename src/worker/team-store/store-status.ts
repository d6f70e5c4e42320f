import { summariseQueue } from '../../core/team-store/upload-queue';
import type { StoreAccess } from './store-access';
import { emptyHealth, type StoreRecords } from './store-records';
import type { PendingUpload, StoreHealthFacts, TeamStoreStatus } from './team-store-types';
import type { UploadQueueStore } from './upload-queue-store';

/**
 * What the page shows of the team store — the Team view's status (never the secret nor the key),
 * and the store's side of backup health — read from the database row, the waiting copies and the
 * feature's records. Cheap: nothing here contacts the store or loads its code.
 */

export async function readTeamStoreStatus(
  access: StoreAccess,
  uploads: UploadQueueStore,
  records: StoreRecords,
): Promise<TeamStoreStatus> {
  const row = access.row();
  if (!row?.connection) {
    return { connected: false, browserName: row?.identity.browserName ?? null, person: row?.identity.person ?? null };
  }
  const c = row.connection;
  const health = (await records.health.read()) ?? emptyHealth();
  return {
    connected: true,
    ...(c.kind === 'folder' ? { kind: 'folder' as const } : {}),
    endpoint: c.endpoint,
    region: c.region,
    bucket: c.bucket,
    prefix: c.prefix,
    addressing: c.addressing,
    accessKeyId: c.accessKeyId,
    teamId: c.teamId,
    deviceId: row.identity.deviceId,
    browserName: row.identity.browserName,
    person: row.identity.person,
    connectedAt: c.connectedAt,
    copyBeforeRisky: row.copyBeforeRisky,
    protection: health.protection,
    pending: await pendingUploads(uploads),
    lastRetention: health.lastRetention,
  };
}

export async function readStoreHealthFacts(
  access: StoreAccess,
  uploads: UploadQueueStore,
  records: StoreRecords,
): Promise<StoreHealthFacts | null> {
  const connection = access.row()?.connection;
  if (!connection) return null;
  const health = (await records.health.read()) ?? emptyHealth();
  const { endpoint, region, bucket, prefix } = connection;
  return {
    location: { endpoint, region, bucket, prefix },
    connectedAt: connection.connectedAt,
    newestGoodCopy: health.newestGoodCopy,
    lastCheckAt: health.lastCheckAt,
    failures: health.failures,
    unreachableSince: health.unreachableSince,
    waiting: summariseQueue(await uploads.list()).waiting,
  };
}

async function pendingUploads(uploads: UploadQueueStore): Promise<PendingUpload[]> {
  const jobs = await uploads.list();
  return jobs
    .filter((job) => job.state === 'pending' || job.state === 'needs-attention')
    .sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : 1))
    .map((job) => ({
      id: job.id,
      fileName: job.details.fileName,
      backupKind: job.details.backupKind,
      queuedAt: job.queuedAt,
      attempts: job.attempts,
      state: job.state === 'needs-attention' ? 'needs-attention' : 'pending',
      nextAttemptAt: job.nextAttemptAt,
      lastError: job.lastError,
    }));
}
