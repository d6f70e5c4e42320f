import type { DataTables } from '../../db/rows';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { AppError } from '../../result';
import type { SecretsMode } from '../format/format';
import type { RestoreWarning } from './problems';
import type { BackupShape } from '../format/format';

/** The result types of reading a backup file, shared by the readers of each shape. */

/** A file read, checked and normalized: ready to plan a restore from. */
export interface ParsedBackup {
  shape: BackupShape;
  /** E.g. "FF2API Web backup 2.0", "FF2API v1.0 sidebar backup (era C)", "FF2API data export". */
  shapeLabel: string;
  /** When the file was made, ISO UTC; null when it does not say. */
  createdAt: string | null;
  secrets: SecretsMode;
  /** Every row, ids assigned, names normal, times ISO UTC: what a replace would store. */
  tables: DataTables;
  /** One per kind of repair made, with how many rows it touched. */
  warnings: RestoreWarning[];
  /** SHA-256 of the normalized tables (the canonical serialization, as the writer computes it). */
  checksum: string;
  /** Rows per table as read from the file. */
  fileCounts: Record<DataTable, number>;
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

export type ReadResult =
  | { ok: true; backup: ParsedBackup }
  | { ok: true; locked: LockedBackup }
  | { ok: false; error: AppError };

export interface ReadOptions {
  /** For encrypted files; without it an encrypted file reads as `locked`. */
  passphrase?: string;
  /** Refuse files larger than this many bytes (default MAX_BACKUP_BYTES). */
  maxBytes?: number;
  /** ISO UTC "now", used only when an original file does not say when it was made. */
  now?: string;
  onProgress?: (fraction: number) => void;
}

/** What each shape's reader gets besides the parsed JSON. */
export interface ReadContext {
  /** The file itself (a plain file as we wrote it is checksummed from its bytes). */
  bytes: Uint8Array;
  passphrase: string | undefined;
  maxBytes: number;
  now: string;
  progress: (fraction: number) => void;
}

/** Rows per table. */
export function countRowsOf(tables: DataTables): Record<DataTable, number> {
  const counts = {} as Record<DataTable, number>;
  for (const table of DATA_TABLES) counts[table] = tables[table].length;
  return counts;
}
