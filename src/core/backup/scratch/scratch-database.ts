import { TABLE_COLUMNS, type DataTables } from '../../db/rows';
import { openDatabase } from '../../db/open';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import { RowInserter } from '../../db/row-inserter';
import { ROW_VALUES } from '../../db/row-values';
import type { Database, SqlJsStatic, SqlValue, Statement } from '../../db/sql-types';
import { BoundRowsHasher } from '../checksum/bound-rows';
import type { DigestOffload } from '../checksum/digest-offload';
import type { FileActivityEntry, RowSink, SourceLine } from '../read/parsed';
import { ProblemLog } from '../read/problems';
import { MAX_PROBLEMS_SHOWN } from '../format/limits';

/**
 * A database of its own that a backup's rows stream into, apart from the live one: the file is
 * checked by the same database engine that will hold it, so a repeated id or name, or a row
 * pointing at nothing, becomes a located problem instead of a failure after the preview. The
 * load runs in one transaction with the secondary indexes built afterwards (docs/performance.md: ≈ 20 %
 * faster) and foreign keys checked at the end (sections may come in any order). It becomes the
 * restored database itself for a replace, so its rows are never copied again. Every row inserted is
 * also hashed as bound (checksum/bound-rows), which certifies the rows as stored without reading
 * them back whenever its premises hold.
 */
export class ScratchDatabase implements RowSink {
  readonly problems = new ProblemLog();
  private readonly statements = new Map<DataTable, RowInserter>();
  private readonly values = new Map<DataTable, SqlValue[]>();
  private activity: Statement | null = null;
  private indexes: [string, string][] = [];
  private isOpen = true;
  /** The page cache setting the database had before the load's, put back when the load ends. */
  private cacheSize = 0;
  /** The content checksum of the rows inserted, as bound (null from finish() when it cannot be proven). */
  readonly certificate: BoundRowsHasher;

  private constructor(
    private readonly SQL: SqlJsStatic,
    readonly db: Database,
    expectedBytes: number,
    offload: DigestOffload | null,
  ) {
    // The rows' canonical text is the file's text less its layout: about as long.
    this.certificate = BoundRowsHasher.start(db, expectedBytes, offload);
  }

  /**
   * A fresh, migrated database with a load transaction open; `expectedBytes`: about how large
   * the database will grow (the file's JSON text is a little larger than the rows it holds).
   */
  static open(SQL: SqlJsStatic, expectedBytes = 0, offload: DigestOffload | null = null): ScratchDatabase {
    const db = openPresized(SQL, expectedBytes * DATABASE_BYTES_PER_TEXT_BYTE);
    db.exec('PRAGMA foreign_keys = OFF');
    // No rollback journal while loading: a refused file's database is closed, never rolled back,
    // and a refused row is refused by constraint checks that run before it is written. Without
    // this, every page written into the reserved room would first be copied to the journal.
    db.exec('PRAGMA journal_mode = OFF');
    const scratch = new ScratchDatabase(SQL, db, expectedBytes, offload);
    scratch.cacheSize = Number(db.exec('PRAGMA cache_size')[0]?.values[0]?.[0]);
    db.exec(`PRAGMA cache_size = ${LOAD_CACHE_SIZE}`);
    db.exec('BEGIN');
    const found =
      db.exec("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")[0]?.values ?? [];
    scratch.indexes = found.map(([name, sql]) => [String(name), String(sql)]);
    for (const [name] of scratch.indexes) db.exec(`DROP INDEX "${name}"`);
    return scratch;
  }

  add<T extends DataTable>(table: T, row: DataTables[T][number], index: number, line?: SourceLine): void {
    const stmt = this.statement(table);
    const values = this.values.get(table) as SqlValue[];
    ROW_VALUES[table](row, values);
    const record = row as unknown as Record<string, SqlValue>;
    try {
      stmt.run(values);
      this.certificate.add(table, values, line);
    } catch (error) {
      const [field, message] = describeRefusal(table, record, error);
      this.problems.add(table, index, field, message);
    }
  }

  addTables(tables: DataTables): void {
    for (const table of DATA_TABLES) tables[table].forEach((row, index) => this.add(table, row, index));
  }

  addActivity(entry: FileActivityEntry): void {
    this.activity ??= this.db.prepare('INSERT INTO activity_log (at, kind, summary, details) VALUES (?, ?, ?, ?)');
    this.activity.run([entry.at, entry.kind, entry.summary, entry.details]);
  }

  /** Ends the load: indexes built, committed, foreign keys on and checked (problems located). */
  finish(): void {
    this.freeStatements();
    for (const [, sql] of this.indexes) this.db.exec(sql);
    this.db.exec('COMMIT');
    // The database may become the live one: from here on, transactions roll back as usual.
    this.db.exec('PRAGMA journal_mode = DELETE');
    this.db.exec(`PRAGMA cache_size = ${this.cacheSize}`);
    this.db.exec('PRAGMA foreign_keys = ON');
    const dangling = (this.db.exec('PRAGMA foreign_key_check')[0]?.values ?? [])
      .map(([table, rowid]) => ({ table: String(table), rowid: Number(rowid) }))
      .sort(
        (a, b) =>
          DATA_TABLES.indexOf(a.table as DataTable) - DATA_TABLES.indexOf(b.table as DataTable) || a.rowid - b.rowid,
      );
    dangling.forEach(({ table, rowid }, i) => {
      // The row's place in id order is its place in a file we wrote; worked out for the rows shown.
      const row =
        i < MAX_PROBLEMS_SHOWN
          ? Number(this.db.exec(`SELECT COUNT(*) FROM ${table} WHERE id < ?`, [rowid])[0]?.values[0]?.[0] ?? 0)
          : undefined;
      this.problems.add(table, row, ...describeDanglingLink(this.db, table, rowid));
    });
  }

  /** Closes the database (after a refusal, or when it is no longer needed). */
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.certificate.cancel();
    this.freeStatements();
    this.db.close();
  }

  private statement(table: DataTable): RowInserter {
    let stmt = this.statements.get(table);
    if (!stmt) {
      const columns = TABLE_COLUMNS[table];
      stmt = RowInserter.prepare(
        this.SQL,
        this.db,
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      this.statements.set(table, stmt);
      this.values.set(table, new Array<SqlValue>(columns.length));
    }
    return stmt;
  }

  private freeStatements(): void {
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
    this.activity?.free();
    this.activity = null;
  }
}

/**
 * SQLite's page cache while loading, in KiB (negative: a size, not pages); the default is 2 MiB.
 * It also bounds how much of an index build's sort stays in memory: with the default, building
 * the indexes of 100k rows writes and reads back sorted runs through sql.js's file system.
 */
const LOAD_CACHE_SIZE = -65536;

/**
 * A database takes ≈ 0.82 bytes per byte of its backup's JSON text (bench: 39.9 MB for 48.5 MB); a little room to
 * spare.
 */
const DATABASE_BYTES_PER_TEXT_BYTE = 0.9;

/** Up to this much of the database's file is reserved up front (beyond it, the file grows as usual). */
const MAX_RESERVED_BYTES = 256 * 1024 * 1024;

/**
 * A migrated database whose file already has room for `expectedBytes`. sql.js keeps the file in
 * an in-memory file system that grows it by 12.5 % at a time, copying the whole file each time:
 * ≈ 9 copies of the final size, close to half of a 100k-row load. Here the file starts as the
 * empty database's pages followed by zeros: SQLite takes the page count from the header (the
 * pages past it are free space the file happens to have), writes new pages into that room, and
 * every export or backup copies only the pages the header counts. The room costs one allocation
 * of that size (the part never used is freed with the database), against ≈ 9 of the final size.
 */
function openPresized(SQL: SqlJsStatic, expectedBytes: number): Database {
  const empty = openDatabase(SQL);
  const reserve = Math.min(MAX_RESERVED_BYTES, Math.max(0, Math.floor(expectedBytes)));
  const image = empty.export();
  if (reserve <= image.byteLength) return empty;
  empty.close();
  const file = new Uint8Array(reserve);
  file.set(image);
  return openDatabase(SQL, file);
}

/** What a refused insert means for the user: [field, message]. */
function describeRefusal(
  table: DataTable,
  row: Record<string, SqlValue>,
  error: unknown,
): [string | undefined, string] {
  const text = error instanceof Error ? error.message : String(error);
  if (/UNIQUE constraint failed: \w+\.id$/.test(text)) return ['id', `repeats id ${String(row.id)} of an earlier row`];
  if (table === 'brokerages' && text.includes('brokerages.name'))
    return ['name', `repeats the brokerage "${String(row.name)}" of an earlier row`];
  if (table === 'brokerage_configurations' && text.includes('configuration_name')) {
    return [
      'configuration_name',
      `repeats the configuration "${String(row.configuration_name)}" of brokerage "${String(row.brokerage_name)}"; a brokerage can have only one configuration of each name`,
    ];
  }
  return [undefined, `could not be stored (${text.slice(0, 120)})`];
}

/** A row whose link points at no row of the file: [field, message]. */
function describeDanglingLink(db: Database, table: string, rowid: number): [string | undefined, string] {
  const value = (column: string) =>
    db.exec(`SELECT ${column} FROM ${table} WHERE rowid = ?`, [rowid])[0]?.values[0]?.[0];
  if (table === 'brokerage_configurations')
    return ['brokerage_name', `names the brokerage "${String(value('brokerage_name'))}", which is not in the file`];
  if (table === 'processing_errors')
    return ['upload_history_id', `refers to upload ${String(value('upload_history_id'))}, which is not in the file`];
  if (table === 'configuration_changes')
    return [
      'configuration_id',
      `refers to configuration ${String(value('configuration_id'))}, which is not in the file`,
    ];
  return [undefined, `(id ${rowid}) refers to a row that is not in the file`];
}
