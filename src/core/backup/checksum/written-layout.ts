import { sha256Hex } from './canonical';
import { concatBytes, decodeUtf8Strict, encodeUtf8 } from '../format/encoding';
import { isPlainObject } from '../format/values';

/**
 * A shortcut for verifying the checksum of a plain file exactly as buildBackupFile wrote it:
 *
 *   line 1  {"backup_info":{…},
 *   line 2  <canonical text without its braces>,
 *   line 3  "activity_log":[…]}
 *
 * JSON.stringify never writes a raw line break, so these are the file's only lines. If line 2,
 * in braces, hashes to the checksum, it is byte for byte the writer's canonical text; if line 1
 * holds only backup_info and line 3 only activity_log, the data sections JSON.parse gave for the
 * whole file are exactly line 2's. The reader then need not re-serialize 100k rows to hash them
 * (a third of reading time). Any other layout — reformatted, reordered, edited — returns false
 * and the reader computes the checksum from the rows, as for every other file.
 */
export async function matchesWrittenLayout(bytes: Uint8Array, checksum: string): Promise<boolean> {
  const first = bytes.indexOf(0x0a);
  const second = first < 0 ? -1 : bytes.indexOf(0x0a, first + 1);
  if (second < 0 || bytes[second - 1] !== 0x2c) return false;

  const head = decodeUtf8Strict(bytes.subarray(0, first));
  const tail = decodeUtf8Strict(bytes.subarray(second + 1));
  if (head === null || tail === null || !head.endsWith(',')) return false;
  if (!hasOnlyKey(`${head.slice(0, -1)}}`, 'backup_info') || !hasOnlyKey(`{${tail.trimEnd()}`, 'activity_log')) return false;

  const canonical = concatBytes([encodeUtf8('{'), bytes.subarray(first + 1, second - 1), encodeUtf8('}')]);
  return (await sha256Hex(canonical)) === checksum;
}

/** True when `text` is a JSON object whose only key is `key`. */
function hasOnlyKey(text: string, key: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) && Object.keys(value).length === 1 && Object.hasOwn(value, key);
  } catch {
    return false;
  }
}
