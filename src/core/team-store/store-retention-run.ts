import type { ObjectStore } from './object-store';
import type { StoreError } from './store-errors';
import type { StoreRetentionDecision } from './store-retention';

/**
 * Carries out a retention plan: deletes what it says, one object at a time, and keeps going when
 * the store refuses one (Object Lock, a key without delete permission) — the refusal is reported,
 * the object stays, and the other deletes still happen. It stops early only when the store is
 * unreachable, since every further delete would fail the same way.
 */

export interface RetentionRunReport {
  deleted: string[];
  refused: { key: string; error: StoreError }[];
  /** Deletes not tried because the store stopped answering. */
  notTried: string[];
  /** One sentence for the activity log and the store's health line. */
  summary: string;
}

export async function runStoreRetention(
  store: ObjectStore,
  plan: readonly StoreRetentionDecision[],
): Promise<RetentionRunReport> {
  const toDelete = plan.filter((d) => d.keptFor.length === 0).map((d) => d.key);
  const report: RetentionRunReport = { deleted: [], refused: [], notTried: [], summary: '' };
  for (const [i, key] of toDelete.entries()) {
    const result = await store.delete(key);
    if (result.ok) report.deleted.push(key);
    else if (result.error.code === 'unreachable') {
      report.refused.push({ key, error: result.error });
      report.notTried.push(...toDelete.slice(i + 1));
      break;
    } else report.refused.push({ key, error: result.error });
  }
  report.summary = summarise(report, plan.length - toDelete.length);
  return report;
}

function summarise(report: RetentionRunReport, kept: number): string {
  const parts = [
    `Team store retention: ${report.deleted.length} old backup${report.deleted.length === 1 ? '' : 's'} removed, ` +
      `${kept} kept.`,
  ];
  if (report.refused.length > 0) {
    const locked = report.refused.some((r) => r.error.code === 'denied');
    parts.push(
      `${report.refused.length} could not be removed` +
        (locked ? ' (the bucket refused: Object Lock or a key without delete permission)' : '') +
        '; ' +
        'they stay in the store and will be tried again next time.',
    );
  }
  if (report.notTried.length > 0)
    parts.push(`${report.notTried.length} not tried because the store stopped answering.`);
  return parts.join(' ');
}
