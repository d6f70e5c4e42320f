import type { ActivityRow } from '../../db/rows';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { Database } from '../../db/sql-types';
import { countRows } from '../../db/tables';
import { canonicalJson } from '../checksum/canonical-json';
import { forEachCanonicalRow } from '../checksum/database-rows';
import { DigestUnavailableError, type DigestOffload, type StartDigestOffload } from '../checksum/digest-offload';
import { CanonicalHasher } from '../checksum/streaming-hash';
import { encodeUtf8 } from '../format/encoding';
import {
  ACTIVITY_SECTION,
  ENCRYPTED_SECTION,
  FORMAT_NAME,
  FORMAT_VERSION,
  SEALED_CHUNKS_SECTION,
  type BackupInfoHeader,
  type SecretsMode,
} from '../format/format';
import { GZIP_ABOVE_BYTES, MAX_BACKUP_BYTES, MIN_KDF_ITERATIONS, SEALED_CHUNK_BYTES } from '../format/limits';
import { RowReader } from '../read/columns';
import { ProblemLog } from '../read/problems';
import { KDF_ITERATIONS } from '../seal/seal';
import { ChunkSealer } from '../seal/stream-seal';
import { fileChecksumOf, serializeActivity, writableEntries } from './activity';
import { LineEncoder } from './line-encoder';
import { redactSecrets } from './redact';

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

/** The clear header of every file we write. */
export type BackupInfo = BackupInfoHeader<typeof FORMAT_VERSION>;

/** Raised when a row breaks the format's rules (the database holds something no file may carry). */
export class UnwritableRowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnwritableRowError';
  }
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

/** Where the data part's bytes go: the file itself (plain or gzip) or the sealed chunks. */
interface DataSink {
  /** Takes a batch of the data part's bytes (valid only during the call: copied if kept). */
  take(bytes: Uint8Array): void;
  /** Resolves when the sink has caught up with what it was given (between tables). */
  drain(): Promise<void>;
  finish(info: BackupInfo): Promise<Blob>;
}

/** A plain (or gzip) file: `backup_info` first, then the data part as written, in ≈ 4 MB Blob parts. */
class PlainSink implements DataSink {
  private readonly parts: Blob[] = [];
  constructor(private readonly isGzip: boolean) {}

  take(bytes: Uint8Array): void {
    // A Blob copies its bytes (and the browser keeps large Blobs out of the worker's memory).
    this.parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  }

  async drain(): Promise<void> {}

  async finish(info: BackupInfo): Promise<Blob> {
    const body = new Blob(this.parts);
    // The data part started with "{": the header goes in front of its first section.
    const head = new Blob([`{"backup_info":${JSON.stringify(info)},\n`]);
    const file = new Blob([head, body.slice(1), '\n'], { type: 'application/json' });
    if (file.size > MAX_BACKUP_BYTES && !this.isGzip)
      throw new UnwritableRowError('The backup would be larger than the 4 GB a backup file may hold.');
    if (!this.isGzip) return file;
    const compressed = file.stream().pipeThrough(new CompressionStream('gzip'));
    return new Response(compressed).blob();
  }
}

/** An encrypted file: the data part gzip'd, cut into chunks, each sealed (seal/stream-seal.ts). */
class SealedSink implements DataSink {
  private readonly lines: string[] = [];
  private readonly gzip = new CompressionStream('gzip');
  private readonly writer = this.gzip.writable.getWriter();
  private readonly collected: Promise<Uint8Array<ArrayBuffer>[]>;
  private writing: Promise<void> = Promise.resolve();
  private isFirstChunk = true;

  private constructor(private readonly sealer: ChunkSealer) {
    this.collected = this.collectAndSeal();
  }

  static async create(passphrase: string, iterations: number): Promise<SealedSink> {
    return new SealedSink(await ChunkSealer.create(passphrase, iterations));
  }

  take(bytes: Uint8Array): void {
    // Queued without waiting (a table is read in one pass); drain() waits between tables.
    const copy = bytes.slice();
    this.writing = this.writing.then(() => this.writer.write(copy));
  }

  async drain(): Promise<void> {
    await this.writing;
    await this.writer.ready;
  }

  async finish(info: BackupInfo): Promise<Blob> {
    this.header = encodeUtf8(canonicalJson(info) ?? '');
    await this.writing;
    await this.writer.close();
    const [last] = await this.collected;
    await this.addChunk(await this.sealer.seal(last ?? new Uint8Array(0), true, this.header));
    const parameters = {
      kdf: {
        name: 'PBKDF2',
        hash: 'SHA-256',
        iterations: this.sealer.parameters.iterations,
        salt: this.sealer.parameters.salt,
      },
      cipher: { name: 'AES-GCM', iv: this.sealer.parameters.iv },
      compression: 'gzip',
      chunk_bytes: SEALED_CHUNK_BYTES,
    };
    const head = `{"backup_info":${JSON.stringify(info)},\n${JSON.stringify(ENCRYPTED_SECTION)}:${JSON.stringify(parameters)},\n${JSON.stringify(SEALED_CHUNKS_SECTION)}:[`;
    return new Blob([head, ...this.lines, '\n]}\n'], { type: 'application/json' });
  }

  private header: Uint8Array<ArrayBuffer> | null = null;

  /** Seals every full chunk of compressed data; returns the last, partial one (sealed by finish). */
  private async collectAndSeal(): Promise<Uint8Array<ArrayBuffer>[]> {
    const reader = this.gzip.readable.getReader();
    let piece = new Uint8Array(SEALED_CHUNK_BYTES);
    let filled = 0;
    let held: Uint8Array<ArrayBuffer> | null = null;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let offset = 0;
      while (offset < value.length) {
        const take = Math.min(SEALED_CHUNK_BYTES - filled, value.length - offset);
        piece.set(value.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === SEALED_CHUNK_BYTES) {
          // One behind: a full chunk may still turn out to be the last.
          if (held) await this.addChunk(await this.sealer.seal(held, false, null));
          held = piece;
          piece = new Uint8Array(SEALED_CHUNK_BYTES);
          filled = 0;
        }
      }
    }
    if (filled === 0 && held) return [held];
    if (held) await this.addChunk(await this.sealer.seal(held, false, null));
    return [piece.subarray(0, filled)];
  }

  private async addChunk(base64: string): Promise<void> {
    this.lines.push(`${this.isFirstChunk ? '\n' : ',\n'}${JSON.stringify(base64)}`);
    this.isFirstChunk = false;
  }
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
