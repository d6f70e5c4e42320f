import { MAX_NAME_LENGTH } from '../../names';

/**
 * Every limit the backup reader enforces, in one place (docs/backup-format.md states them).
 * They are far above what the app itself writes; they exist so that a hostile or broken file
 * is refused with a message instead of exhausting memory.
 */

/** The largest backup file we read (the restore panel states it). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** Brokerage and configuration names (the app's one name rule). */
export { MAX_NAME_LENGTH };

/** Ordinary text fields: file names, descriptions, error messages, session ids, URLs, keys. */
export const MAX_TEXT_LENGTH = 1_000_000;

/** Whole JSON documents kept as text: an upload's error log, a change's old/new mappings. */
export const MAX_DOCUMENT_LENGTH = 50_000_000;

/** Record counts (total/successful/failed) and row numbers above this are not believable. */
export const MAX_COUNT = 1e12;

/** Entries in one field_mappings object or one file_headers list. */
export const MAX_MAPPING_ENTRIES = 10_000;

/** How many located problems a refusal carries in full; the rest are only counted. */
export const MAX_PROBLEMS_SHOWN = 20;

/** Accepted PBKDF2 iteration counts when decrypting (what we write: 600,000). */
export const MIN_KDF_ITERATIONS = 100_000;
export const MAX_KDF_ITERATIONS = 10_000_000;

/** Nesting depth we follow when canonicalising `backup_info` for encryption. */
export const MAX_INFO_DEPTH = 16;
