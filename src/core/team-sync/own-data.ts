import { withAttached } from '../backup/restore/attach';
import { TABLE_COLUMNS } from '../db/rows';
import { DATA_TABLES, type DataTable } from '../db/schema';
import type { Database } from '../db/sql-types';
import { selectRows } from '../db/transaction';
import type { IdRange } from './id-range';

/**
 * Joining a team with data of one's own: nothing of it is dropped. First the browser's own rows
 * are given ids the team can share (`alignOwnData`, on a copy of its database): a history row the
 * team already holds (same content — a restored team backup, say) takes the team's id and is not
 * shared again; every other row gets the next id of this browser's range. Brokerages and
 * configurations are always shared as this browser's own: one with a name the team uses joins
 * that one (editable-groups.ts), field by field, differences as conflicts. Processing runs and
 * errors follow their uploads' new ids.
 */

// A history row's content, which says whether the team holds it already. Uploads are renumbered
// before their errors, and configurations before their changes, so a child's link already holds
// the new id; a configuration change names its configuration by brokerage and name.
const CONTENT_KEY: Partial<Record<DataTable, (db: string) => string>> = {
  upload_history: () => `json_array(${columns('upload_history', 't')})`,
  processing_errors: () => `json_array(${columns('processing_errors', 't')})`,
  configuration_changes: (db) =>
    `json_array((SELECT json_array(c.brokerage_name, c.configuration_name) FROM ${db}.brokerage_configurations c
      WHERE c.id = t.configuration_id), ${columns('configuration_changes', 't', ['configuration_id'])})`,
};
// Only team rows that could match are keyed: a column of the key must be one an own row has
// (whole groups of equal keys pass or fail together, so counting occurrences is unchanged).
const CANDIDATES: Partial<Record<DataTable, string>> = {
  upload_history: 't.upload_timestamp IN (SELECT upload_timestamp FROM main.upload_history)',
  processing_errors: 't.upload_history_id IN (SELECT upload_history_id FROM main.processing_errors)',
  configuration_changes: 't.changed_at IN (SELECT changed_at FROM main.configuration_changes)',
};
const HELD = "SELECT upload_history_id FROM main.processing_runs WHERE state = 'sending'";

/** The own rows to share after alignment: by table, the ids of rows the team lacks. */
export type NewRows = Record<DataTable, number[]>;

/**
 * Renumbers `own` (a copy, foreign keys off, no transaction open) into `range`, matching history
 * rows `team` already holds; returns the rows to share and the rows of sending runs (kept local).
 */
export function alignOwnData(own: Database, team: Database, range: IdRange): { share: NewRows; held: number[] } {
  return withAttached(own, team, 'team', () => {
    own.exec('BEGIN');
    try {
      let next = nextFree(own, range);
      const share = {} as NewRows;
      for (const table of DATA_TABLES) {
        own.exec(
          `CREATE TEMP TABLE map_${table} (old INTEGER PRIMARY KEY, new INTEGER NOT NULL, shared INTEGER NOT NULL)`,
        );
        const key = CONTENT_KEY[table];
        if (key) matchTeamRows(own, table, key);
        const unmatched = selectRows<{ id: number }>(
          own,
          `SELECT id FROM main.${table} WHERE id NOT IN (SELECT old FROM temp.map_${table}) ORDER BY id`,
        );
        const insert = own.prepare(`INSERT INTO temp.map_${table} (old, new, shared) VALUES (?, ?, 1)`);
        for (const { id } of unmatched) insert.run([id, next++]);
        insert.free();
        renumber(own, table);
        share[table] = selectRows<{ new: number }>(
          own,
          `SELECT new FROM temp.map_${table} WHERE shared = 1 ORDER BY new`,
        ).map((r) => r.new);
      }
      const held = selectRows<{ id: number }>(
        own,
        `SELECT upload_history_id AS id FROM main.processing_runs WHERE state = 'sending'`,
      ).map((r) => r.id);
      for (const table of DATA_TABLES) own.exec(`DROP TABLE temp.map_${table}`);
      own.exec('COMMIT');
      return { share, held };
    } catch (error) {
      own.exec('ROLLBACK');
      throw error;
    }
  });
}

/** Maps own history rows to identical team rows, occurrence by occurrence (sending runs' rows never match). */
function matchTeamRows(own: Database, table: DataTable, key: (db: string) => string): void {
  if (own.exec(`SELECT 1 FROM main.${table} LIMIT 1`).length === 0) return;
  const notSending = table === 'upload_history' ? `WHERE t.id NOT IN (${HELD})` : '';
  own.exec(`
    CREATE TEMP TABLE own_keys AS
      SELECT id, k, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS n
      FROM (SELECT t.id, ${key('main')} AS k FROM main.${table} t ${notSending});
    CREATE TEMP TABLE team_keys AS
      SELECT id, k, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS n
      FROM (SELECT t.id, ${key('team')} AS k FROM team.${table} t WHERE ${CANDIDATES[table] ?? '1'});
    INSERT INTO temp.map_${table} (old, new, shared)
      SELECT o.id, m.id, 0 FROM temp.own_keys o JOIN temp.team_keys m ON m.k = o.k AND m.n = o.n;
    DROP TABLE temp.own_keys;
    DROP TABLE temp.team_keys;`);
}

/** Gives every row of `table` its mapped id, and every row pointing at one the new id. */
function renumber(own: Database, table: DataTable): void {
  const map = `temp.map_${table}`;
  own.exec(
    `UPDATE main.${table} SET id = -id; UPDATE main.${table} SET id = (SELECT new FROM ${map} WHERE old = -id);`,
  );
  const links: [string, string][] =
    table === 'upload_history'
      ? [
          ['processing_errors', 'upload_history_id'],
          ['processing_runs', 'upload_history_id'],
          ['processing_loads', 'upload_history_id'],
        ]
      : table === 'brokerage_configurations'
        ? [
            ['configuration_changes', 'configuration_id'],
            ['processing_runs', 'configuration_id'],
          ]
        : [];
  for (const [child, column] of links) {
    // Through negative values, so that a key of two columns never meets itself half-way.
    own.exec(`UPDATE main.${child} SET ${column} = -(SELECT new FROM ${map} WHERE old = ${column})
      WHERE ${column} IN (SELECT old FROM ${map});
      UPDATE main.${child} SET ${column} = -${column} WHERE ${column} < 0;`);
  }
}

/** The first id of `range` above every id either database (the team's attached) already has there. */
function nextFree(own: Database, range: IdRange): number {
  let highest = range.low - 1;
  for (const table of DATA_TABLES) {
    for (const db of ['main', 'team']) {
      const value = own.exec(`SELECT MAX(id) FROM ${db}.${table} WHERE id BETWEEN ${range.low} AND ${range.high}`)[0]
        ?.values[0]?.[0];
      if (typeof value === 'number') highest = Math.max(highest, value);
    }
  }
  return highest + 1;
}

function columns(table: DataTable, alias: string, skip: string[] = []): string {
  return TABLE_COLUMNS[table]
    .filter((c) => c !== 'id' && !skip.includes(c))
    .map((c) => `${alias}.${c}`)
    .join(', ');
}
