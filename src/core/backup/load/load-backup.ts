import type { Database, SqlJsStatic } from '../../db/sql-types';
import type { DataTable } from '../../db/schema';
import { countRows } from '../../db/tables';
import type { AppError } from '../../result';
import { databaseChecksum } from '../checksum/database-rows';
import { FORMAT_NAME } from '../format/format';
import { MAX_BACKUP_BYTES, maxInflatedBytes } from '../format/limits';
import { isPlainObject, RESERVED_KEYS, reservedKeyOf } from '../format/values';
import { checkBackupInfo, hasOurMarks, OUR_SECTIONS, refuseNewer } from '../read/info';
import { READ_MESSAGES, refusal, refusalWithProblems } from '../read/messages';
import type { FileFacts, LockedBackup, ReadOptions } from '../read/parsed';
import { ProblemLog } from '../read/problems';
import { readOriginalExport } from '../read/read-export';
import { readOriginalBackup, type LegacyRead } from '../read/read-original';
import { readOurSections } from '../read/read-ours';
import { expectedTextBytes, readJsonChunks, sizeOf, sniffSource } from '../scan/byte-source';
import type { BackupContents, SourceKind } from '../scan/byte-source';
import { locateGzipDamage } from '../scan/gzip-damage';
import { elementValue, parseJsonValue, scanTopLevel, type ScanEvent } from '../scan/json-scanner';
import { ScratchDatabase } from '../scratch/scratch-database';
import { findRefusedAddresses } from './address-check';
import { describeReadFailure, gzipRefusal } from './failures';

/**
 * Reads a backup file of any shape we know into a database of its own, checks it completely and
 * certifies it, without touching any other database. The file streams (any size, plain or gzip);
 * every row goes straight into the new database and is hashed as it is bound (checksum/bound-rows:
 * values proven to be stored as bound, rows in canonical order); where that proof does not hold,
 * the database is read back once instead. Either way the canonical checksum of the rows as stored
 * must equal the one the file states — so the checksum certifies exactly the rows that were read.
 * Never throws: every failure is a refusal with a message.
 */

/** A backup read into its own database, certified, ready to preview and apply. */
export interface Candidate extends FileFacts {
  /** Holds the file's rows, and in activity_log the file's own activity entries. */
  db: Database;
  /** The canonical checksum of `db`'s data tables. */
  checksum: string;
  counts: Record<DataTable, number>;
}

export type LoadResult =
  { ok: true; candidate: Candidate } | { ok: true; locked: LockedBackup } | { ok: false; error: AppError };

/** Refusals that already describe the compressed data itself. */
const GZIP_REFUSALS = new Set(['not-gzip', 'inflates-too-much', 'too-big', 'too-large-for-browser']);

/** Reads, checks and certifies a backup file into a new database. */
export async function loadBackup(
  SQL: SqlJsStatic,
  contents: BackupContents,
  options: ReadOptions = {},
): Promise<LoadResult> {
  const kind = await sniffSource(contents);
  const result = await loadChecked(SQL, contents, kind, options);
  if (result.ok || kind !== 'gzip' || GZIP_REFUSALS.has(result.error.code)) return result;
  // Damaged deflate data can inflate to text that is refused (not JSON, a bad header, a wrong row)
  // before the read reaches the check values at the end of the gzip data: then the damage is the
  // cause to report.
  const damage = await locateGzipDamage(contents, maxInflatedBytes(sizeOf(contents)));
  return damage ? gzipRefusal(damage, `${result.error.code}: ${result.error.detail ?? result.error.message}`) : result;
}

async function loadChecked(
  SQL: SqlJsStatic,
  contents: BackupContents,
  kind: SourceKind,
  options: ReadOptions,
): Promise<LoadResult> {
  const progress = options.onProgress ?? (() => {});
  const now = options.now ?? new Date().toISOString();
  const context = { passphrase: options.passphrase, now, progress, fileBytes: sizeOf(contents) };
  if (kind === 'empty') return refusal('empty-file', READ_MESSAGES.empty);
  if (kind === 'zip') return refusal('zip-file', READ_MESSAGES.zip);
  if (kind === 'json' && sizeOf(contents) > MAX_BACKUP_BYTES)
    return refusal('too-big', READ_MESSAGES.tooBig(MAX_BACKUP_BYTES / 1024 / 1024));

  let scratch: ScratchDatabase | null = null;
  try {
    const header = await findHeader(contents);
    if (!header) return refusal('not-a-backup', READ_MESSAGES.unknownShape);
    if (reservedKeyOf(header.value) !== undefined) {
      const problems = new ProblemLog();
      problems.add(
        header.key,
        undefined,
        reservedKeyOf(header.value),
        'is a reserved key that no backup has; the file may be crafted to attack the app',
      );
      return refusalWithProblems(problems);
    }
    scratch = ScratchDatabase.open(SQL, await expectedTextBytes(contents, kind), options.digestOffload?.() ?? null);
    const total = Math.max(1, sizeOf(contents));
    const guard = { reserved: undefined as string | undefined };
    // Progress follows the rows read (a stream may read ahead of them).
    const scanned = scanTopLevel(readJsonChunks(contents), (key) => key === header.key);
    const facts = await readShape(
      header,
      refuseReservedKeys(scanned, guard, (offset) => progress((0.9 * offset) / total)),
      scratch,
      context,
    );
    if (guard.reserved !== undefined) {
      const problems = new ProblemLog();
      problems.add(
        guard.reserved,
        undefined,
        undefined,
        'is a reserved key that no backup has; the file may be crafted to attack the app',
      );
      return refusalWithProblems(problems);
    }
    if (!facts.ok) return facts;
    if ('locked' in facts) return facts;
    progress(0.9);
    scratch.finish();
    if (scratch.problems.count > 0) return refusalWithProblems(scratch.problems);
    progress(0.95);
    const counts = countRows(scratch.db);
    const checksum =
      (await scratch.certificate.finish(counts)) ?? (await readBackChecksum(scratch.db, counts, progress));
    progress(1);
    const stated = facts.facts.stated;
    if (stated && checksum !== stated.checksum) {
      return refusal(
        'checksum-mismatch',
        READ_MESSAGES.checksum,
        `backup_info.checksum ${stated.checksum}, contents ${checksum}`,
      );
    }
    const warnings = [...facts.facts.warnings, ...findRefusedAddresses(scratch.db)];
    const candidate: Candidate = { ...facts.facts, warnings, db: scratch.db, checksum, counts };
    scratch = null; // handed over
    return { ok: true, candidate };
  } catch (error) {
    if (
      error instanceof Error &&
      /allocation failed|out of memory|NOMEM|SQLITE_FULL|Invalid (typed )?array length/i.test(error.message)
    ) {
      return refusal('too-large-for-browser', READ_MESSAGES.tooLargeForBrowser, error.message);
    }
    return await describeReadFailure(error, contents);
  } finally {
    scratch?.close();
  }
}

/** The certificate the long way: every row read back from the database and hashed (progress by rows). */
async function readBackChecksum(
  db: Database,
  counts: Record<DataTable, number>,
  progress: (fraction: number) => void,
): Promise<string> {
  const totalRows = Math.max(
    1,
    Object.values(counts).reduce((sum, n) => sum + n, 0),
  );
  let rowsBefore = 0;
  return databaseChecksum(db, (_table, rows) => {
    rowsBefore += rows;
    progress(0.95 + (0.05 * rowsBefore) / totalRows);
  });
}

/** Ends the events at a top-level reserved key (`__proto__`, `constructor`, `prototype`), noting it. */
async function* refuseReservedKeys(
  events: AsyncGenerator<ScanEvent>,
  guard: { reserved: string | undefined },
  onOffset: (offset: number) => void,
): AsyncGenerator<ScanEvent> {
  let reported = 0;
  for await (const event of events) {
    if (event.kind !== 'array-end' && event.offset - reported > 1 << 20) {
      reported = event.offset;
      onOffset(event.offset);
    }
    if ((RESERVED_KEYS as readonly string[]).includes(event.key)) {
      guard.reserved = event.key;
      return;
    }
    yield event;
  }
}

type Header = { key: 'backup_info' | 'export_info'; value: Record<string, unknown> };

/**
 * The file's header: usually its first section (read from the first chunk only); when a file
 * was rearranged, one extra pass that skips everything else finds it.
 */
async function findHeader(contents: BackupContents): Promise<Header | null> {
  const isHeader = (key: string) => key === 'backup_info' || key === 'export_info';
  for await (const event of scanTopLevel(readJsonChunks(contents), (key) => !isHeader(key))) {
    if (event.kind === 'value' && isHeader(event.key)) {
      const value = parseJsonValue(event.bytes);
      return { key: event.key, value: isPlainObject(value) ? value : {} };
    }
  }
  return null;
}

type ShapeResult = { ok: true; facts: FileFacts } | { ok: true; locked: LockedBackup } | { ok: false; error: AppError };

/** Dispatches on the header: ours (any of our marks), the original's backup, or its export. */
async function readShape(
  header: Header,
  events: AsyncGenerator<ScanEvent>,
  scratch: ScratchDatabase,
  context: Parameters<typeof readOriginalBackup>[1],
): Promise<ShapeResult> {
  const info = header.value;
  if (header.key === 'backup_info' && (info.format === FORMAT_NAME || hasOurMarks(info))) {
    const newer = refuseNewer(info);
    if (newer) return newer;
    const problems = new ProblemLog();
    const checked = checkBackupInfo(info, problems);
    if (!checked) return refusalWithProblems(problems);
    return readOurSections(events, checked, info, scratch, context);
  }
  const collected = await collectTop(events, header);
  if ('error' in collected) return collected;
  const top = collected.top;
  const legacy: LegacyRead =
    header.key === 'backup_info' ? readOriginalBackup(top, context) : readOriginalExport(top, context);
  if (!legacy.ok) return legacy;
  scratch.addTables(legacy.tables);
  return { ok: true, facts: legacy.facts };
}

/**
 * An original file's top level as an object (the original wrote at most a few thousand rows; its
 * readers assemble brokerages and ids from all of them). A section only our format has means a
 * damaged header of ours, refused rather than read with its checksum ignored.
 */
async function collectTop(
  events: AsyncIterator<ScanEvent>,
  header: Header,
): Promise<{ top: Record<string, unknown> } | { ok: false; error: AppError }> {
  const top: Record<string, unknown> = { [header.key]: header.value };
  const arrays = new Map<string, unknown[]>();
  for (;;) {
    const next = await events.next();
    if (next.done) break;
    const event = next.value;
    if (OUR_SECTIONS.includes(event.key))
      return refusal(
        'not-a-backup',
        READ_MESSAGES.ourMarksDamaged,
        `section ${event.key} with a non-FF2API Web backup_info`,
      );
    if (event.kind === 'value')
      Object.defineProperty(top, event.key, {
        value: parseJsonValue(event.bytes),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    else if (event.kind === 'array-start') {
      const list: unknown[] = [];
      arrays.set(event.key, list);
      Object.defineProperty(top, event.key, { value: list, enumerable: true, configurable: true, writable: true });
    } else if (event.kind === 'elements') {
      const list = arrays.get(event.key);
      for (const item of event.items) list?.push(elementValue(item));
    }
  }
  return { top };
}
