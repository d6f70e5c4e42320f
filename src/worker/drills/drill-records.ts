import type { Database } from '../../core/db/sql-types';
import { selectRows } from '../../core/db/transaction';
import type { DrillOrigin, DrillOutcome, DrillRecord } from '../../core/drills/drill-types';

/**
 * Past drills, read back from the audit trail (each drill is one entry of kind `drill`, its
 * findings in the details): this browser's own, newest first.
 */

const SQL = `SELECT id, at, details FROM activity_log WHERE kind = 'drill' AND details NOT LIKE '{"imported_from"%'
  ORDER BY id DESC LIMIT ?`;

const ORIGINS: readonly DrillOrigin[] = ['folder', 'snapshot', 'store'];
const OUTCOMES: readonly DrillOutcome['outcome'][] = ['passed', 'damaged', 'failed'];

/** The newest `limit` drills made in this browser. */
export function readDrills(db: Database, limit: number): DrillRecord[] {
  return selectRows<{ id: number; at: string; details: string | null }>(db, SQL, [limit]).map((row) => {
    const d = parse(row.details);
    const origin = ORIGINS.find((o) => o === d.origin) ?? 'folder';
    return {
      id: row.id,
      at: row.at,
      who: typeof d.by === 'string' ? d.by : null,
      origin,
      name: typeof d.fileName === 'string' ? d.fileName : '',
      outcome: OUTCOMES.find((o) => o === d.outcome) ?? 'failed',
      durationMs: typeof d.durationMs === 'number' ? d.durationMs : null,
      targetMinutes: typeof d.targetMinutes === 'number' ? d.targetMinutes : null,
      notes: Array.isArray(d.notes) ? d.notes.filter((n): n is string => typeof n === 'string') : [],
    };
  });
}

function parse(text: string | null): Record<string, unknown> {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
