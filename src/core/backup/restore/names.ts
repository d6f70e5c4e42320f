import { TABLE_COLUMNS } from '../../db/rows';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { Database } from '../../db/sql-types';
import type { RestoreMode, TableChange } from './changes';
import { PARENT_KEY, SPECS } from './name-keys';

/**
 * What a restore will do, in the names a user knows (docs/design.md: the preview names, per table,
 * what it removes, changes and adds, matched by name — never by id, which two browsers assign
 * independently). Rows are matched by their natural key: brokerage by name; configuration by
 * brokerage + name; upload by brokerage + file + time + session; processing errors and
 * configuration changes by all they hold and the key of their upload or configuration. A key
 * that occurs k times is matched occurrence by occurrence (in id order), so two genuine uploads
 * of one file at one time stay two. Runs as SQL over the live database attached as `live`
 * (main = the file's database), in temp tables that are dropped again.
 */

/** Names shown per kind of change. */
export const NAMES_SHOWN = 10;

/** One row as the preview names it. */
export interface NamedRow {
  name: string;
  /** The brokerage of a configuration or upload. */
  brokerage?: string;
  /** An upload's time (ISO UTC). */
  at?: string;
  /** For a removed brokerage: how many configurations go with it. */
  configurations?: number;
}

export interface NamedKind {
  count: number;
  /** The first NAMES_SHOWN, in name order. */
  names: NamedRow[];
}

export interface TableNames {
  add: NamedKind;
  change: NamedKind;
  remove: NamedKind;
  unchanged: number;
}

/** A configuration both here and in the file, and which copy a merge keeps. */
export interface MergeConflict {
  name: string;
  brokerage: string;
  winner: 'file' | 'here';
  fileUpdatedAt: string;
  hereUpdatedAt: string;
}

export interface RestoreNames {
  tables: Record<DataTable, TableNames>;
  /** Merge only: configurations present on both sides with different content (first NAMES_SHOWN). */
  conflicts: MergeConflict[];
  conflictCount: number;
}

/**
 * Names what replacing `live` by the file (main) and merging the file into it would do.
 *
 * `pairById` (the default; off only to test it against the plain way): rows that are the same on
 * both sides — same id, every column equal, and for errors and changes the same parent key —
 * are set aside first, through the id's index, without building a key. Only the keys of the other
 * rows are "dirty", and only rows with a dirty key (those, and any identical row sharing their
 * key, whose occurrence number could shift) are keyed and compared. A row set aside has a clean
 * key: all of its key's rows, on both sides, are identical pairs, so occurrence by occurrence they
 * match each other, unchanged — the very answer the plain way gives. A snapshot of this browser
 * shares almost every row with the live database, so its preview keys a handful of rows instead
 * of every row twice.
 */
export function nameChanges(fileDb: Database, options: { pairById?: boolean } = {}): Record<RestoreMode, RestoreNames> {
  const replace = {} as Record<DataTable, TableNames>;
  const merge = {} as Record<DataTable, TableNames>;
  for (const table of DATA_TABLES) {
    if (count(fileDb, `SELECT COUNT(*) FROM (SELECT 1 FROM live.${table} LIMIT 1)`) === 0) {
      // Nothing here (a fresh browser, the morning restore): everything is added; no keys needed.
      const added = firstNames(fileDb, table);
      replace[table] = { add: added, remove: none(), change: none(), unchanged: 0 };
      merge[table] = { add: added, remove: none(), change: none(), unchanged: 0 };
      continue;
    }
    try {
      const identical = options.pairById === false ? 0 : setAsideIdenticalRows(fileDb, table);
      const onlyDirty = identical > 0 ? 'dirty_keys' : undefined;
      keyTable(fileDb, table, 'main', 'file_keys', onlyDirty);
      keyTable(fileDb, table, 'live', 'live_keys', onlyDirty);
      const file: Side = { schema: 'main', keys: 'file_keys' };
      const here: Side = { schema: 'live', keys: 'live_keys' };
      const added = missing(fileDb, table, file, here);
      const removed = missing(fileDb, table, here, file);
      const changed = different(fileDb, table, file, here);
      // Identical pairs with a clean key are unchanged; those with a dirty key were keyed with the rest.
      const cleanPairs =
        identical > 0
          ? identical - count(fileDb, 'SELECT COUNT(*) FROM temp.file_keys WHERE id IN (SELECT id FROM temp.same_ids)')
          : 0;
      const both =
        cleanPairs + count(fileDb, 'SELECT COUNT(*) FROM temp.file_keys f JOIN temp.live_keys l ON f.k = l.k');
      const live = count(fileDb, `SELECT COUNT(*) FROM live.${table}`);
      if (table === 'brokerages') decorateRemovedBrokerages(fileDb, removed);
      replace[table] = { add: added, remove: removed, change: changed, unchanged: both - changed.count };
      merge[table] = { add: added, remove: none(), change: none(), unchanged: live };
    } finally {
      fileDb.exec(
        'DROP TABLE IF EXISTS temp.file_keys; DROP TABLE IF EXISTS temp.live_keys; DROP TABLE IF EXISTS temp.same_ids; DROP TABLE IF EXISTS temp.dirty_keys',
      );
    }
  }
  const conflicts = mergeConflicts(fileDb);
  const winners = conflicts.filter((c) => c.winner === 'file');
  const configurationsChanged: NamedKind = {
    count: count(fileDb, CONFLICT_COUNT_SQL),
    names: winners.slice(0, NAMES_SHOWN).map((c) => ({ name: c.name, brokerage: c.brokerage })),
  };
  const liveConfigurations = merge.brokerage_configurations.unchanged;
  merge.brokerage_configurations = {
    ...merge.brokerage_configurations,
    change: configurationsChanged,
    unchanged: liveConfigurations - configurationsChanged.count,
  };
  return {
    replace: { tables: replace, conflicts: [], conflictCount: 0 },
    merge: {
      tables: merge,
      conflicts: conflicts.slice(0, NAMES_SHOWN),
      conflictCount: count(fileDb, CONFLICT_ALL_SQL),
    },
  };
}

/** The per-table counts of a names preview. */
export function countsOf(names: RestoreNames): Record<DataTable, TableChange> {
  const counts = {} as Record<DataTable, TableChange>;
  for (const table of DATA_TABLES) {
    const t = names.tables[table];
    counts[table] = { add: t.add.count, update: t.change.count, remove: t.remove.count, unchanged: t.unchanged };
  }
  return counts;
}

/**
 * temp.<target>(k, the occurrence-qualified natural key; id). Only the key and the id are
 * copied: the compared values (an upload's error log can be kilobytes) and the names are read
 * from the table itself, by id, for the rows a query needs — at 100k uploads that halves the
 * time of a names preview.
 */
export function keyTable(db: Database, table: DataTable, schema: string, target: string, onlyKeysIn?: string): void {
  const key = `json_array(${SPECS[table](schema).key.join(', ')})`;
  const rows = `SELECT ${key} AS key, t.id AS id FROM ${schema}.${table} t`;
  db.exec(`
    CREATE TEMP TABLE ${target} AS
    SELECT json_array(key, ROW_NUMBER() OVER (PARTITION BY key ORDER BY id)) AS k, id FROM (
      ${onlyKeysIn ? `SELECT key, id FROM (${rows}) WHERE key IN (SELECT key FROM temp.${onlyKeysIn})` : rows}
    );
    CREATE INDEX temp.${target}_k ON ${target} (k);
  `);
}

/**
 * temp.same_ids(id): rows identical on both sides (same id, every column, the same parent key);
 * temp.dirty_keys(key): the natural keys of every other row, on either side. Returns how many
 * rows are identical.
 */
function setAsideIdenticalRows(db: Database, table: DataTable): number {
  const equal = (TABLE_COLUMNS[table] as readonly string[]).filter((c) => c !== 'id').map((c) => `a.${c} IS b.${c}`);
  const parent = PARENT_KEY[table];
  if (parent) equal.push(`${parent('main', 'a')} IS ${parent('live', 'b')}`);
  db.exec(
    `CREATE TEMP TABLE same_ids AS SELECT a.id AS id FROM main.${table} a JOIN live.${table} b ON b.id = a.id WHERE ${equal.join(' AND ')}`,
  );
  const identical = count(db, 'SELECT COUNT(*) FROM temp.same_ids');
  if (identical === 0) return 0;
  const keysOfOthers = (schema: string) =>
    `SELECT json_array(${SPECS[table](schema).key.join(', ')}) AS key FROM ${schema}.${table} t WHERE t.id NOT IN (SELECT id FROM temp.same_ids)`;
  db.exec(
    `CREATE TEMP TABLE dirty_keys AS ${keysOfOthers('main')} UNION ${keysOfOthers('live')}; CREATE INDEX temp.dirty_keys_key ON dirty_keys (key);`,
  );
  return identical;
}

/** A database attached to the names query, and its key table. */
interface Side {
  schema: string;
  keys: string;
}

/** Rows of `from` whose key is not in `other`. */
function missing(db: Database, table: DataTable, from: Side, other: Side): NamedKind {
  return namedRows(
    db,
    table,
    from,
    `FROM temp.${from.keys} f WHERE NOT EXISTS (SELECT 1 FROM temp.${other.keys} o WHERE o.k = f.k)`,
  );
}

/** Rows of `from` whose key is in `other` with another value in a compared column. */
function different(db: Database, table: DataTable, from: Side, other: Side): NamedKind {
  const { compared } = SPECS[table](from.schema);
  if (compared.length === 0) return none();
  const differs = compared.map((column) => `a.${column} IS NOT b.${column}`).join(' OR ');
  return namedRows(
    db,
    table,
    from,
    `FROM temp.${from.keys} f JOIN temp.${other.keys} o ON o.k = f.k
    JOIN ${from.schema}.${table} a ON a.id = f.id JOIN ${other.schema}.${table} b ON b.id = o.id WHERE ${differs}`,
  );
}

/** How many rows a `FROM … WHERE …` over key rows f finds, and the first names (read by id from `from`'s table). */
function namedRows(db: Database, table: DataTable, from: Side, fromWhere: string): NamedKind {
  const total = count(db, `SELECT COUNT(*) ${fromWhere}`);
  if (total === 0) return none();
  const spec = SPECS[table](from.schema);
  const rows =
    db.exec(`SELECT ${spec.name} AS name, ${spec.brokerage ?? 'NULL'} AS brokerage, ${spec.at ?? 'NULL'} AS at
    FROM ${from.schema}.${table} t WHERE t.id IN (SELECT f.id ${fromWhere}) ORDER BY 1, 2, 3 LIMIT ${NAMES_SHOWN}`)[0]
      ?.values ?? [];
  return {
    count: total,
    names: rows.map(([name, brokerage, at]) => withOptional({ name: String(name) }, brokerage, at)),
  };
}

/** Every row of the file's table, as added: the count and the first names. */
function firstNames(db: Database, table: DataTable): NamedKind {
  const total = count(db, `SELECT COUNT(*) FROM main.${table}`);
  if (total === 0) return none();
  const spec = SPECS[table]('main');
  const rows =
    db.exec(
      `SELECT ${spec.name} AS name, ${spec.brokerage ?? 'NULL'}, ${spec.at ?? 'NULL'} FROM main.${table} t ORDER BY 1, 2, 3 LIMIT ${NAMES_SHOWN}`,
    )[0]?.values ?? [];
  return {
    count: total,
    names: rows.map(([name, brokerage, at]) => withOptional({ name: String(name) }, brokerage, at)),
  };
}

/** A removed brokerage takes its configurations with it: say how many. */
function decorateRemovedBrokerages(db: Database, removed: NamedKind): void {
  for (const row of removed.names) {
    row.configurations = count(db, 'SELECT COUNT(*) FROM live.brokerage_configurations WHERE brokerage_name = ?', [
      row.name,
    ]);
  }
}

const CONFLICT_JOIN = `
  FROM main.brokerage_configurations f JOIN live.brokerage_configurations h
    ON h.brokerage_name = f.brokerage_name AND h.configuration_name = f.configuration_name`;
const DIFFERENT = `json_array(f.field_mappings, f.api_credentials, f.auth_type, f.bearer_token, f.file_headers, f.description, f.is_active, f.needs_credentials, f.version, f.updated_at)
  IS NOT json_array(h.field_mappings, h.api_credentials, h.auth_type, h.bearer_token, h.file_headers, h.description, h.is_active, h.needs_credentials, h.version, h.updated_at)`;
/** The merge's rule: the later `updated_at` wins, a tie keeps this browser's copy. */
export const FILE_WINS_SQL = 'julianday(f.updated_at) > julianday(h.updated_at)';
const CONFLICT_ALL_SQL = `SELECT COUNT(*) ${CONFLICT_JOIN} WHERE ${DIFFERENT}`;
const CONFLICT_COUNT_SQL = `SELECT COUNT(*) ${CONFLICT_JOIN} WHERE ${DIFFERENT} AND ${FILE_WINS_SQL}`;

function mergeConflicts(db: Database): MergeConflict[] {
  const rows =
    db.exec(`SELECT f.configuration_name, f.brokerage_name, ${FILE_WINS_SQL}, f.updated_at, h.updated_at ${CONFLICT_JOIN} WHERE ${DIFFERENT}
    ORDER BY ${FILE_WINS_SQL} DESC, f.configuration_name, f.brokerage_name LIMIT ${NAMES_SHOWN}`)[0]?.values ?? [];
  return rows.map(([name, brokerage, fileWins, fileAt, hereAt]) => ({
    name: String(name),
    brokerage: String(brokerage),
    winner: fileWins ? 'file' : 'here',
    fileUpdatedAt: String(fileAt),
    hereUpdatedAt: String(hereAt),
  }));
}

function withOptional(row: NamedRow, brokerage: unknown, at: unknown): NamedRow {
  if (typeof brokerage === 'string') row.brokerage = brokerage;
  if (typeof at === 'string') row.at = at;
  return row;
}

function count(db: Database, sql: string, params: (string | number)[] = []): number {
  return Number(db.exec(sql, params)[0]?.values[0]?.[0] ?? 0);
}

function none(): NamedKind {
  return { count: 0, names: [] };
}
