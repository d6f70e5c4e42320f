/**
 * A SHA-256 worked out away from the thread that produces the bytes. A backup or a restore of
 * 100k rows produces ≈ 50 MB of canonical text in ≈ 1 s; hashing it where it is produced cost
 * ≈ 80–150 ms at the end (WebCrypto's digest runs on the calling thread and cannot stream). On
 * another core (the platform's helper worker) an incremental SHA-256 keeps up with the rows and
 * is done a moment after the last one. The core only knows this interface; where none is
 * given, or the helper fails, the text is hashed in the thread as before.
 */
export interface DigestOffload {
  /** Takes the next piece of the text; its buffer is handed over (the caller never touches it again). */
  update(piece: Uint8Array<ArrayBuffer>): void;
  /** The SHA-256 of every piece, in order; rejects when the helper could not work it out. */
  digest(): Promise<Uint8Array>;
  /** Drops the work (a refused file, a hasher that gave up). */
  cancel(): void;
}

/** Starts an offloaded digest, or gives null when none is available here. */
export type StartDigestOffload = () => DigestOffload | null;

/** The offloaded digest failed (the helper stopped or refused): nothing was hashed in its place. */
export class DigestUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `The checksum could not be computed off the thread: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'DigestUnavailableError';
  }
}
