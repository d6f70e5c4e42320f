import type { DataTable } from '../db/schema';
import type { SqlValue } from '../db/sql-types';
import type { AppendTable, EditableTable } from './sync-tables';

/**
 * What browsers of a team exchange: changes, each stamped with its author's hybrid logical clock
 * `h` ([wall ms, counter]; the author is the device whose log holds it) and the restore epoch `e`
 * its author was in (the id of the team restore the data descends from).
 */

/** [wall ms, counter]. */
export type ClockPair = [number, number];

/** A write a later write had seen: [row id, clock text]. */
export type BaseRef = [number, string];

interface ChangeBase {
  e: string;
  h: ClockPair;
}

/**
 * Field writes to one editable row. `b` lists, per field written, the writes of that field its
 * author had seen (what it overwrote knowingly); a delete is `~exists: 0` and lists every field's.
 */
export interface SetChange extends ChangeBase {
  k: 'set';
  t: EditableTable;
  id: number;
  f: Record<string, SqlValue>;
  b: Record<string, BaseRef[]>;
}

/**
 * A history-like row: all its columns but the id (`v`, in TABLE_COLUMNS order), and which of them
 * this change changed (`c`; null when the row is shared for the first time).
 */
export interface RowChange extends ChangeBase {
  k: 'row';
  t: AppendTable;
  id: number;
  v: SqlValue[];
  c: string[] | null;
}

/** A history-like row deleted (final). */
export interface DropChange extends ChangeBase {
  k: 'drop';
  t: AppendTable;
  id: number;
}

/** A team restore: the team database replaced by a snapshot object's data. `e` is the epoch it replaced. */
export interface RestoreChange extends ChangeBase {
  k: 'restore';
  r: RestoreRecord;
}

export type RestoreSource = 'team-created' | 'file' | 'snapshot' | 'undo';

export interface RestoreRecord {
  /** The new epoch's id (32 hex). */
  id: string;
  source: RestoreSource;
  /** The backup file's name, when a file was restored. */
  fileName: string | null;
  /** The restore this one undoes. */
  undoOf: string | null;
  /** The snapshot object holding the restored data (in its author's folder). */
  snapshot: { device: string; objectId: string };
  checksum: string;
  counts: Record<DataTable, number>;
  /** How far its author had read each device's log: changes after these were made without seeing it. */
  seen: Record<string, number>;
  person: string;
  browser: string;
}

export type Change = SetChange | RowChange | DropChange | RestoreChange;

/** One log object's content. */
export interface LogBody {
  format: typeof LOG_FORMAT;
  version: 1;
  team: string;
  device: string;
  sequence: number;
  person: string;
  browser: string;
  changes: Change[];
}

export const LOG_FORMAT = 'ff2api-team-log';

/** A change with its author, as applied. */
export interface AuthoredChange {
  change: Change;
  device: string;
  person: string;
}
