import type { ActivityRow, ConfigurationRow, DataTables } from '../../db/rows';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { SecretsMode } from '../format/format';
import { canonicalText, sha256Hex } from '../checksum/canonical';
import { canonicalJson } from '../checksum/canonical-json';
import { concatBytes, encodeUtf8 } from '../format/encoding';
import { ACTIVITY_SECTION, ENCRYPTED_SECTION, FORMAT_NAME, FORMAT_VERSION, SECRET_CREDENTIAL_KEYS } from '../format/format';
import { MIN_KDF_ITERATIONS } from '../format/limits';
import { KDF_ITERATIONS, sealData } from '../seal/seal';

/**
 * Writes ff2api_backup files, format 2.0 (docs/backup-format.md). Pure: tables in, bytes out;
 * handing the bytes to the browser is the caller's business.
 */

export interface BackupInput {
  tables: DataTables;
  /** This browser's audit trail; written for the record, never restored. */
  activity: readonly ActivityRow[];
  /** ISO 8601 UTC. */
  createdAt: string;
  trigger: 'manual' | 'emergency' | 'pre-restore' | (string & {});
  appVersion: string;
  schemaVersion: number;
  secrets: SecretsMode;
  /** Required when secrets is 'encrypted'. */
  passphrase?: string;
  onProgress?: (fraction: number) => void;
  /** Tests only: fewer PBKDF2 iterations (still ≥ 100,000, what readers accept). */
  kdfIterationsForTests?: number;
}

export interface BuiltBackup {
  bytes: Uint8Array;
  counts: Record<DataTable, number>;
  /** SHA-256 hex of the canonical data sections, as written in backup_info. */
  checksum: string;
}

/** The clear header of every file we write. */
export interface BackupInfo {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  app_version: string;
  created_at: string;
  trigger: string;
  schema_version: number;
  counts: Record<DataTable, number>;
  checksum: { algorithm: 'SHA-256'; value: string };
  secrets: SecretsMode;
}

/** Builds a complete backup file: every row of every table, checksummed, optionally sealed. */
export async function buildBackupFile(input: BackupInput): Promise<BuiltBackup> {
  const progress = input.onProgress ?? (() => {});
  if (input.secrets === 'encrypted' && !input.passphrase) throw new Error('An encrypted backup needs a passphrase');
  const tables = input.secrets === 'omitted' ? withoutSecrets(input.tables) : input.tables;
  const counts = countTables(tables);

  // The canonical text is the file's data part, so each row is stringified exactly once.
  const canonicalBytes = encodeUtf8(canonicalText(tables));
  progress(0.5);
  const checksum = await sha256Hex(canonicalBytes);
  progress(0.75);

  const info: BackupInfo = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    app_version: input.appVersion,
    created_at: input.createdAt,
    trigger: input.trigger,
    schema_version: input.schemaVersion,
    counts,
    checksum: { algorithm: 'SHA-256', value: checksum },
    secrets: input.secrets,
  };
  const activityPart = serializeActivity(input.activity);
  const inner = canonicalBytes.subarray(1, canonicalBytes.length - 1);

  let bytes: Uint8Array;
  if (input.secrets === 'encrypted') {
    const plaintext = concatBytes([encodeUtf8('{'), inner, encodeUtf8(`,\n${activityPart}}`)]);
    const iterations = Math.max(MIN_KDF_ITERATIONS, input.kdfIterationsForTests ?? KDF_ITERATIONS);
    const sealed = await sealData(plaintext, input.passphrase ?? '', encodeUtf8(canonicalJson(info) ?? ''), iterations);
    bytes = encodeUtf8(`{"backup_info":${JSON.stringify(info)},\n${JSON.stringify(ENCRYPTED_SECTION)}:${JSON.stringify(sealed)}}\n`);
  } else {
    bytes = concatBytes([encodeUtf8(`{"backup_info":${JSON.stringify(info)},\n`), inner, encodeUtf8(`,\n${activityPart}}\n`)]);
  }
  progress(1);
  return { bytes, counts, checksum };
}

/** Rows per table. */
function countTables(tables: DataTables): Record<DataTable, number> {
  const counts = {} as Record<DataTable, number>;
  for (const table of DATA_TABLES) counts[table] = tables[table].length;
  return counts;
}

/**
 * The tables with API keys and bearer tokens removed. Every configuration in such a file needs
 * credentials after a restore, and says so itself (needs_credentials = 1), so the file's
 * checksum covers exactly what a restore will store.
 */
function withoutSecrets(tables: DataTables): DataTables {
  return { ...tables, brokerage_configurations: tables.brokerage_configurations.map(redactConfiguration) };
}

/** One configuration without secrets (the base URL stays). */
function redactConfiguration(row: ConfigurationRow): ConfigurationRow {
  const credentials: unknown = JSON.parse(row.api_credentials);
  const kept: Record<string, unknown> = {};
  if (credentials !== null && typeof credentials === 'object' && !Array.isArray(credentials)) {
    for (const [key, value] of Object.entries(credentials)) {
      if (!(SECRET_CREDENTIAL_KEYS as readonly string[]).includes(key)) kept[key] = value;
    }
  }
  return { ...row, api_credentials: JSON.stringify(kept), bearer_token: null, needs_credentials: 1 };
}

/** `"activity_log":[…]`, keys in the table's column order. */
function serializeActivity(rows: readonly ActivityRow[]): string {
  const entries = rows.map((row) => ({ id: row.id, at: row.at, kind: row.kind, summary: row.summary, details: row.details ?? null }));
  return `${JSON.stringify(ACTIVITY_SECTION)}:${JSON.stringify(entries)}`;
}
