import type { AuditPage, AuditQuery } from '../../core/audit/audit-query';
import type { Clock } from '../../core/clock';
import { ok, type Result } from '../../core/result';
import { lazyModule } from '../../platform/lazy-import';
import type { LiveDatabase } from '../engine/live-database';
import type { FeatureCalls } from '../feature-calls';

/** What the audit trail's view works with: the live database (the activity log) and the clock. */
export interface AuditTrailSources {
  live: LiveDatabase;
  clock: Clock;
}

/** The trail as a CSV file, and how many entries it holds. */
export interface AuditExport {
  fileName: string;
  blob: Blob;
  count: number;
}

/** A page of the trail at most this long. */
const MAX_PAGE = 200;
const LOCAL_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });
/** Reading the trail, and the CSV writer (PapaParse): loaded when the trail is first shown or exported. */
const loadAuditQuery = lazyModule(() => import('../../core/audit/audit-query'));
const loadAuditCsv = lazyModule(() => import('../../core/audit/audit-csv'));

/** The trail's reading code, or a failed read (the view says so) when it cannot be loaded. */
async function auditQuery() {
  const loaded = await loadAuditQuery();
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

/**
 * The audit trail, read-only: pages of entries with filters, the people named in it, and the CSV
 * export. Nothing here (nor anywhere the page can reach) edits or deletes an entry.
 */
export const auditCalls = {
  reads: {
    /** A page of entries matching `query`, newest first; pass `beforeId` from the last page for more. */
    listAuditTrail: async (
      sources: AuditTrailSources,
      query: AuditQuery,
      page: { limit: number; beforeId?: number },
    ): Promise<AuditPage> => {
      const { listAuditTrail } = await auditQuery();
      const limit = Math.min(MAX_PAGE, Math.max(1, page.limit));
      return sources.live.read((db) => listAuditTrail(db, query, { ...page, limit }));
    },
    /** The people named in the trail, for its person filter. */
    listAuditPeople: async (sources: AuditTrailSources): Promise<string[]> => {
      const { listAuditPeople } = await auditQuery();
      return sources.live.read(listAuditPeople);
    },
  },
  actions: {
    /** Every entry matching `query` as `ff2api_audit_YYYYMMDD_HHMMSS.csv` (local time). */
    exportAuditTrail: async (sources: AuditTrailSources, query: AuditQuery): Promise<Result<AuditExport>> => {
      const [reading, csv] = await Promise.all([loadAuditQuery(), loadAuditCsv()]);
      if (!reading.ok) return reading;
      if (!csv.ok) return csv;
      const entries = sources.live.read((db) => reading.value.readAuditTrail(db, query));
      const text = csv.value.auditCsv(entries, (iso) => LOCAL_TIME.format(new Date(iso)));
      const fileName = csv.value.auditFileName(sources.clock.now());
      return ok({ fileName, blob: new Blob([text], { type: 'text/csv' }), count: entries.length });
    },
  },
} satisfies FeatureCalls<AuditTrailSources>;
