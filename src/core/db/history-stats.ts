/** Loads per day from the upload history, for the chart above the history table. */
import type { Database } from './sql-types';
import { selectRows } from './transaction';

export interface DayCounts {
  /** `YYYY-MM-DD` in the viewer's time zone. */
  day: string;
  succeeded: number;
  failed: number;
}

const SQL = {
  perDay: `SELECT date(upload_timestamp, ?1) AS day, SUM(successful_records) AS succeeded, SUM(failed_records) AS failed
    FROM upload_history WHERE upload_timestamp >= ?2 AND timestamp_unknown = 0
    GROUP BY day ORDER BY day`,
} as const;

/**
 * Succeeded and failed loads per day since `sinceIso`; days are the viewer's local days, given as
 * the minutes the viewer's zone is ahead of UTC. Rows whose time was lost are left out.
 */
export function countLoadsPerDay(db: Database, sinceIso: string, utcOffsetMinutes: number): DayCounts[] {
  const modifier = `${utcOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(Math.round(utcOffsetMinutes))} minutes`;
  return selectRows<DayCounts>(db, SQL.perDay, [modifier, sinceIso]).map((row) => ({
    day: row.day,
    succeeded: Number(row.succeeded),
    failed: Number(row.failed),
  }));
}
