import type { StartDigestOffload } from '../checksum/digest-offload';
import type { DataTables } from '../../db/rows';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { SecretsMode } from '../format/format';
import type { RestoreWarning } from './problems';
import type { BackupShape } from '../format/format';

/** The result types of reading a backup file, shared by the readers of each shape. */

/**
 * A row's text as read from the file, and the bytes it was decoded from: exactly its UTF-8, no byte-order mark (valid
 * during the call).
 */
export interface SourceLine {
  text: string;
  bytes: Uint8Array;
}

/** What a reader found about a file besides its rows (which went to a RowSink). */
export interface FileFacts {
  shape: BackupShape;
  /** E.g. "FF2API Web backup 2.1", "FF2API v1.0 sidebar backup (era C)", "FF2API data export". */
  shapeLabel: string;
  /** When the file was made, ISO UTC; null when it does not say. */
  createdAt: string | null;
  secrets: SecretsMode;
  /** One per kind of repair made, with how many rows it touched. */
  warnings: RestoreWarning[];
  /** What the file states about itself (our files): the checksum and counts to certify against. */
  stated: { checksum: string; counts: Record<DataTable, number> } | null;
}

/** An encrypted file read without its passphrase: only the clear header. */
export interface LockedBackup {
  shape: 'ff2api-web-2';
  shapeLabel: string;
  createdAt: string | null;
  /** The counts the clear header states (checked once the passphrase opens the data). */
  counts: Record<DataTable, number>;
  secrets: 'encrypted';
}

/** One entry of a file's activity log (this app's audit trail of the browser that wrote it). */
export interface FileActivityEntry {
  at: string;
  kind: string;
  summary: string;
  details: string | null;
}

/**
 * Where a reader puts what it read: every checked row of a data table, and the file's activity
 * entries. The scratch database (scratch/) is the one implementation; it turns what only a
 * database can see — a repeated id or name — into located problems.
 */
export interface RowSink {
  /** A checked row; `line`: its text and UTF-8 bytes as the file holds them, when it had a line of its own. */
  add<T extends DataTable>(table: T, row: DataTables[T][number], index: number, line?: SourceLine): void;
  addTables(tables: DataTables): void;
  addActivity(entry: FileActivityEntry): void;
}

export interface ReadOptions {
  /** For encrypted files; without it an encrypted file reads as `locked`. */
  passphrase?: string;
  /** ISO UTC "now", used only when an original file does not say when it was made. */
  now?: string;
  onProgress?: (fraction: number) => void;
  /** Where the checksum of the rows is worked out when not in this thread (a helper worker). */
  digestOffload?: StartDigestOffload;
}

/** What each shape's reader gets besides the parsed JSON. */
export interface ReadContext {
  passphrase: string | undefined;
  now: string;
  /** The file's size in bytes: compressed data in it may inflate only so far (format/limits). */
  fileBytes: number;
  progress: (fraction: number) => void;
}

/** Rows per table. */
export function countRowsOf(tables: DataTables): Record<DataTable, number> {
  const counts = {} as Record<DataTable, number>;
  for (const table of DATA_TABLES) counts[table] = tables[table].length;
  return counts;
}
