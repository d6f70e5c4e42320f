import { TABLE_COLUMNS } from '../db/rows';
import type { Database, SqlValue } from '../db/sql-types';
import { selectRows } from '../db/transaction';
import type { Change, ClockPair } from './changes';
import type { NewRows } from './own-data';
import { APPEND_TABLES, EDITABLE_FIELDS, EDITABLE_TABLES, EXISTS } from './sync-tables';

/**
 * The changes that share a joining browser's own rows (aligned by own-data.ts) with the team.
 * A brokerage's or configuration's fields carry the time they were last edited here (never later
 * than now), not the time of joining: so a week-old copy joining does not win over the team's
 * newer edits, and a newer one does — the other value becomes a conflict either way.
 * Rows of a processing run still sending are left out (they are shared when it ends).
 */
export function ownDataChanges(
  own: Database,
  share: NewRows,
  held: readonly number[],
  epoch: string,
  nowMs: number,
  nextClock: () => ClockPair,
): Change[] {
  const changes: Change[] = [];
  const brokerageIds = new Map(
    selectRows<{ id: number; name: string }>(own, 'SELECT id, name FROM brokerages').map((r) => [r.name, r.id]),
  );
  for (const table of EDITABLE_TABLES) {
    for (const row of rowsOf(own, table, share[table])) {
      const f: Record<string, SqlValue> = { [EXISTS]: 1 };
      for (const field of EDITABLE_FIELDS[table]) f[field] = row[field] ?? null;
      if (table === 'brokerage_configurations') f.brokerage_id = brokerageIds.get(String(row.brokerage_name)) ?? null;
      changes.push({ k: 'set', e: epoch, h: [editedAt(row, nowMs), 0], t: table, id: Number(row.id), f, b: {} });
    }
  }
  const heldSet = new Set(held);
  for (const table of APPEND_TABLES) {
    const columns = TABLE_COLUMNS[table].filter((c) => c !== 'id');
    for (const row of rowsOf(own, table, share[table])) {
      if (table === 'upload_history' && heldSet.has(Number(row.id))) continue;
      if (table === 'processing_errors' && heldSet.has(Number(row.upload_history_id))) continue;
      changes.push({
        k: 'row',
        e: epoch,
        h: nextClock(),
        t: table,
        id: Number(row.id),
        v: columns.map((c) => row[c] ?? null),
        c: null,
      });
    }
  }
  return changes;
}

/** When a row was last edited by its own times, within [2001, now]. */
function editedAt(row: Record<string, SqlValue>, nowMs: number): number {
  const edited = Date.parse(String(row.updated_at ?? row.created_at ?? ''));
  return Number.isFinite(edited) ? Math.min(nowMs, Math.max(978_307_200_000, edited)) : nowMs;
}

function rowsOf(db: Database, table: keyof typeof TABLE_COLUMNS, ids: readonly number[]): Record<string, SqlValue>[] {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  return selectRows<Record<string, SqlValue>>(
    db,
    `SELECT ${TABLE_COLUMNS[table].join(', ')} FROM ${table} ORDER BY id`,
  ).filter((r) => wanted.has(Number(r.id)));
}
