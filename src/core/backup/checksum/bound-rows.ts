import { TABLE_COLUMNS } from '../../db/rows';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { Database, SqlValue } from '../../db/sql-types';
import { isStorableText } from '../format/text-rule';
import { canonicalRowText, jsonColumnParser, type JsonColumnParse } from './database-rows';
import { DigestUnavailableError, type DigestOffload } from './digest-offload';
import { CanonicalHasher } from './streaming-hash';

/**
 * The content checksum of rows as they are bound into a database's inserts, hashed while they
 * stream in — so a restore need not read every row back out of SQLite to certify what it stored
 * (that read-back was ≈ 30 % of a restore). It certifies the rows *as stored* because every
 * value is checked, as it is hashed, to be one that SQLite stores and gives back unchanged:
 *
 * - the tables are plain ones whose declared column types are TEXT, INTEGER or REAL (read from
 *   the database itself), with no triggers, and rows are only inserted (a failed insert makes
 *   the caller refuse the file, and the row counts stored must equal the rows hashed);
 * - a TEXT column gets text or null, and text that passes the storable-text rule (format/
 *   text-rule: no unpaired surrogate, no leading U+FEFF) is stored as UTF-8 and decoded back to
 *   the same string (a row whose canonical text is plain ASCII proves it for all its texts);
 * - an INTEGER column gets null or a safe integer, stored as that integer; a REAL column gets
 *   null or a finite number, stored as that double (integers become REAL; −0 binds as 0, and
 *   JSON.stringify writes both as 0);
 * - the canonical text is built from those values by the very function the read-back uses
 *   (canonicalRowText), in id order — so rows must arrive in DATA_TABLES order and, within a
 *   table, in increasing id order, as our writer writes them.
 *
 * When any premise fails — a file with its sections or rows in another order, a value of another
 * kind — the hasher gives up (finish() returns null) and the caller reads the database back
 * instead: the certificate is then computed from SQLite, as before, never weaker.
 * `tests/unit/backup-certificate.test.ts` checks, over generated and mutated files, that both give
 * the same checksum whenever this one gives any.
 */

type ColumnKind = 'text' | 'integer' | 'real';

const POSITION = new Map<DataTable, number>(DATA_TABLES.map((table, i) => [table, i]));

/** Hashes the rows bound into a scratch database's inserts; gives up when it cannot prove them stored. */
export class BoundRowsHasher {
  private section = -1;
  private lastId = 0;
  private readonly rows = new Map<DataTable, number>();
  private readonly parse: JsonColumnParse = jsonColumnParser();
  /** Why the checksum cannot be given from the bound rows (then null is returned); null while it can. */
  private gaveUpBecause: string | null;

  private constructor(
    private readonly hasher: CanonicalHasher,
    private readonly kinds: ReadonlyMap<DataTable, readonly ColumnKind[]>,
    premise: string | null,
  ) {
    this.gaveUpBecause = premise;
  }

  /**
   * A hasher for rows inserted into `db`, whose schema it checks first; `expectedBytes`: about
   * how long their text is; `offload`: where the digest is worked out (null: in this thread).
   */
  static start(db: Database, expectedBytes = 0, offload: DigestOffload | null = null): BoundRowsHasher {
    const { kinds, problem } = columnKinds(db);
    if (problem !== null) offload?.cancel();
    return new BoundRowsHasher(
      CanonicalHasher.start(undefined, expectedBytes, problem === null ? offload : null),
      kinds,
      problem,
    );
  }

  /** Why the bound rows cannot give the checksum, or null when they can (so far). */
  get reasonToReadBack(): string | null {
    return this.gaveUpBecause;
  }

  /**
   * One row as bound: its values in TABLE_COLUMNS order; call it only once the insert succeeded.
   * `line`: the row's text in the file and the UTF-8 it was decoded from — when that text is the
   * canonical text, its bytes are hashed as they are (no second encoding).
   */
  add(table: DataTable, values: readonly SqlValue[], line?: { text: string; bytes: Uint8Array }): void {
    if (this.gaveUpBecause !== null) return;
    const position = POSITION.get(table) as number;
    if (position < this.section) return this.giveUp(`the ${table} section comes after a later one`);
    while (this.section < position) {
      this.section++;
      this.hasher.startSection(DATA_TABLES[this.section] as DataTable);
      this.lastId = 0;
    }
    const id = values[0];
    if (typeof id !== 'number' || !(id > this.lastId))
      return this.giveUp(`${table} rows are not in increasing id order`);
    this.lastId = id;
    let text: string;
    try {
      text = canonicalRowText(table, values as SqlValue[], this.parse);
    } catch (error) {
      return this.giveUp(`a JSON column could not be read: ${String(error)}`);
    }
    const isLine = line !== undefined && line.text === text;
    // A canonical text that is ASCII (as many bytes as characters) with no \u escape holds only
    // ASCII texts — JSON.stringify writes any other character as itself, and an unpaired
    // surrogate or control character as an escape — and so does each JSON column's stored text,
    // whose value it holds: such texts are storable, and only the kinds of values are checked.
    const isPlainAscii = isLine && line.bytes.byteLength === text.length && text.indexOf('\\u') < 0;
    const kinds = this.kinds.get(table) as readonly ColumnKind[];
    for (let i = 0; i < kinds.length; i++) {
      if (!isStoredAsBound(kinds[i] as ColumnKind, values[i], isPlainAscii))
        return this.giveUp(`${table}.${TABLE_COLUMNS[table][i]} holds a value SQLite might store differently`);
    }
    if (isLine) this.hasher.addRowBytes(line.bytes);
    else this.hasher.addRow(text);
    this.rows.set(table, (this.rows.get(table) ?? 0) + 1);
  }

  /** The checksum of the rows bound, or null (read the database back); `stored`: the rows the database holds. */
  async finish(stored: Record<DataTable, number>): Promise<string | null> {
    for (const table of DATA_TABLES) {
      if ((this.rows.get(table) ?? 0) !== stored[table])
        this.giveUp(`${table} holds ${stored[table]} rows, ${this.rows.get(table) ?? 0} were hashed`);
    }
    if (this.gaveUpBecause !== null) return null;
    while (this.section < DATA_TABLES.length - 1) this.hasher.startSection(DATA_TABLES[++this.section] as DataTable);
    try {
      return await this.hasher.finish();
    } catch (error) {
      // The helper that worked out the digest failed: the database is read back instead.
      if (error instanceof DigestUnavailableError) return null;
      throw error;
    }
  }

  /** Drops the work when the rows will not be finished (a refused file). */
  cancel(): void {
    this.hasher.cancel();
  }

  private giveUp(reason: string): void {
    if (this.gaveUpBecause === null) this.hasher.cancel();
    this.gaveUpBecause ??= reason;
  }
}

/**
 * True when SQLite stores `value` in a column of this kind and gives the same value back; `isAscii`: texts are known to
 * be ASCII.
 */
function isStoredAsBound(kind: ColumnKind, value: SqlValue | undefined, isAscii: boolean): boolean {
  if (value === null) return true;
  if (kind === 'text') return typeof value === 'string' && (isAscii || isStorableText(value));
  if (kind === 'integer') return Number.isSafeInteger(value);
  return typeof value === 'number' && Number.isFinite(value);
}

/** The kind of every data column, from the database's own schema; a problem when one cannot be proven. */
function columnKinds(db: Database): { kinds: Map<DataTable, ColumnKind[]>; problem: string | null } {
  const kinds = new Map<DataTable, ColumnKind[]>();
  const triggers = Number(db.exec("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'")[0]?.values[0]?.[0] ?? 0);
  let problem: string | null = triggers > 0 ? 'the database has triggers' : null;
  for (const table of DATA_TABLES) {
    const declared = new Map(
      (db.exec(`PRAGMA table_info(${table})`)[0]?.values ?? []).map((row) => [
        String(row[1]),
        String(row[2]).toUpperCase(),
      ]),
    );
    const list: ColumnKind[] = [];
    for (const column of TABLE_COLUMNS[table]) {
      const type = declared.get(column);
      if (type === 'TEXT') list.push('text');
      else if (type === 'INTEGER') list.push('integer');
      else if (type === 'REAL') list.push('real');
      else {
        problem ??= `${table}.${column} is declared ${type ?? 'nowhere'}`;
        list.push('text');
      }
    }
    kinds.set(table, list);
  }
  return { kinds, problem };
}
