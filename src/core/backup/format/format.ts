import type { DataTables } from '../../db/rows';
import type { DataTable } from '../../db/schema';

/**
 * Names and constants of the ff2api_backup file format (docs/backup-format.md). Our files keep
 * the original FF2API's top-level keys and row key names, so its import still reads their core.
 */

/** How a file holds API keys and bearer tokens: as they are, sealed with a passphrase, or not at all. */
export type SecretsMode = 'plain' | 'encrypted' | 'omitted';

/** `backup_info.format` of every file FF2API Web writes. */
export const FORMAT_NAME = 'ff2api_backup';

/**
 * The format version this build writes (one row per line, streamed; header and activity log
 * certified by the file checksum). Readers accept 2.x and refuse 3.x and later.
 */
export const FORMAT_VERSION = '2.2';
export const FORMAT_MAJOR = 2;
/** From this 2.x minor version on, `backup_info.file_checksum` is required (older files lack it). */
export const FILE_CHECKSUM_SINCE_MINOR = 2;

/**
 * `backup_info`, the clear header of a 2.x file: `version` is any 2.x as read, the one we write
 * (FORMAT_VERSION) as written.
 */
export interface BackupInfoHeader<Version extends string = string> {
  format: typeof FORMAT_NAME;
  version: Version;
  app_version: string;
  created_at: string;
  trigger: string;
  schema_version: number;
  counts: Record<DataTable, number>;
  checksum: { algorithm: 'SHA-256'; value: string };
  /** 2.2 and later: covers this header and the activity log (checksum/file-checksum.ts). */
  file_checksum?: { algorithm: 'SHA-256'; value: string };
  secrets: SecretsMode;
}

/** The key of this browser's audit trail in a file: informational, never restored. */
export const ACTIVITY_SECTION = 'activity_log';

/** The key holding the sealed data part of an encrypted file (2.1: its parameters only). */
export const ENCRYPTED_SECTION = 'encrypted';

/** 2.1 encrypted files: the sealed chunks of the data part, one base64 string per line. */
export const SEALED_CHUNKS_SECTION = 'sealed_chunks';

/**
 * Columns stored as JSON text that appear in a file as the JSON value itself (objects for
 * mappings and credentials, arrays for headers). Every other column is written as stored.
 */
export const JSON_COLUMNS: { readonly [T in DataTable]: readonly (keyof DataTables[T][number])[] } = {
  brokerages: [],
  brokerage_configurations: ['field_mappings', 'api_credentials', 'file_headers'],
  upload_history: ['file_headers'],
  processing_errors: [],
  configuration_changes: [],
};

/** The credential keys removed when a backup is written with secrets omitted. */
export const SECRET_CREDENTIAL_KEYS = ['api_key', 'bearer_token'] as const;

/** The API address the original used when a configuration had none. */
export const DEFAULT_BASE_URL = 'https://api.prod.goaugment.com';

/** Which kind of file a reader recognised. */
export type BackupShape = 'ff2api-web-2' | 'ff2api-1.0' | 'ff2api-export' | 'database';
