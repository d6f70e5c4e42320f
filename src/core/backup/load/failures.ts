import type { AppError } from '../../result';
import { describeThrown } from '../../result';
import { inflateRefusal, READ_MESSAGES, refusal } from '../read/messages';
import { parseJsonBytes } from '../read/parse-json';
import { CorruptGzipError, InflateLimitError, sizeOf, TooBigError, type BackupContents } from '../scan/byte-source';
import { locateGzipDamage, type GzipDamage } from '../scan/gzip-damage';
import { ScanError } from '../scan/json-scanner';
import { MAX_BACKUP_BYTES, maxInflatedBytes } from '../format/limits';
import { describeKind, isPlainObject } from '../format/values';

/**
 * Turns whatever stopped a read into one refusal with a message for people. A small file is
 * parsed once more the old way, which can say at which line and column the JSON breaks; a
 * large one is described by its byte offset.
 */

/** Files up to this size are re-parsed whole to describe a syntax error precisely. */
const DESCRIBE_WHOLE_BYTES = 16 * 1024 * 1024;

/** The refusal for an error thrown while streaming the file. */
export async function describeReadFailure(
  error: unknown,
  contents: BackupContents,
): Promise<{ ok: false; error: AppError }> {
  if (error instanceof TooBigError) return refusal('too-big', READ_MESSAGES.tooBig(MAX_BACKUP_BYTES / 1024 / 1024));
  if (error instanceof InflateLimitError) return inflateRefusal(error);
  if (error instanceof CorruptGzipError) {
    return gzipRefusal(await locateGzipDamage(contents, maxInflatedBytes(sizeOf(contents))), error.message);
  }
  const isSyntax = error instanceof ScanError || error instanceof SyntaxError || isDecodeError(error);
  if (!isSyntax) return refusal('unexpected', READ_MESSAGES.unexpected, describeThrown(error));
  if (error instanceof ScanError && error.code === 'value-too-big')
    return refusal('too-big', READ_MESSAGES.valueTooBig, error.message);
  if (sizeOf(contents) <= DESCRIBE_WHOLE_BYTES && !(await isGzip(contents))) {
    const bytes = contents instanceof Uint8Array ? contents : new Uint8Array(await contents.arrayBuffer());
    const whole = parseJsonBytes(bytes);
    if (!whole.ok) return whole;
    if (!isPlainObject(whole.value))
      return refusal('not-a-backup', READ_MESSAGES.notObject(describeTopLevel(whole.value)));
  }
  if (isDecodeError(error)) return refusal('not-text', READ_MESSAGES.notText, describeThrown(error));
  if (error instanceof ScanError) {
    if (error.code === 'empty-file') return refusal('empty-file', READ_MESSAGES.empty);
    if (error.code === 'truncated-json') return refusal('truncated-json', READ_MESSAGES.truncated, error.message);
    if (error.code === 'not-object')
      return refusal('not-a-backup', READ_MESSAGES.notObject('something other than a backup’s sections'));
    return refusal('not-json', READ_MESSAGES.notJson(`something unexpected at line ${error.line}`), error.message);
  }
  return refusal('not-json', READ_MESSAGES.notJson('something unexpected in it'), describeThrown(error));
}

/** The refusal of a gzip file that is damaged, saying where when that was found. */
export function gzipRefusal(damage: GzipDamage | null, cause: string): { ok: false; error: AppError } {
  if (damage === null) return refusal('not-gzip', READ_MESSAGES.badGzip, cause);
  const detail = `gzip ${damage.kind} at offset ${damage.offset} of ${damage.size} bytes: ${damage.reason} (${cause})`;
  const byte = (offset: number) => (offset + 1).toLocaleString('en-US');
  const of = damage.size.toLocaleString('en-US');
  const extra = (damage.size - damage.offset).toLocaleString('en-US');
  const message = {
    header: () => READ_MESSAGES.gzipDamagedAt(`in its header, at byte ${byte(damage.offset)} of ${of}`),
    data: () => READ_MESSAGES.gzipDamagedAt(`at about byte ${byte(damage.offset)} of ${of}`),
    'ends-early': () => READ_MESSAGES.gzipEndsEarly(of),
    check: () => READ_MESSAGES.gzipCheck(byte(damage.offset)),
    'after-end': () => READ_MESSAGES.gzipAfterEnd(extra, byte(damage.offset)),
  }[damage.kind];
  return refusal('not-gzip', message(), detail);
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
  const head =
    contents instanceof Uint8Array ? contents.subarray(0, 2) : new Uint8Array(await contents.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}
