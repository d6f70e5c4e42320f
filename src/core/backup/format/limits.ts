import { MAX_NAME_LENGTH } from '../../names';

/**
 * Every limit of the backup format, in one place (docs/backup-format.md states them). The reader,
 * the writer and the restore all use these same numbers, so the writer never produces what the
 * reader refuses. They exist so that a hostile or broken file is refused with a message instead of
 * exhausting memory or time; the file itself is streamed, so its size is bounded only by what the
 * browser can hold.
 */

/** The most JSON text (bytes, after decompression) a backup may hold: 4 GiB, far past any browser database. */
export const MAX_BACKUP_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * A decompression bomb is refused early: the JSON text a compressed file inflates to (a `.json.gz`
 * file, or an encrypted file's sealed data) may be at most MAX_INFLATE_RATIO times the file's own
 * size — or INFLATE_ALLOWANCE_BYTES, whichever is larger, so a small file holding one very
 * repetitive value still reads — and never more than MAX_BACKUP_BYTES. Real backups compress far
 * less: the 1M-row bench file 29× (674 MB → 23 MB), tables whose every row is alike but for its id
 * 50–70×; gzip itself can reach ≈ 1030×.
 */
export const MAX_INFLATE_RATIO = 200;
export const INFLATE_ALLOWANCE_BYTES = 64 * 1024 * 1024;

/** The most JSON text a compressed file of `fileBytes` may inflate to (see MAX_INFLATE_RATIO). */
export function maxInflatedBytes(fileBytes: number): number {
  return Math.min(MAX_BACKUP_BYTES, Math.max(INFLATE_ALLOWANCE_BYTES, MAX_INFLATE_RATIO * fileBytes));
}

/**
 * What a file says about its own size (the gzip ISIZE trailer) only sizes buffers, and never
 * beyond this many times the file's real size: what real backups compress to (29× for the 1M-row
 * bench file, 36× for the tests' generated tables, up to 70× for tables whose rows are all alike),
 * so a damaged or crafted trailer cannot make the reader reserve memory the file cannot fill. A
 * file that does inflate further simply grows its buffers as it is read.
 */
export const SIZE_HINT_RATIO = 64;

/**
 * Files older than format 2.1 (and hand-edited ones) whose rows are not one per line still stream; one value may be at
 * most this large.
 */
export const MAX_VALUE_BYTES = 256 * 1024 * 1024;

/** Above this much JSON text the writer compresses the file (`.json.gz`). */
export const GZIP_ABOVE_BYTES = 256 * 1024 * 1024;

/** Brokerage and configuration names (the app's one name rule). */
export { MAX_NAME_LENGTH };

/** Ordinary text fields: file names, descriptions, error messages, session ids, URLs, keys. */
export const MAX_TEXT_LENGTH = 1_000_000;

/** Whole JSON documents kept as text: an upload's error log, a change's old/new mappings. */
export const MAX_DOCUMENT_LENGTH = 50_000_000;

/** Record counts (total/successful/failed) and row numbers above this are not believable. */
export const MAX_COUNT = 1e12;

/**
 * The one id range (2^52). Every id the app creates is one above the largest present, so no
 * sequence of writes, merges and restores in a browser can climb from here to 2^53, where
 * JavaScript numbers stop being exact (that would take 4.5 × 10^15 new rows).
 */
export const MAX_ID = 2 ** 52;

/** The one time range every reader, the database and the writer accept (ISO 8601 UTC, 4-digit years). */
export const MIN_TIME = '0001-01-01T00:00:00.000Z';
export const MAX_TIME = '9999-12-31T23:59:59.999Z';

/** Entries in one field_mappings object or one file_headers list. */
export const MAX_MAPPING_ENTRIES = 10_000;

/** How many located problems a refusal carries in full; the rest are only counted. */
export const MAX_PROBLEMS_SHOWN = 20;

/**
 * Accepted PBKDF2 iteration counts when decrypting (what we write: 600,000). The upper bound
 * caps the time a hostile file can make the reader spend before "wrong passphrase" (≈ 0.2 s).
 */
export const MIN_KDF_ITERATIONS = 100_000;
export const MAX_KDF_ITERATIONS = 1_000_000;

/** Nesting depth we follow when canonicalising `backup_info` for encryption. */
export const MAX_INFO_DEPTH = 16;

/** Plain bytes per sealed chunk of an encrypted 2.1 file. */
export const SEALED_CHUNK_BYTES = 1024 * 1024;
