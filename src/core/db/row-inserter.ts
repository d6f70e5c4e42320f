import type { Database, SqlJsStatic, SqlValue, Statement } from './sql-types';

/**
 * One prepared INSERT run row after row, for the loads that insert 100k+ rows (a restore). sql.js's
 * `Statement.run` binds each text value by encoding it in a JavaScript loop into memory it
 * mallocs and frees per value, ≈ a third of a restore's insert time. Here a row's texts are
 * encoded by the platform's `TextEncoder.encodeInto` into one buffer, copied into SQLite's memory
 * with one `writeArrayToMemory`, and bound from there (SQLITE_STATIC: SQLite reads them only
 * until the statement is reset, which happens before the buffer is reused).
 *
 * The values SQLite receives are exactly the ones `Statement.run` would give it: text as its UTF-8
 * bytes with their length, numbers the way sql.js binds them (32-bit integers as int, any other
 * number as double), null as an unbound parameter. `tests/unit/row-inserter.test.ts` compares
 * the stored rows of both. A failed step is run again through `Statement.run`, which throws
 * sql.js's own error (the constraint that failed) — a failing insert fails the same way twice,
 * and only its statement is undone. When the sql.js build lacks the low-level exports used here
 * (they are not its documented API), every row goes through `Statement.run`.
 */

/** The low-level exports of sql.js's module used here (present in sql.js 1.x builds). */
interface LowLevel {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  writeArrayToMemory(bytes: Uint8Array, pointer: number): void;
  UTF8ToString(pointer: number): string;
  _sqlite3_sql(statement: number): number;
  _sqlite3_bind_text(statement: number, position: number, text: number, bytes: number, destructor: number): number;
  _sqlite3_bind_int(statement: number, position: number, value: number): number;
  _sqlite3_bind_double(statement: number, position: number, value: number): number;
  _sqlite3_step(statement: number): number;
  _sqlite3_reset(statement: number): number;
  _sqlite3_clear_bindings(statement: number): number;
}

const LOW_LEVEL_NAMES = [
  '_malloc',
  '_free',
  'writeArrayToMemory',
  'UTF8ToString',
  '_sqlite3_sql',
  '_sqlite3_bind_text',
  '_sqlite3_bind_int',
  '_sqlite3_bind_double',
  '_sqlite3_step',
  '_sqlite3_reset',
  '_sqlite3_clear_bindings',
] as const;

const SQLITE_OK = 0;
const SQLITE_DONE = 101;
const SQLITE_STATIC = 0;
const encoder = new TextEncoder();

/** Runs one INSERT (or any statement without results) for row after row of values. */
export class RowInserter {
  private scratch = new Uint8Array(1 << 16);
  private memory = 0;
  private memoryBytes = 0;
  /** Byte offset and length of each text value of the row being bound (by position). */
  private readonly textAt: number[] = [];

  private constructor(
    private readonly statement: Statement,
    private readonly low: LowLevel | null,
    private readonly pointer: number,
  ) {}

  /** Prepares `sql` on `db`; binds directly when this sql.js build allows it. */
  static prepare(SQL: SqlJsStatic, db: Database, sql: string): RowInserter {
    const statement = db.prepare(sql);
    const low = lowLevelOf(SQL);
    const pointer = low ? statementPointer(low, statement, sql) : null;
    return pointer === null ? new RowInserter(statement, null, 0) : new RowInserter(statement, low, pointer);
  }

  /** True when rows are bound directly (false: through Statement.run). */
  get isDirect(): boolean {
    return this.low !== null;
  }

  /** Inserts one row; throws sql.js's error when SQLite refuses it. */
  run(values: readonly SqlValue[]): void {
    const low = this.low;
    if (low === null || !this.bind(low, values)) {
      this.statement.run(values as SqlValue[]);
      return;
    }
    const stepped = low._sqlite3_step(this.pointer);
    low._sqlite3_reset(this.pointer);
    low._sqlite3_clear_bindings(this.pointer);
    if (stepped !== SQLITE_DONE) this.statement.run(values as SqlValue[]);
  }

  free(): void {
    this.statement.free();
    if (this.low && this.memory !== 0) this.low._free(this.memory);
    this.memory = 0;
  }

  /** Binds a row's values; false (nothing bound) for a value only Statement.run binds (a blob). */
  private bind(low: LowLevel, values: readonly SqlValue[]): boolean {
    // The row's texts joined and encoded with one encodeInto (a call into the platform costs more
    // than encoding a short text); when every byte is ASCII, each text's bytes are where its
    // characters are. Otherwise each text is encoded on its own.
    let joined = '';
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === 'string') joined += value;
      else if (value !== null && typeof value !== 'number') return false;
    }
    if (joined.length * 3 > this.scratch.length) this.growScratch(joined.length * 3);
    let bytes = encoder.encodeInto(joined, this.scratch).written;
    const textAt = this.textAt;
    if (bytes === joined.length) {
      let at = 0;
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (typeof value !== 'string') continue;
        textAt[2 * i] = at;
        textAt[2 * i + 1] = value.length;
        at += value.length;
      }
    } else {
      bytes = 0;
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (typeof value !== 'string') continue;
        const written = encoder.encodeInto(value, this.scratch.subarray(bytes)).written;
        textAt[2 * i] = bytes;
        textAt[2 * i + 1] = written;
        bytes += written;
      }
    }
    // Allocated even for a row of empty texts: a null pointer would bind NULL instead of ''.
    if (bytes > this.memoryBytes || this.memory === 0) this.growMemory(low, bytes);
    if (bytes > 0) low.writeArrayToMemory(this.scratch.subarray(0, bytes), this.memory);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      let rc = SQLITE_OK;
      if (typeof value === 'string')
        rc = low._sqlite3_bind_text(
          this.pointer,
          i + 1,
          this.memory + (textAt[2 * i] as number),
          textAt[2 * i + 1] as number,
          SQLITE_STATIC,
        );
      else if (typeof value === 'number')
        rc =
          value === (value | 0)
            ? low._sqlite3_bind_int(this.pointer, i + 1, value)
            : low._sqlite3_bind_double(this.pointer, i + 1, value);
      if (rc !== SQLITE_OK) {
        low._sqlite3_clear_bindings(this.pointer);
        return false;
      }
    }
    return true;
  }

  private growScratch(bytes: number): void {
    const next = new Uint8Array(Math.max(bytes, this.scratch.length * 2));
    next.set(this.scratch);
    this.scratch = next;
  }

  private growMemory(low: LowLevel, bytes: number): void {
    if (this.memory !== 0) low._free(this.memory);
    const size = Math.max(bytes, this.memoryBytes * 2, 1 << 16);
    this.memory = low._malloc(size);
    if (this.memory === 0) throw new Error('out of memory: could not allocate the row buffer');
    this.memoryBytes = size;
  }
}

function lowLevelOf(SQL: SqlJsStatic): LowLevel | null {
  const module = SQL as unknown as Record<string, unknown>;
  return LOW_LEVEL_NAMES.every((name) => typeof module[name] === 'function') ? (SQL as unknown as LowLevel) : null;
}

/**
 * The SQLite statement handle behind a sql.js Statement. sql.js keeps it in a field whose name its
 * minifier chooses, so it is found by value: the number field under which the database registers
 * this statement, and which SQLite itself confirms to be a statement with this very SQL text.
 */
function statementPointer(low: LowLevel, statement: Statement, sql: string): number | null {
  const fields = statement as unknown as Record<string, unknown>;
  // The database's registry of its statements (handle → Statement) vouches for a candidate first.
  const registries = Object.values((fields.db ?? {}) as Record<string, unknown>).filter(
    (v): v is Record<number, unknown> => typeof v === 'object' && v !== null,
  );
  for (const value of Object.values(fields)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 4096) continue;
    if (!registries.some((registry) => registry[value] === statement)) continue;
    if (low.UTF8ToString(low._sqlite3_sql(value)) === sql) return value;
  }
  return null;
}
