import { ScanError } from './scan-error';

export const QUOTE = 0x22;
export const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
export const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The longest line tried as one element (format 2.1's row on a line of its own); longer ones are followed byte by byte.
 */
const LINE_BYTES = 1 << 20;

/**
 * The unread bytes of the stream in one growing buffer (doubling, so a large value costs linear
 * copying), refilled chunk by chunk, with the absolute offset and the line for messages.
 */
export class ByteWindow {
  private buffer = new Uint8Array(1 << 16);
  private position = 0;
  private filled = 0;
  private consumed = 0;
  /** The line of the position (for messages), counted as white space and values are passed. */
  private lines = 1;
  private isDone = false;
  /**
   * The buffer's lines from `linesFrom` to `linesTo`, decoded with one call when they are all
   * ASCII (then a character's index is its byte's); null: decode each line on its own. Decoding a
   * few hundred bytes costs more in the call than in the work, and rows are mostly ASCII.
   */
  private linesText: string | null = null;
  private linesFrom = 0;
  private linesTo = 0;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  get offset(): number {
    return this.consumed + this.position;
  }

  peek(): number | undefined {
    return this.position < this.filled ? this.buffer[this.position] : undefined;
  }

  advance(n: number): void {
    this.position += n;
  }

  view(): Uint8Array {
    return this.buffer.subarray(this.position, this.filled);
  }

  /**
   * The value at the position when it starts a line with `{` or `"` and fills the rest of that line
   * up to an optional comma, parsed; null otherwise (then the structure is followed).
   */
  lineValue(): { bytes: Uint8Array; text: string; value: unknown } | null {
    const buffer = this.buffer;
    const from = this.position;
    const first = buffer[from];
    if (from === 0 || buffer[from - 1] !== 0x0a || (first !== 0x7b && first !== QUOTE)) return null;
    const end = buffer.indexOf(0x0a, from);
    if (end < 0 || end >= this.filled || end - from > LINE_BYTES) return null;
    let last = end - 1;
    while (last > from && isSpace(buffer[last])) last--;
    if (buffer[last] === 0x2c) {
      last--;
      while (last > from && isSpace(buffer[last])) last--;
    }
    const bytes = buffer.subarray(from, last + 1);
    let text: string;
    let value: unknown;
    try {
      text = this.asciiLine(from, last + 1) ?? decoder.decode(bytes);
      value = JSON.parse(text);
    } catch {
      return null;
    }
    this.position = last + 1;
    return { bytes, text, value };
  }

  /** The text of bytes [from, to) when they lie in a decoded ASCII run of lines (decoded here as needed), else null. */
  private asciiLine(from: number, to: number): string | null {
    if (from < this.linesFrom || to > this.linesTo) {
      const end = this.buffer.lastIndexOf(0x0a, this.filled - 1);
      this.linesFrom = from;
      this.linesTo = Math.max(end, to);
      this.linesText = null;
      try {
        const text = decoder.decode(this.buffer.subarray(from, this.linesTo));
        if (text.length === this.linesTo - from) this.linesText = text;
      } catch {
        // Not UTF-8 somewhere: each line is decoded (and refused) on its own.
      }
    }
    const text = this.linesText;
    return text === null ? null : text.slice(from - this.linesFrom, to - this.linesFrom);
  }

  /** Hands out `length` bytes from the position (a view) and moves past them. */
  take(length: number): Uint8Array {
    const bytes = this.buffer.subarray(this.position, this.position + length);
    this.position += length;
    this.lines += countNewlines(bytes);
    return bytes;
  }

  async skipByteOrderMark(): Promise<void> {
    while (this.filled < 3 && (await this.more()));
    if (this.buffer[0] === 0xef && this.buffer[1] === 0xbb && this.buffer[2] === 0xbf) this.position = 3;
  }

  /** Skips white space; false when the stream ended first. */
  async skipSpace(): Promise<boolean> {
    for (;;) {
      if (this.skipSpaceBuffered()) return true;
      if (!(await this.more())) return false;
    }
  }

  /** Skips the white space the buffer holds; true when a byte that is not white space follows (no wait). */
  skipSpaceBuffered(): boolean {
    for (
      let b = this.buffer[this.position];
      this.position < this.filled && isSpace(b);
      b = this.buffer[++this.position]
    ) {
      if (b === 0x0a) this.lines++;
    }
    return this.position < this.filled;
  }

  /** Appends the next chunk (dropping what was read when that makes room); false at the end. */
  async more(): Promise<boolean> {
    if (this.isDone) return false;
    const chunk = await this.source.next();
    if (chunk.done === true) {
      this.isDone = true;
      return false;
    }
    const value = chunk.value;
    const rest = this.filled - this.position;
    if (this.filled + value.length > this.buffer.length) {
      const capacity = Math.max(this.buffer.length, (rest + value.length) * 2);
      const next = capacity === this.buffer.length ? this.buffer : new Uint8Array(capacity);
      if (next === this.buffer) this.buffer.copyWithin(0, this.position, this.filled);
      else next.set(this.buffer.subarray(this.position, this.filled), 0);
      this.buffer = next;
      this.linesFrom = this.linesTo = 0;
      this.linesText = null;
      this.consumed += this.position;
      this.position = 0;
      this.filled = rest;
    }
    this.buffer.set(value, this.filled);
    this.filled += value.length;
    return true;
  }

  error(code: ScanError['code'], detail: string, back = 0): ScanError {
    const line = this.lines;
    return new ScanError(code, this.offset + back, line, detail);
  }
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) count++;
  return count;
}
