import type { ActivityRow } from '../../db/rows';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { Database } from '../../db/sql-types';
import { countRows } from '../../db/tables';
import { forEachCanonicalRow } from '../checksum/database-rows';
import { DigestUnavailableError, type DigestOffload, type StartDigestOffload } from '../checksum/digest-offload';
import { CanonicalHasher } from '../checksum/streaming-hash';
import { ACTIVITY_SECTION, FORMAT_NAME, FORMAT_VERSION, type SecretsMode } from '../format/format';
import { GZIP_ABOVE_BYTES, MIN_KDF_ITERATIONS } from '../format/limits';
import { RowReader } from '../read/columns';
import { ProblemLog } from '../read/problems';
import { KDF_ITERATIONS } from '../seal/seal';
import { fileChecksumOf, serializeActivity, writableEntries } from './activity';
import { LineEncoder } from './line-encoder';
import { redactSecrets } from './redact';
import { PlainSink, SealedSink } from './data-sinks';
import { UnwritableRowError, type BackupInfo } from './written-file';

/**
 * Writes ff2api_backup files, format 2.1 (docs/backup-format.md), from any database — the live
 * one, a snapshot, a scratch copy — one row at a time: rows are read in id order, each turned
 * into its canonical text once, which is both the file's line for that row and what the
 * checksum hashes. The file is assembled as a Blob of ≈ 4 MB parts (the browser keeps large
 * Blobs out of the page's memory), with `backup_info` — which holds the checksum, known only at
 * the end — placed first. Every row is checked by the reader's own rules as it is written, so
 * the writer never produces a file the reader refuses.
 */

export interface BackupWriteOptions {
  /** ISO 8601 UTC. */
  createdAt: string;
  trigger: 'manual' | 'emergency' | 'pre-restore' | (string & {});
  appVersion: string;
  schemaVersion: number;
  secrets: SecretsMode;
  /** Required when secrets is 'encrypted'. */
  passphrase?: string;
  onProgress?: (fraction: number) => void;
  /** Compress (`.json.gz`) when the database is larger than this many bytes (default GZIP_ABOVE_BYTES). */
  gzipAboveBytes?: number;
  /** Tests only: fewer PBKDF2 iterations (still ≥ 100,000, what readers accept). */
  kdfIterationsForTests?: number;
  /** Where the checksum is worked out when not in this thread (a helper worker). */
  digestOffload?: StartDigestOffload;
}

export interface WrittenBackup {
  blob: Blob;
  counts: Record<DataTable, number>;
  /** SHA-256 hex of the canonical data sections, as written in backup_info. */
  checksum: string;
  /** True when the file is gzip (name it `.json.gz`). */
  isGzip: boolean;
}

/** A backup's canonical text per byte of its database (bench: 1.22), with a little to spare. */
const TEXT_BYTES_PER_DATABASE_BYTE = 1.3;

/** Builds a complete backup file of `db`: every row of every table, checksummed, optionally sealed. */
export async function writeBackupFile(
  db: Database,
  activity: readonly ActivityRow[],
  options: BackupWriteOptions,
): Promise<WrittenBackup> {
  if (options.secrets === 'encrypted' && !options.passphrase) throw new Error('An encrypted backup needs a passphrase');
  const offload = options.digestOffload?.() ?? null;
  if (offload === null) return writeOnce(db, activity, options, null);
  try {
    return await writeOnce(db, activity, options, offload);
  } catch (error) {
    // The helper that worked out the checksum failed: the file is written again, hashed here.
    if (error instanceof DigestUnavailableError) return writeOnce(db, activity, options, null);
    offload.cancel();
    throw error;
  }
}

async function writeOnce(
  db: Database,
  activity: readonly ActivityRow[],
  options: BackupWriteOptions,
  offload: DigestOffload | null,
): Promise<WrittenBackup> {
  const progress = options.onProgress ?? (() => {});
  const counts = countRows(db);
  const totalRows = Math.max(
    1,
    DATA_TABLES.reduce((sum, t) => sum + counts[t], 0),
  );
  const dbBytes = databaseBytes(db);
  const isGzip = options.secrets !== 'encrypted' && dbBytes > (options.gzipAboveBytes ?? GZIP_ABOVE_BYTES);
  const sink =
    options.secrets === 'encrypted'
      ? await SealedSink.create(
          options.passphrase ?? '',
          Math.max(MIN_KDF_ITERATIONS, options.kdfIterationsForTests ?? KDF_ITERATIONS),
        )
      : new PlainSink(isGzip);

  // The canonical text is about as long as the database (bench: 48.5 MB of text for 39.9 MB):
  // hashed in one buffer of that size, it needs no joining of pieces at the end.
  const hasher = CanonicalHasher.start(undefined, dbBytes * TEXT_BYTES_PER_DATABASE_BYTE, offload);
  const checker = new RowReader(new ProblemLog(), undefined, true);
  const lines = new LineEncoder(sink, (rowBytes) => hasher.addRowBytes(rowBytes));
  let written = 0;
  lines.text('{');
  for (const [position, table] of DATA_TABLES.entries()) {
    hasher.startSection(table);
    lines.text(`${position === 0 ? '' : ',\n'}${JSON.stringify(table)}:[`);
    let isFirst = true;
    // One table is read in one synchronous pass: no other call on this database can run between
    // two of its rows (a save's export would free the statement, a write would change the rows).
    forEachCanonicalRow(
      db,
      table,
      (text, row) => {
        if (checker.read(table, row, written) === null) throw new UnwritableRowError(describeUnwritable(table, row));
        lines.row(text, isFirst);
        isFirst = false;
        if (++written % 5000 === 0) progress((0.95 * written) / totalRows);
      },
      options.secrets === 'omitted' && table === 'brokerage_configurations' ? redactSecrets : undefined,
    );
    lines.text(isFirst ? ']' : '\n]');
    await sink.drain();
  }
  const entries = writableEntries(activity);
  lines.text(`,\n${JSON.stringify(ACTIVITY_SECTION)}:[${serializeActivity(entries)}]}`);
  lines.flush();
  const checksum = await hasher.finish();
  const info: BackupInfo = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    app_version: options.appVersion,
    created_at: options.createdAt,
    trigger: options.trigger,
    schema_version: options.schemaVersion,
    counts,
    checksum: { algorithm: 'SHA-256', value: checksum },
    secrets: options.secrets,
  };
  const fileChecksum = fileChecksumOf(info as unknown as Record<string, unknown>, entries);
  if (fileChecksum === null) {
    throw new UnwritableRowError(
      'The backup could not be written: its header could not be put in canonical form. Nothing was changed.',
    );
  }
  info.file_checksum = { algorithm: 'SHA-256', value: fileChecksum };
  const blob = await sink.finish(info);
  progress(1);
  return { blob, counts, checksum, isGzip };
}

/** The database's size in bytes (page count × page size). */
function databaseBytes(db: Database): number {
  const pages = Number(db.exec('PRAGMA page_count')[0]?.values[0]?.[0] ?? 0);
  const size = Number(db.exec('PRAGMA page_size')[0]?.values[0]?.[0] ?? 4096);
  return pages * size;
}

function describeUnwritable(table: DataTable, row: object): string {
  return `The backup could not be written: the ${table} row with id ${String((row as { id?: unknown }).id)} holds a value no backup file may carry. Nothing was changed.`;
}
