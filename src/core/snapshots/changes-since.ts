import type { Database } from '../db/sql-types';
import { selectRows, selectValue } from '../db/transaction';

/**
 * What was changed in the database since a moment, in words a dispatcher recognises, read from
 * the rows' own times and the configuration audit trail. Used to say what an undo would lose.
 * Deleting a brokerage that had no configurations leaves no trace here; the caller also says
 * when the last change was, so nothing goes unmentioned.
 */

export interface ChangesSince {
  /** Up to `limit` descriptions, newest first: "Brokerage “Acme” added", "Created configuration “Daily”". */
  items: string[];
  /** How many changes in all (items may be fewer). */
  total: number;
  /** Upload history rows recorded since. */
  uploads: number;
}

const SQL = {
  brokerages: `SELECT name, created_at >= ? AS isNew, MAX(created_at, updated_at) AS at FROM brokerages
    WHERE created_at >= ? OR updated_at >= ? ORDER BY at DESC`,
  configurationChanges: `SELECT change_description AS description, change_type AS type, changed_at AS at FROM configuration_changes
    WHERE changed_at >= ? ORDER BY changed_at DESC, id DESC`,
  uploads: 'SELECT COUNT(*) FROM upload_history WHERE upload_timestamp >= ?',
} as const;

/** Changes recorded at or after `sinceIso`. */
export function describeChangesSince(db: Database, sinceIso: string, limit = 10): ChangesSince {
  const brokerages = selectRows<{ name: string; isNew: number; at: string }>(db, SQL.brokerages, [
    sinceIso,
    sinceIso,
    sinceIso,
  ]);
  const configurations = selectRows<{ description: string | null; type: string; at: string }>(
    db,
    SQL.configurationChanges,
    [sinceIso],
  );
  const uploads = Number(selectValue(db, SQL.uploads, [sinceIso]) ?? 0);
  const dated = [
    ...brokerages.map((b) => ({
      at: b.at,
      text: b.isNew ? `Brokerage “${b.name}” added` : `Brokerage “${b.name}” renamed or changed`,
    })),
    ...configurations.map((c) => ({ at: c.at, text: c.description ?? `Configuration ${c.type}` })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const items = dated.slice(0, limit).map((d) => d.text);
  if (uploads > 0 && items.length < limit) items.push(`${uploads} upload${uploads === 1 ? '' : 's'} recorded`);
  return { items, total: dated.length + (uploads > 0 ? 1 : 0), uploads };
}
