import type { AppError } from '../../result';
import { describeThrown } from '../../result';
import { READ_MESSAGES, refusal } from '../read/messages';
import { parseJsonBytes } from '../read/parse-json';
import { sizeOf, TooBigError, CorruptGzipError, type BackupContents } from '../scan/byte-source';
import { ScanError } from '../scan/json-scanner';
import { MAX_BACKUP_BYTES } from '../format/limits';
import { describeKind, isPlainObject } from '../format/values';

/**
 * Turns whatever stopped a read into one refusal with a message for people. A small file is
 * parsed once more the old way, which can say at which line and column the JSON breaks; a
 * large one is described by its byte offset.
 */

/** Files up to this size are re-parsed whole to describe a syntax error precisely. */
const DESCRIBE_WHOLE_BYTES = 16 * 1024 * 1024;

/** The refusal for an error thrown while streaming the file. */
export async function describeReadFailure(error: unknown, contents: BackupContents): Promise<{ ok: false; error: AppError }> {
  if (error instanceof TooBigError) return refusal('too-big', READ_MESSAGES.tooBig(MAX_BACKUP_BYTES / 1024 / 1024));
  if (error instanceof CorruptGzipError) return refusal('not-gzip', READ_MESSAGES.badGzip, error.message);
  const isSyntax = error instanceof ScanError || error instanceof SyntaxError || isDecodeError(error);
  if (!isSyntax) return refusal('unexpected', READ_MESSAGES.unexpected, describeThrown(error));
  if (error instanceof ScanError && error.code === 'value-too-big') return refusal('too-big', READ_MESSAGES.valueTooBig, error.message);
  if (sizeOf(contents) <= DESCRIBE_WHOLE_BYTES && !(await isGzip(contents))) {
    const bytes = contents instanceof Uint8Array ? contents : new Uint8Array(await contents.arrayBuffer());
    const whole = parseJsonBytes(bytes);
    if (!whole.ok) return whole;
    if (!isPlainObject(whole.value)) return refusal('not-a-backup', READ_MESSAGES.notObject(describeTopLevel(whole.value)));
  }
  if (isDecodeError(error)) return refusal('not-text', READ_MESSAGES.notText, describeThrown(error));
  if (error instanceof ScanError) {
    if (error.code === 'empty-file') return refusal('empty-file', READ_MESSAGES.empty);
    if (error.code === 'truncated-json') return refusal('truncated-json', READ_MESSAGES.truncated, error.message);
    if (error.code === 'not-object') return refusal('not-a-backup', READ_MESSAGES.notObject('something other than a backup’s sections'));
    return refusal('not-json', READ_MESSAGES.notJson(`something unexpected at line ${error.line}`), error.message);
  }
  return refusal('not-json', READ_MESSAGES.notJson('something unexpected in it'), describeThrown(error));
}

/** "a list", "a piece of text", "a number", "null" — what a non-object JSON file holds. */
function describeTopLevel(value: unknown): string {
  if (typeof value === 'string') return 'a single piece of text';
  if (typeof value === 'number') return 'a single number';
  if (typeof value === 'boolean') return `just the value ${String(value)}`;
  if (value === null) return 'just null';
  return describeKind(value);
}

/** TextDecoder({ fatal: true }) throws a TypeError on bytes that are not UTF-8. */
function isDecodeError(error: unknown): boolean {
  return error instanceof TypeError && /encod|decod/i.test(error.message);
}

async function isGzip(contents: BackupContents): Promise<boolean> {
  const head = contents instanceof Uint8Array ? contents.subarray(0, 2) : new Uint8Array(await contents.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}
