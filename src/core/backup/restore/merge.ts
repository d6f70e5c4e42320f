import { TABLE_COLUMNS } from '../../db/rows';
import type { Database } from '../../db/sql-types';
import { FILE_WINS_SQL, keyTable } from './names';

/**
 * Merge, in SQL: adds to `target` (a copy of the live database) what the file (attached as
 * `incoming`) holds and it lacks, and never deletes. Rows are matched exactly as the preview
 * names them (names.ts), so the preview's "adds N" is what happens. Configurations on both sides:
 * the later `updated_at` wins, a tie keeps this browser's copy, and a winning copy that needs
 * credentials keeps the credentials held here (same auth type), so a backup with secrets omitted
 * never erases keys; the local id stays. New rows get fresh ids above the current ones, in the
 * file's order; processing errors and configuration changes are re-linked to the ids their
 * upload or configuration has in the result. Merging the same file again adds nothing.
 * The caller runs this inside one transaction, with `incoming` attached.
 */
export function mergeInto(target: Database): void {
  mergeBrokerages(target);
  mergeConfigurations(target);
  const uploads = mergeRows(target, 'upload_history', null);
  mergeRows(target, 'processing_errors', { column: 'upload_history_id', map: uploads });
  const configurations = mapConfigurations(target);
  mergeRows(target, 'configuration_changes', { column: 'configuration_id', map: configurations });
  target.exec('DROP TABLE IF EXISTS temp.map_upload_history; DROP TABLE IF EXISTS temp.map_configurations');
}

function mergeBrokerages(db: Database): void {
  db.exec(`INSERT INTO main.brokerages (name, created_at, updated_at, is_active)
    SELECT name, created_at, updated_at, is_active FROM incoming.brokerages
    WHERE name NOT IN (SELECT name FROM main.brokerages) ORDER BY id`);
  // Every configuration needs its brokerage (a foreign key); a valid file already has it.
}

function mergeConfigurations(db: Database): void {
  const columns = TABLE_COLUMNS.brokerage_configurations.filter((c) => c !== 'id');
  const keepsOurs = 'f.needs_credentials = 1 AND h.needs_credentials = 0 AND f.auth_type = h.auth_type';
  const assignments = columns.map((c) => {
    if (c === 'api_credentials' || c === 'bearer_token')
      return `${c} = CASE WHEN ${keepsOurs} THEN h.${c} ELSE f.${c} END`;
    if (c === 'needs_credentials') return `${c} = CASE WHEN ${keepsOurs} THEN 0 ELSE f.${c} END`;
    return `${c} = f.${c}`;
  });
  // SQLite's UPDATE … FROM: the newer copy from the file replaces this browser's, keeping its id.
  db.exec(`UPDATE main.brokerage_configurations AS h SET ${assignments.join(', ')}
    FROM incoming.brokerage_configurations AS f
    WHERE h.brokerage_name = f.brokerage_name AND h.configuration_name = f.configuration_name AND ${FILE_WINS_SQL}`);
  db.exec(`INSERT INTO main.brokerage_configurations (${columns.join(', ')})
    SELECT ${columns.map((c) => `f.${c}`).join(', ')} FROM incoming.brokerage_configurations f
    WHERE NOT EXISTS (SELECT 1 FROM main.brokerage_configurations h WHERE h.brokerage_name = f.brokerage_name AND h.configuration_name = f.configuration_name)
    ORDER BY f.id`);
}

/** temp.map_configurations(file_id, here_id) by (brokerage, name). */
function mapConfigurations(db: Database): string {
  db.exec(`CREATE TEMP TABLE map_configurations AS
    SELECT f.id AS file_id, h.id AS here_id FROM incoming.brokerage_configurations f
    JOIN main.brokerage_configurations h ON h.brokerage_name = f.brokerage_name AND h.configuration_name = f.configuration_name;
    CREATE INDEX temp.map_configurations_file ON map_configurations (file_id)`);
  return 'map_configurations';
}

/**
 * Adds the file's rows of `table` whose natural key (with its occurrence) is not here, re-linking
 * `link.column` through `link.map`; returns the name of the temp table mapping file ids to ids
 * here (for uploads, which errors link to).
 */
function mergeRows(
  db: Database,
  table: 'upload_history' | 'processing_errors' | 'configuration_changes',
  link: { column: string; map: string } | null,
): string {
  keyTable(db, table, 'incoming', 'file_keys');
  keyTable(db, table, 'main', 'live_keys');
  const columns = TABLE_COLUMNS[table].filter((c) => c !== 'id');
  const values = columns.map((c) =>
    link && c === link.column ? `(SELECT m.here_id FROM temp.${link.map} m WHERE m.file_id = f.${c})` : `f.${c}`,
  );
  db.exec(`INSERT INTO main.${table} (${columns.join(', ')})
    SELECT ${values.join(', ')} FROM incoming.${table} f
    WHERE f.id IN (SELECT k.id FROM temp.file_keys k WHERE NOT EXISTS (SELECT 1 FROM temp.live_keys l WHERE l.k = k.k))
    ORDER BY f.id`);
  db.exec('DROP TABLE temp.live_keys');
  const map = `map_${table}`;
  if (table === 'upload_history') {
    keyTable(db, table, 'main', 'live_keys');
    db.exec(`CREATE TEMP TABLE ${map} AS SELECT f.id AS file_id, l.id AS here_id FROM temp.file_keys f JOIN temp.live_keys l ON l.k = f.k;
      CREATE INDEX temp.${map}_file ON ${map} (file_id)`);
    db.exec('DROP TABLE temp.live_keys');
  }
  db.exec('DROP TABLE temp.file_keys');
  return map;
}
