import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { TableChange } from './changes';

/** How a merge settles a configuration present on both sides (the restore panel shows this). */
export const MERGE_CONFLICT_RULE =
  'When a configuration is both here and in the file, the copy with the later “updated” time wins; on a tie the copy in this browser is kept. A file without credentials never removes credentials saved here. Merging never deletes anything.';

/**
 * What a replace from an older file would lose: when the file was made before the last change
 * here, the rows it would remove or overwrite. Null when nothing. (A merge never loses anything:
 * it only adds, and overwrites a configuration only with a newer copy of it.)
 */
export function countLostChanges(
  changes: Record<DataTable, TableChange>,
  lastChangeAt: string | null,
  fileCreatedAt: string | null,
): { changes: number; since: string } | null {
  if (lastChangeAt === null || fileCreatedAt === null) return null;
  if (Date.parse(fileCreatedAt) >= Date.parse(lastChangeAt)) return null;
  const lost = DATA_TABLES.reduce((sum, table) => sum + changes[table].remove + changes[table].update, 0);
  return lost > 0 ? { changes: lost, since: fileCreatedAt } : null;
}
