import { describeThrown } from '../../result';
import { FORMAT_NAME } from '../format/format';
import { MAX_BACKUP_BYTES } from '../format/limits';
import { READ_MESSAGES, refusal, refusalWithProblems } from './messages';
import type { ReadOptions, ReadResult } from './parsed';
import { parseJsonBytes } from './parse-json';
import { ProblemLog } from './problems';
import { readOriginalExport } from './read-export';
import { readOriginalBackup } from './read-original';
import { readOurBackup } from './read-ours';
import { describeKind, isPlainObject, reservedKeyOf } from '../format/values';

export type { LockedBackup, ParsedBackup, ReadOptions, ReadResult } from './parsed';
export type { Problem } from './problems';

/**
 * Reads a backup file of any shape we know, checks it completely and normalizes it, without
 * touching any database. Never throws: every failure is a refusal with a message for people
 * and, for a file with problems, each problem located by section, row and field.
 */
export async function readBackupFile(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  try {
    return await readChecked(bytes, options);
  } catch (error) {
    return refusal('unexpected', READ_MESSAGES.unexpected, describeThrown(error));
  }
}

async function readChecked(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const progress = options.onProgress ?? (() => {});
  const maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES;
  // Size first: nothing of a too-large file is decoded.
  if (bytes.length > maxBytes) return refusal('too-big', READ_MESSAGES.tooBig(Math.round(maxBytes / 1024 / 1024)), `${bytes.length} bytes`);
  const parsed = parseJsonBytes(bytes);
  if (!parsed.ok) return parsed;
  progress(0.25);

  const top = parsed.value;
  if (!isPlainObject(top)) return refusal('not-a-backup', READ_MESSAGES.notObject(describeTopLevel(top)));
  const reserved = reservedKeyOf(top);
  if (reserved !== undefined) {
    const problems = new ProblemLog();
    problems.add(reserved, undefined, undefined, 'is a reserved key that no backup has; the file may be crafted to attack the app');
    return refusalWithProblems(problems);
  }
  const context = { bytes, passphrase: options.passphrase, maxBytes, now: options.now ?? new Date().toISOString(), progress };
  const result = await readShape(top, context);
  if (result.ok) progress(1);
  return result;
}

/** Dispatches on the keys that identify each shape (BACKUP_FORMAT.md "What we read"). */
function readShape(top: Record<string, unknown>, context: Parameters<typeof readOurBackup>[1]): Promise<ReadResult> {
  const has = (key: string) => Object.hasOwn(top, key);
  const info = top.backup_info;
  if (isPlainObject(info) && info.format === FORMAT_NAME) return readOurBackup(top, context);
  if (has('backup_info')) return readOriginalBackup(top, context);
  if (has('export_info')) return readOriginalExport(top, context);
  return Promise.resolve(refusal('not-a-backup', READ_MESSAGES.unknownShape));
}

/** "a list", "a piece of text", "a number", "null" — what a non-object JSON file holds. */
function describeTopLevel(value: unknown): string {
  if (typeof value === 'string') return 'a single piece of text';
  if (typeof value === 'number') return 'a single number';
  if (typeof value === 'boolean') return `just the value ${String(value)}`;
  if (value === null) return 'just null';
  return describeKind(value);
}
