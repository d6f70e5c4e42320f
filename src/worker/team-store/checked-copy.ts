import { logActivity } from '../../core/db/activity';
import { META_KEYS, readMeta, writeMeta } from '../../core/db/meta';
import { inTransaction } from '../../core/db/transaction';
import { ok } from '../../core/result';
import type { RetentionRunReport } from '../../core/team-store/store-retention-run';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import { updateHealth, withAnswer, withGoodCopy, type StoreRecords } from './store-records';
import type { StoreUploadJob } from './upload-queue-store';

/**
 * What a copy that read back as written changes: it is the store's newest good copy, a copy of
 * this browser's that retention may count on, and a backup point (the time its data was read,
 * never moved back by a late upload of an older file) — logged with the retention run after it.
 */
export async function recordCheckedCopy(
  deps: { live: LiveDatabase; operator: Operator; records: StoreRecords },
  job: StoreUploadJob,
  key: string,
  nowIso: string,
  retention: RetentionRunReport | null,
): Promise<void> {
  const { live, operator, records } = deps;
  const { fileName } = job.details;
  const deleted = new Set(retention?.deleted ?? []);
  const copies = (await records.ownCopies.read()) ?? [];
  await records.ownCopies.write([
    ...copies.filter((copy) => !deleted.has(copy.key) && copy.key !== key),
    { key, createdAt: job.createdAt, checkedAt: nowIso },
  ]);
  await updateHealth(records, (health) => ({
    ...withGoodCopy(withAnswer(health, nowIso), { at: job.createdAt, fileName }),
    lastRetention: retention ? { at: nowIso, summary: retention.summary } : health.lastRetention,
  }));
  const label = job.details.backupKind === 'emergency' ? 'Emergency backup' : 'Backup';
  // A tab that may not write (another tab edits) still has its copy checked; only the log waits.
  await live.write((db) => {
    inTransaction(db, () => {
      const last = readMeta(db, META_KEYS.lastBackupAt);
      if (last === null || job.createdAt > last) writeMeta(db, META_KEYS.lastBackupAt, job.createdAt);
      logActivity(db, {
        at: nowIso,
        kind: 'backup',
        summary: `${label} copied to the team store and checked: ${fileName}${operator.byline()}`,
        details: { ...job.details, createdAt: job.createdAt, teamStore: true, by: operator.nameOrNull },
      });
      if (retention && (retention.deleted.length > 0 || retention.refused.length > 0)) {
        logActivity(db, { at: nowIso, kind: 'team-store', summary: retention.summary });
      }
    });
    return ok(undefined);
  });
}
