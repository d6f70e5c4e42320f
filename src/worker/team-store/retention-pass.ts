import { readBackupDetails } from '../../core/team-store/backup-object';
import { listAll } from '../../core/team-store/object-store';
import type { StoreError } from '../../core/team-store/store-errors';
import { planStoreRetention, type StoreBackupItem } from '../../core/team-store/store-retention';
import { runStoreRetention, type RetentionRunReport } from '../../core/team-store/store-retention-run';
import type { HeaderReader } from './object-headers';
import type { OwnCopy } from './store-records';
import type { StoreSession } from './team-session';

/**
 * Retention after a checked upload (docs/team-store.md, "Retention in the store"): only this
 * browser's folder is listed, each backup's header says its kind and time, the core's plan says
 * what to keep and why, and the plan is carried out through the store limited to this browser's
 * own objects — so a foreign object, another browser's backup or another prefix is never deleted,
 * even by a wrong plan. A delete the bucket refuses is reported; the others go on.
 */
export async function runRetentionPass(
  session: StoreSession,
  headers: HeaderReader,
  ownCopies: readonly OwnCopy[],
  now: Date,
): Promise<{ ok: true; report: RetentionRunReport } | { ok: false; error: StoreError }> {
  const folder = `${session.prefix}devices/${session.identity.deviceId}/backups/`;
  const listed = await listAll(session.store, folder);
  if (!listed.ok) return listed;
  const checked = new Set(ownCopies.map((copy) => copy.key));
  const items: StoreBackupItem[] = [];
  for (const object of listed.value) {
    const read = await headers.read(object.name);
    if (read.state === 'failed') return { ok: false, error: read.error };
    const details = read.state === 'opened' ? readBackupDetails(read.header.metadata) : null;
    const metadata =
      read.state === 'opened' && details
        ? {
            kind: details.backupKind,
            createdAt: read.header.metadata.createdAt,
            deviceId: read.header.metadata.deviceId,
          }
        : null;
    items.push({ key: object.name, metadata, verified: checked.has(object.name) });
  }
  const plan = planStoreRetention({ items, prefix: session.prefix, deviceId: session.identity.deviceId, now });
  return { ok: true, report: await runStoreRetention(session.own, plan) };
}
