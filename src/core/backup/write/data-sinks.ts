import { canonicalJson } from '../checksum/canonical-json';
import { encodeUtf8 } from '../format/encoding';
import { ENCRYPTED_SECTION, SEALED_CHUNKS_SECTION } from '../format/format';
import { MAX_BACKUP_BYTES, SEALED_CHUNK_BYTES } from '../format/limits';
import { ChunkSealer } from '../seal/stream-seal';
import { UnwritableRowError, type BackupInfo } from './written-file';

/** Where the writer's data part goes: plain text, or sealed chunk by chunk under a passphrase. */

/** Where the data part's bytes go: the file itself (plain or gzip) or the sealed chunks. */
export interface DataSink {
  /** Takes a batch of the data part's bytes (valid only during the call: copied if kept). */
  take(bytes: Uint8Array): void;
  /** Resolves when the sink has caught up with what it was given (between tables). */
  drain(): Promise<void>;
  finish(info: BackupInfo): Promise<Blob>;
}

/** A plain (or gzip) file: `backup_info` first, then the data part as written, in ≈ 4 MB Blob parts. */
export class PlainSink implements DataSink {
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
export class SealedSink implements DataSink {
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
