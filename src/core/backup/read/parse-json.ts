import { decodeUtf8Strict } from '../format/encoding';
import { READ_MESSAGES, refusal } from './messages';
import type { AppError } from '../../result';

/**
 * Bytes → JSON value, with a specific message for each way a file can fail to be JSON text.
 * JSON.parse is V8's own parser (iterative: 100,000 levels of nesting parse without overflow),
 * so a deeply nested file is parsed harmlessly and then refused for its shape, not its depth.
 */
export function parseJsonBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; error: AppError } {
  if (bytes.length === 0) return refusal('empty-file', READ_MESSAGES.empty);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return refusal('zip-file', READ_MESSAGES.zip);
  if (startsWith(bytes, [0x1f, 0x8b])) return refusal('gzip-file', READ_MESSAGES.gzip);
  const text = decodeUtf8Strict(bytes);
  if (text === null || text.includes('\u0000')) return refusal('not-text', READ_MESSAGES.notText);
  const trimmedLength = text.trimEnd().length;
  if (text.trim() === '') return refusal('empty-file', READ_MESSAGES.empty);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (isTruncation(reason, trimmedLength)) return refusal('truncated-json', READ_MESSAGES.truncated, reason);
    return refusal('not-json', READ_MESSAGES.notJson(describeSyntaxError(reason, text)), reason);
  }
}

/** Engines word it differently; an error at or past the last character means the text stopped short. */
function isTruncation(reason: string, length: number): boolean {
  if (/end of (JSON )?input|Unterminated/i.test(reason)) return true;
  const position = /position (\d+)/.exec(reason);
  return position !== null && Number(position[1]) >= length;
}

/** "something unexpected at line 3, column 7" from an engine message. */
function describeSyntaxError(reason: string, text: string): string {
  const position = /position (\d+)/.exec(reason);
  if (!position) return 'it has something unexpected in it';
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `something unexpected at line ${line}, column ${column}`;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
