import { auditCsv, auditFileName } from '../../core/audit/audit-csv';
import { listAuditPeople, listAuditTrail, readAuditTrail, type AuditQuery } from '../../core/audit/audit-query';
import type { Clock } from '../../core/clock';
import type { LiveDatabase } from '../engine/live-database';
import type { FeatureCalls } from '../feature-calls';

/** What the audit trail's view works with: the live database (the activity log) and the clock. */
export interface AuditTrailSources {
  live: LiveDatabase;
  clock: Clock;
}

/** A page of the trail at most this long. */
const MAX_PAGE = 200;
const LOCAL_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * The audit trail, read-only: pages of entries with filters, the people named in it, and the CSV
 * export. Nothing here (nor anywhere the page can reach) edits or deletes an entry.
 */
export const auditCalls = {
  reads: {
    /** A page of entries matching `query`, newest first; pass `beforeId` from the last page for more. */
    listAuditTrail: (sources: AuditTrailSources, query: AuditQuery, page: { limit: number; beforeId?: number }) =>
      sources.live.read((db) =>
        listAuditTrail(db, query, { ...page, limit: Math.min(MAX_PAGE, Math.max(1, page.limit)) }),
      ),
    /** The people named in the trail, for its person filter. */
    listAuditPeople: (sources: AuditTrailSources) => sources.live.read(listAuditPeople),
  },
  actions: {
    /** Every entry matching `query` as `ff2api_audit_YYYYMMDD_HHMMSS.csv` (local time). */
    exportAuditTrail: (sources: AuditTrailSources, query: AuditQuery) => {
      const entries = sources.live.read((db) => readAuditTrail(db, query));
      const text = auditCsv(entries, (iso) => LOCAL_TIME.format(new Date(iso)));
      return {
        fileName: auditFileName(sources.clock.now()),
        blob: new Blob([text], { type: 'text/csv' }),
        count: entries.length,
      };
    },
  },
} satisfies FeatureCalls<AuditTrailSources>;
