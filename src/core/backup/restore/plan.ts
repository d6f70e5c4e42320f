import { TABLE_COLUMNS, type DataTables } from '../../db/rows';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { RestoreMode, TableChange } from './changes';
import { mergeTables } from './merge';
import { sameRow } from './same-row';

/**
 * What a restore would store, and what it would change, computed in plain JavaScript before
 * anything is written. Replace: the database becomes exactly the file. Merge: see merge.ts.
 */

/** How a merge settles a configuration present on both sides (the restore panel shows this). */
export const MERGE_CONFLICT_RULE =
  'When a configuration is both here and in the file, the copy with the later “updated” time wins; on a tie the copy in this browser is kept. A file without credentials never removes credentials saved here. Merging never deletes anything.';

export interface RestorePlan {
  /** The tables the database will hold afterwards. */
  tables: DataTables;
  /** Per table, against the current database: rows added, changed, removed, left as they are. */
  changes: Record<DataTable, TableChange>;
}

/** Plans a replace or a merge of `incoming` into `current`; pure, both inputs untouched. */
export function planRestore(current: DataTables, incoming: DataTables, mode: RestoreMode): RestorePlan {
  return mode === 'replace' ? { tables: incoming, changes: diffById(current, incoming) } : mergeTables(current, incoming);
}

/**
 * What a restore from an older file would lose: when the file was made before the last change
 * here, the rows it would remove or overwrite (a merge removes nothing). Null when nothing.
 */
export function countLostChanges(
  plan: RestorePlan,
  lastChangeAt: string | null,
  fileCreatedAt: string | null,
): { changes: number; since: string } | null {
  if (lastChangeAt === null || fileCreatedAt === null) return null;
  if (Date.parse(fileCreatedAt) >= Date.parse(lastChangeAt)) return null;
  const changes = DATA_TABLES.reduce((sum, table) => sum + plan.changes[table].remove + plan.changes[table].update, 0);
  return changes > 0 ? { changes, since: fileCreatedAt } : null;
}

/**
 * Replace's changes, rows matched by id: the same id with the same values is unchanged, with
 * other values an update; ids only in the file are added, ids only here removed. (Ids are the
 * rows' identity in a database restored from our own backups; for original files, which have
 * no ids, a replace of a non-empty database shows as updates and removals, which it is.)
 */
export function diffById(current: DataTables, incoming: DataTables): Record<DataTable, TableChange> {
  const changes = {} as Record<DataTable, TableChange>;
  for (const table of DATA_TABLES) {
    const columns: readonly string[] = TABLE_COLUMNS[table];
    const before = new Map<number, object>();
    for (const row of current[table]) before.set(row.id, row);
    const change: TableChange = { add: 0, update: 0, remove: 0, unchanged: 0 };
    const kept = new Set<number>();
    for (const row of incoming[table]) {
      const old = before.get(row.id);
      if (old === undefined) change.add++;
      else {
        kept.add(row.id);
        if (sameRow(old, row, columns)) change.unchanged++;
        else change.update++;
      }
    }
    change.remove = before.size - kept.size;
    changes[table] = change;
  }
  return changes;
}
