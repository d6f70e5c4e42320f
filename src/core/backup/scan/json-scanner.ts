import { MAX_VALUE_BYTES } from '../format/limits';
import { ByteWindow, decoder, isSpace, QUOTE } from './byte-window';

export { ScanError } from './scan-error';

/**
 * Streams a JSON object's top level without ever holding the whole text: for each top-level key
 * it reports either the value's bytes or, for an array, each element's bytes in turn. Only the
 * structure is followed here (strings skipped with indexOf, brackets counted); every value is
 * then parsed by JSON.parse, which checks it fully. A newline is never part of a JSON string, so
 * any layout is read — one row per line (format 2.1), everything on one line (2.0), pretty-printed.
 * Views handed out stay valid until the consumer asks for the next event.
 *
 * Format 2.1's rows have lines of their own, so an element that starts a line and fills it (up to
 * a trailing comma) is tried first as that line: one native newline search and the JSON.parse the
 * element needs anyway, instead of following its structure byte by byte. A text that parses as
 * one JSON value ends where its outermost bracket closes, so the element is the same either way;
 * when the line does not parse (two rows on it, a row over several lines) the structure is
 * followed as usual. Such an element comes with its text and parsed value (`elementValue`).
 *
 * An array's elements come in batches: every element the buffer holds is read without waiting,
 * and the batch is handed out before the scanner waits for more bytes. One wait per chunk of the
 * stream instead of several per row: at 100k rows the awaits alone cost ≈ 50–100 ms in Chromium.
 */

/** One element of an array: its bytes, where it starts, and (read with its line) its text and value. */
export interface ScanElement {
  index: number;
  bytes: Uint8Array;
  offset: number;
  text: string | undefined;
  value: unknown;
}

export type ScanEvent =
  | { kind: 'value'; key: string; bytes: Uint8Array; offset: number }
  | { kind: 'array-start'; key: string; offset: number }
  | { kind: 'elements'; key: string; items: ScanElement[]; offset: number }
  | { kind: 'array-end'; key: string; count: number };

const BACKSLASH = 0x5c;

/** Scans the top-level object of a byte stream; `skip(key)` values are followed but not handed out. */
export async function* scanTopLevel(
  chunks: AsyncIterable<Uint8Array>,
  skip: (key: string) => boolean = () => false,
): AsyncGenerator<ScanEvent> {
  const source = chunks[Symbol.asyncIterator]();
  try {
    yield* scanObject(new ByteWindow(source), skip);
  } finally {
    // A scan that ends early (the header found, a refusal, an error) stops its source, so a
    // Blob's stream is cancelled rather than left open with a read pending — which kept the
    // file's bytes held by the browser after every restore.
    try {
      await source.return?.();
    } catch {
      // Stopping a source that already failed: its error, if any, was the scan's.
    }
  }
}

async function* scanObject(input: ByteWindow, skip: (key: string) => boolean): AsyncGenerator<ScanEvent> {
  await input.skipByteOrderMark();
  if (!(await input.skipSpace())) throw input.error('empty-file', 'no JSON text');
  if (input.peek() !== 0x7b) throw input.error('not-object', 'the top level is not an object');
  input.advance(1);
  if (!(await input.skipSpace())) throw input.error('truncated-json', 'ends inside the top-level object');
  if (input.peek() === 0x7d) {
    input.advance(1);
    await expectEnd(input);
    return;
  }
  for (;;) {
    const key = await readKey(input);
    const skipped = skip(key);
    if (!(await input.skipSpace())) throw input.error('truncated-json', `ends after the key "${key}"`);
    if (input.peek() === 0x5b) {
      const offset = input.offset;
      input.advance(1);
      yield { kind: 'array-start', key, offset };
      let count = 0;
      if (!(await input.skipSpace())) throw input.error('truncated-json', `ends inside "${key}"`);
      if (input.peek() === 0x5d) input.advance(1);
      else {
        // Views into the buffer stay valid until it is refilled: the batch goes out before any wait.
        let batch: ScanElement[] = [];
        const flush = function* (): Generator<ScanEvent> {
          if (batch.length === 0) return;
          yield { kind: 'elements', key, items: batch, offset: (batch[0] as ScanElement).offset };
          batch = [];
        };
        for (;;) {
          const start = input.offset;
          const line = skipped ? null : input.lineValue();
          if (line === null) yield* flush();
          const bytes = line ? line.bytes : await readValue(input);
          if (!skipped) batch.push({ index: count, bytes, offset: start, text: line?.text, value: line?.value });
          count++;
          if (!input.skipSpaceBuffered()) {
            yield* flush();
            if (!(await input.skipSpace())) throw input.error('truncated-json', `ends inside "${key}"`);
          }
          const next = input.peek();
          input.advance(1);
          if (next === 0x5d) break;
          if (next !== 0x2c) throw input.error('not-json', `expected , or ] after row ${count} of "${key}"`, -1);
          if (!input.skipSpaceBuffered()) {
            yield* flush();
            if (!(await input.skipSpace())) throw input.error('truncated-json', `ends inside "${key}"`);
          }
        }
        yield* flush();
      }
      yield { kind: 'array-end', key, count };
    } else {
      const offset = input.offset;
      const bytes = await readValue(input);
      if (!skipped) yield { kind: 'value', key, bytes, offset };
    }
    if (!(await input.skipSpace())) throw input.error('truncated-json', 'ends before the top-level object closes');
    const next = input.peek();
    input.advance(1);
    if (next === 0x7d) break;
    if (next !== 0x2c) throw input.error('not-json', 'expected , or } between top-level sections', -1);
    if (!(await input.skipSpace())) throw input.error('truncated-json', 'ends before the top-level object closes');
  }
  await expectEnd(input);
}

/** Decodes a value's bytes (strict UTF-8) and parses it; throws ScanError-free errors the caller locates. */
export function parseJsonValue(bytes: Uint8Array): unknown {
  return JSON.parse(decoder.decode(bytes));
}

/** An element's parsed value: the one parsed already with its line, or parsed now. */
export function elementValue(element: ScanElement): unknown {
  return element.value !== undefined ? element.value : parseJsonValue(element.bytes);
}

async function expectEnd(input: ByteWindow): Promise<void> {
  if (await input.skipSpace()) throw input.error('not-json', 'something follows the end of the top-level object');
}

async function readKey(input: ByteWindow): Promise<string> {
  if (input.peek() !== QUOTE) throw input.error('not-json', 'expected a quoted key');
  const bytes = await readValue(input);
  const key = JSON.parse(decoder.decode(bytes)) as string;
  if (!(await input.skipSpace())) throw input.error('truncated-json', `ends after the key "${key}"`);
  if (input.peek() !== 0x3a) throw input.error('not-json', `expected : after the key "${key}"`);
  input.advance(1);
  return key;
}

/** The bytes of one complete JSON value starting at the window's position. */
async function readValue(input: ByteWindow): Promise<Uint8Array> {
  const first = input.peek();
  const isContainer = first === 0x7b || first === 0x5b;
  const isString = first === QUOTE;
  let resumeAt = isString ? 1 : 0;
  let depth = 0;
  let inString = false;
  for (;;) {
    const view = input.view();
    if (isContainer) {
      const end = scanContainer(view, resumeAt, depth, inString);
      if (typeof end === 'number') return input.take(end);
      ({ resumeAt, depth, inString } = end);
    } else {
      const end = isString ? scanString(view, resumeAt) : scanBare(view, resumeAt);
      if (end >= 0) return input.take(end);
      // Resume one byte back: a string's closing quote is judged by the backslashes before it.
      resumeAt = Math.max(isString ? 1 : 0, view.length - 1);
    }
    if (view.length > MAX_VALUE_BYTES)
      throw input.error('value-too-big', `a value larger than ${MAX_VALUE_BYTES} bytes`);
    if (!(await input.more())) throw input.error('truncated-json', 'ends inside a value');
  }
}

/** End (exclusive) of a string whose text goes on at `from` (just after its opening quote, or further in), or -1. */
function scanString(view: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    const quote = view.indexOf(QUOTE, i);
    if (quote < 0) return -1;
    let slashes = 0;
    while (view[quote - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Where scanning an unfinished object or array goes on: the offset, the depth, and whether inside a string. */
type Resume = { resumeAt: number; depth: number; inString: boolean };

/**
 * End of an object or array starting at 0, or where to resume. A string still open at the end of
 * the data is resumed where it was left (one byte back: its closing quote is judged by the
 * backslashes before it), never from its opening quote — a string growing chunk by chunk would
 * otherwise be searched again from its start each time, quadratic in its length.
 */
function scanContainer(view: Uint8Array, from: number, startDepth: number, startsInString: boolean): number | Resume {
  let depth = startDepth;
  let i = from;
  if (startsInString) {
    const end = scanString(view, from);
    if (end < 0) return { resumeAt: Math.max(from, view.length - 1), depth, inString: true };
    i = end;
  }
  while (i < view.length) {
    const b = view[i] as number;
    if (b === QUOTE) {
      const end = scanString(view, i + 1);
      if (end < 0) return { resumeAt: Math.max(i + 1, view.length - 1), depth, inString: true };
      i = end;
      continue;
    }
    if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return { resumeAt: i, depth, inString: false };
}

/** End of a number or literal (true, false, null) starting at `from`, or -1 at the end of data. */
function scanBare(view: Uint8Array, from: number): number {
  for (let i = Math.max(from, 0); i < view.length; i++) {
    const b = view[i];
    if (b === 0x2c || b === 0x5d || b === 0x7d || isSpace(b)) return i === 0 ? 1 : i;
  }
  return -1;
}
