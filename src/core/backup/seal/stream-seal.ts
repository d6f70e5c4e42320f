import { bytesToBase64, concatBytes, encodeUtf8, type Bytes } from '../format/encoding';
import { IV_BYTES, SALT_BYTES, deriveKey } from './seal';

/**
 * Chunked encryption for format 2.1, so an encrypted backup of any size streams: the gzip of the
 * data part is cut into chunks, each sealed with AES-GCM under one key. Chunk i uses the file's
 * IV with its last four bytes XOR i (a distinct nonce per chunk), and its additional data says
 * i and whether it is the last chunk; the last chunk also binds the clear `backup_info` (known
 * only once every row is written, since it holds the checksum). Reordered, dropped, repeated or
 * appended chunks, a cut-off file and an edited header all fail like a wrong passphrase.
 */

/** The additional data of chunk `index`. */
export function chunkAdditionalData(index: number, isLast: boolean, header: Bytes | null): Bytes {
  const prefix = encodeUtf8(`ff2api-sealed-chunk:${index}:${isLast ? 'last' : 'more'}:`);
  return isLast && header ? concatBytes([prefix, header]) : prefix;
}

/** The nonce of chunk `index`: the IV with its last 4 bytes XOR the index. */
export function chunkNonce(iv: Bytes, index: number): Bytes {
  const nonce = new Uint8Array(iv);
  const at = IV_BYTES - 4;
  const mixed =
    (((nonce[at] as number) << 24) |
      ((nonce[at + 1] as number) << 16) |
      ((nonce[at + 2] as number) << 8) |
      (nonce[at + 3] as number)) ^
    index;
  nonce[at] = (mixed >>> 24) & 0xff;
  nonce[at + 1] = (mixed >>> 16) & 0xff;
  nonce[at + 2] = (mixed >>> 8) & 0xff;
  nonce[at + 3] = mixed & 0xff;
  return nonce;
}

/** Seals chunks as they come; the caller passes the header with the last one. */
export class ChunkSealer {
  private index = 0;

  private constructor(
    private readonly key: CryptoKey,
    readonly parameters: { iterations: number; salt: string; iv: string },
    private readonly iv: Bytes,
  ) {}

  /** A sealer with a fresh salt and IV. */
  static async create(passphrase: string, iterations: number): Promise<ChunkSealer> {
    const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const key = await deriveKey(passphrase, salt, iterations);
    return new ChunkSealer(key, { iterations, salt: bytesToBase64(salt), iv: bytesToBase64(iv) }, iv);
  }

  /** The next chunk, sealed, as base64. */
  async seal(plain: Bytes, isLast: boolean, header: Bytes | null): Promise<string> {
    const index = this.index++;
    const sealed = await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: chunkNonce(this.iv, index), additionalData: chunkAdditionalData(index, isLast, header) },
      this.key,
      plain,
    );
    return bytesToBase64(new Uint8Array(sealed));
  }
}

/** Opens sealed chunks in order; 'wrong' for a wrong passphrase or any change. */
export class ChunkOpener {
  private index = 0;

  constructor(
    private readonly key: CryptoKey,
    private readonly iv: Bytes,
  ) {}

  /** The next chunk's plain bytes, or 'wrong'. */
  async open(sealed: Bytes, isLast: boolean, header: Bytes): Promise<Bytes | 'wrong'> {
    const index = this.index++;
    try {
      const plain = await globalThis.crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: chunkNonce(this.iv, index), additionalData: chunkAdditionalData(index, isLast, header) },
        this.key,
        sealed,
      );
      return new Uint8Array(plain);
    } catch {
      return 'wrong';
    }
  }
}
