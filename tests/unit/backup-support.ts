import type { DataTables } from '../../src/core/db/rows';
import { insertRows } from '../../src/core/db/tables';
import { openDatabase } from '../../src/core/db/open';
import { inTransaction } from '../../src/core/db/transaction';
import { DATA_TABLES } from '../../src/core/db/schema';
import type { Database, SqlJsStatic } from '../../src/core/db/sql-types';
import { readFileSync } from 'node:fs';
import type { ActivityRow } from '../../src/core/db/rows';
import { SCHEMA_VERSION } from '../../src/core/db/schema';
import { readAllTables } from '../../src/core/db/tables';
import { readAllActivity } from '../../src/core/db/activity';
import type { AppError } from '../../src/core/result';
import { writeBackupFile, type BackupWriteOptions } from '../../src/core/backup/write/write';
import { loadBackup, type Candidate } from '../../src/core/backup/load/load-backup';
import type { LockedBackup, ReadOptions } from '../../src/core/backup/read/parsed';
import { loadSqlJs } from '../support/sqljs';
import { fileURLToPath } from 'node:url';

/** Shared helpers for the backup tests: sample tables, fixture files, databases. */

const FIXTURES = fileURLToPath(new URL('../fixtures/backups/', import.meta.url));

/** The bytes of a fixture file under tests/fixtures/backups/. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

/** Text as UTF-8 bytes. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Bytes as text. */
export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/**
 * A small database's worth of rows with every column set to something other than its default
 * (non-null optional columns, flags flipped, versions bumped, punctuation and non-ASCII in names),
 * so a round trip that drops or alters any column fails.
 */
export function sampleTables(): DataTables {
  return {
    brokerages: [
      {
        id: 3,
        name: 'Acme, Inc.',
        created_at: '2026-01-02T03:04:05.006Z',
        updated_at: '2026-02-03T04:05:06.007Z',
        is_active: 0,
      },
      {
        id: 7,
        name: 'Beta Freight',
        created_at: '2026-01-05T00:00:00.000Z',
        updated_at: '2026-01-05T00:00:00.000Z',
        is_active: 1,
      },
      {
        id: 9,
        name: 'Zürich Logistik “Nord”',
        created_at: '2026-03-01T12:00:00.000Z',
        updated_at: '2026-03-01T12:00:00.000Z',
        is_active: 1,
      },
    ],
    brokerage_configurations: [
      {
        id: 11,
        brokerage_name: 'Acme, Inc.',
        configuration_name: 'Main (v2)',
        field_mappings: JSON.stringify({
          'load.loadNumber': 'load_#',
          'load.mode': 'MANUAL_VALUE:FTL',
          _status: 'draft',
          'load.rateType': 'DEFAULT_VALUE:SPOT',
          '10': 'ten',
          '2': 'two',
        }),
        api_credentials: JSON.stringify({ base_url: 'https://api.example.com', api_key: 'K-1\u00e9"\\' }),
        auth_type: 'api_key',
        bearer_token: null,
        file_headers: JSON.stringify(['load_#', 'mode', 'ünïcode']),
        created_at: '2026-01-02T03:04:05.006Z',
        updated_at: '2026-04-01T10:00:00.500Z',
        last_used_at: '2026-04-02T11:00:00.000Z',
        version: 4,
        is_active: 0,
        description: 'Line one\nline two\t"quoted"',
        needs_credentials: 0,
      },
      {
        id: 12,
        brokerage_name: 'Beta Freight',
        configuration_name: 'Bearer',
        field_mappings: JSON.stringify({}),
        api_credentials: JSON.stringify({ base_url: 'https://api.prod.goaugment.com' }),
        auth_type: 'bearer_token',
        bearer_token: 'tok-123',
        file_headers: null,
        created_at: '2026-01-05T00:00:00.000Z',
        updated_at: '2026-01-06T00:00:00.000Z',
        last_used_at: null,
        version: 1,
        is_active: 1,
        description: null,
        needs_credentials: 1,
      },
    ],
    upload_history: [
      {
        id: 101,
        brokerage_name: 'Acme, Inc.',
        configuration_name: 'Main (v2)',
        filename: 'loads 2026-04.csv',
        total_records: 10,
        successful_records: 7,
        failed_records: 3,
        error_log: JSON.stringify([
          { success: false, error: 'Bad request: x', status_code: 400, row_index: 2, load_number: 'L2' },
        ]),
        processing_time_seconds: 12.75,
        file_headers: JSON.stringify(['load_#', 'mode']),
        upload_timestamp: '2026-04-02T11:00:00.000Z',
        session_id: '854492a1-7cfc-4187-99d6-6251994d268d',
        timestamp_unknown: 1,
      },
      {
        id: 102,
        brokerage_name: 'Gone Brokerage',
        configuration_name: null,
        filename: 'old.csv',
        total_records: 0,
        successful_records: 0,
        failed_records: 0,
        error_log: null,
        processing_time_seconds: null,
        file_headers: null,
        upload_timestamp: '2026-04-03T00:00:00.000Z',
        session_id: null,
        timestamp_unknown: 0,
      },
    ],
    processing_errors: [
      {
        id: 501,
        upload_history_id: 101,
        row_number: 3,
        field_name: 'api_submission',
        error_type: 'api_error',
        error_message: 'Bad request',
        suggested_fix: 'Review API response and data format',
        original_value: "{'a': 1}",
        expected_format: 'Valid API payload',
        created_at: '2026-04-02T11:00:01.000Z',
      },
      {
        id: 502,
        upload_history_id: null,
        row_number: null,
        field_name: null,
        error_type: null,
        error_message: null,
        suggested_fix: null,
        original_value: null,
        expected_format: null,
        created_at: '2026-04-02T11:00:02.000Z',
      },
    ],
    configuration_changes: [
      {
        id: 901,
        configuration_id: 11,
        change_type: 'updated',
        change_description: 'Mapped load number',
        old_value: JSON.stringify({}),
        new_value: JSON.stringify({ 'load.loadNumber': 'load_#' }),
        changed_by: 'ana',
        changed_at: '2026-04-01T10:00:00.500Z',
      },
      {
        id: 902,
        configuration_id: null,
        change_type: 'created',
        change_description: null,
        old_value: null,
        new_value: null,
        changed_by: null,
        changed_at: '2026-01-01T00:00:00.000Z',
      },
    ],
  };
}

/** An empty set of tables. */
export function emptyTables(): DataTables {
  return {
    brokerages: [],
    brokerage_configurations: [],
    upload_history: [],
    processing_errors: [],
    configuration_changes: [],
  };
}

/** A fresh database holding `tables`. */
export function databaseWith(SQL: SqlJsStatic, tables: DataTables): Database {
  const db = openDatabase(SQL);
  inTransaction(db, () => {
    for (const table of DATA_TABLES) insertRows(db, table, tables[table]);
  });
  return db;
}

/**
 * Deterministic large tables like docs/performance.md's benchmark: 200 configurations with 30-key mappings,
 * `uploads` history rows, 20 % of them with an error log and two processing errors.
 */
export function largeTables(uploads: number): DataTables {
  const tables = emptyTables();
  for (let b = 1; b <= 20; b++) {
    tables.brokerages.push({
      id: b,
      name: `Brokerage ${b}`,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      is_active: 1,
    });
  }
  const mappings = JSON.stringify(
    Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`load.field${i}`, `column_${i}`])),
  );
  const headers = JSON.stringify(Array.from({ length: 30 }, (_, i) => `column_${i}`));
  const uploadHeaders = JSON.stringify([
    'load_#',
    'mode',
    'origin',
    'destination',
    'pickup',
    'delivery',
    'weight',
    'rate',
  ]);
  for (let c = 1; c <= 200; c++) {
    tables.brokerage_configurations.push({
      id: c,
      brokerage_name: `Brokerage ${((c - 1) % 20) + 1}`,
      configuration_name: `Config ${c}`,
      field_mappings: mappings,
      api_credentials: JSON.stringify({ base_url: 'https://api.prod.goaugment.com', api_key: `key-${c}` }),
      auth_type: 'api_key',
      bearer_token: null,
      file_headers: headers,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-02T00:00:00.000Z',
      last_used_at: '2026-01-03T00:00:00.000Z',
      version: 2,
      is_active: 1,
      description: '',
      needs_credentials: 0,
    });
  }
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  for (let u = 1; u <= uploads; u++) {
    const hasErrors = u % 5 === 0;
    const config = ((u - 1) % 200) + 1;
    tables.upload_history.push({
      id: u,
      brokerage_name: `Brokerage ${((config - 1) % 20) + 1}`,
      configuration_name: `Config ${config}`,
      filename: `loads_${u}.csv`,
      total_records: 120,
      successful_records: hasErrors ? 118 : 120,
      failed_records: hasErrors ? 2 : 0,
      error_log: hasErrors
        ? JSON.stringify([
            {
              success: false,
              error: 'Validation error: load.mode is required',
              status_code: 422,
              row_index: 4,
              load_number: `L${u}-4`,
            },
            { success: false, error: 'Bad request: date', status_code: 400, row_index: 9, load_number: `L${u}-9` },
          ])
        : null,
      processing_time_seconds: 3.25,
      file_headers: uploadHeaders,
      upload_timestamp: new Date(start + u * 60_000).toISOString(),
      session_id: `00000000-0000-4000-8000-${String(u).padStart(12, '0')}`,
      timestamp_unknown: 0,
    });
    if (hasErrors) {
      for (const row of [4, 9]) {
        tables.processing_errors.push({
          id: tables.processing_errors.length + 1,
          upload_history_id: u,
          row_number: row,
          field_name: 'api_submission',
          error_type: 'api_error',
          error_message: 'Validation error',
          suggested_fix: 'Review API response and data format',
          original_value: `{"loadNumber":"L${u}-${row}"}`,
          expected_format: 'Valid API payload',
          created_at: new Date(start + u * 60_000).toISOString(),
        });
      }
    }
  }
  return tables;
}

/** Options for writing sample tables as a backup file in tests. */
export type TestWriteOptions = Partial<BackupWriteOptions> & { activity?: ActivityRow[] };

/** Writes `tables` (in a fresh database) as a backup file and returns its bytes and facts. */
export async function writeTables(
  tables: DataTables,
  options: TestWriteOptions = {},
): Promise<{ bytes: Uint8Array; checksum: string; counts: Record<string, number>; isGzip: boolean }> {
  const SQL = await loadSqlJs();
  const db = databaseWith(SQL, tables);
  try {
    const written = await writeBackupFile(db, options.activity ?? [], {
      createdAt: '2026-11-22T17:00:03.120Z',
      trigger: 'manual',
      appVersion: 'FF2API Web test',
      schemaVersion: SCHEMA_VERSION,
      secrets: 'plain',
      ...options,
    });
    return {
      bytes: new Uint8Array(await written.blob.arrayBuffer()),
      checksum: written.checksum,
      counts: written.counts,
      isGzip: written.isGzip,
    };
  } finally {
    db.close();
  }
}

/** What tests read from a file: the old reader's result shape, tables read back from the candidate database. */
export type TestRead =
  | {
      ok: true;
      backup: {
        tables: DataTables;
        warnings: Candidate['warnings'];
        checksum: string;
        shape: string;
        shapeLabel: string;
        createdAt: string | null;
        secrets: string;
        fileCounts: Record<string, number>;
        activity: ActivityRow[];
      };
    }
  | { ok: true; locked: LockedBackup }
  | { ok: false; error: AppError };

/** Reads a file the way the app does (loadBackup into a scratch database) and returns its rows. */
export async function readFile(bytes: Uint8Array | Blob, options: ReadOptions = {}): Promise<TestRead> {
  const SQL = await loadSqlJs();
  const result = await loadBackup(SQL, bytes, { now: '2026-11-22T08:00:00.000Z', ...options });
  if (!result.ok || 'locked' in result) return result;
  const { candidate } = result;
  try {
    const { db, ...facts } = candidate;
    return {
      ok: true,
      backup: { ...facts, tables: readAllTables(db), fileCounts: candidate.counts, activity: readAllActivity(db) },
    };
  } finally {
    candidate.db.close();
  }
}

/** The old writer's input, for tests written against it: tables in, file bytes out. */
export interface BackupInput extends BackupWriteOptions {
  tables: DataTables;
  activity: readonly ActivityRow[];
}

/** Writes a file of `input.tables` through the real writer (in a fresh database). */
export async function buildBackupFile(
  input: BackupInput,
): Promise<{ bytes: Uint8Array; checksum: string; counts: Record<string, number> }> {
  const { tables, activity, ...options } = input;
  return writeTables(tables, { ...options, activity: [...activity] });
}

/** Reads a file the app's way (see readFile). */
export const readBackupFile = readFile;

/** A file read by the app, as tests inspect it. */
export type ParsedBackup = Extract<TestRead, { backup: unknown }>['backup'];
