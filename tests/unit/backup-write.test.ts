import { describe, expect, it } from 'vitest';
import { computeChecksum } from '../../src/core/backup/checksum/canonical';
import { readBackupFile } from './backup-support';
import { buildBackupFile, type BackupInput } from './backup-support';
import { TABLE_COLUMNS, type ActivityRow, type DataTables } from '../../src/core/db/rows';
import { DATA_TABLES, SCHEMA_VERSION } from '../../src/core/db/schema';
import { readAllTables } from '../../src/core/db/tables';
import { loadSqlJs } from '../support/sqljs';
import { databaseWith, fixtureBytes, sampleTables, text } from './backup-support';

const ACTIVITY: ActivityRow[] = [
  {
    id: 1,
    at: '2026-11-22T16:00:00.000Z',
    kind: 'backup',
    summary: 'Backup downloaded: ff2api_backup_20261122_170000.json',
    details: '{"fileName":"ff2api_backup_20261122_170000.json"}',
  },
];

function input(tables: DataTables, overrides: Partial<BackupInput> = {}): BackupInput {
  return {
    tables,
    activity: ACTIVITY,
    createdAt: '2026-11-22T17:00:03.120Z',
    trigger: 'manual',
    appVersion: 'FF2API Web 0.1.0',
    schemaVersion: SCHEMA_VERSION,
    secrets: 'plain',
    ...overrides,
  };
}

describe('buildBackupFile', () => {
  it('round-trips a real database exactly, every column of every table', async () => {
    const SQL = await loadSqlJs();
    const db = databaseWith(SQL, sampleTables());
    const stored = readAllTables(db);
    db.close();

    const built = await buildBackupFile(input(stored));
    const read = await readBackupFile(built.bytes);

    expect(read.ok && 'backup' in read).toBe(true);
    if (!read.ok || !('backup' in read)) return;
    expect(read.backup.tables).toEqual(stored);
    expect(read.backup.checksum).toBe(built.checksum);
    expect(read.backup.shapeLabel).toBe('FF2API Web backup 2.2');
    // Both checksums certify it: no warning about what could not be checked.
    expect(read.backup.warnings).toEqual([]);
    expect(built.counts).toEqual({
      brokerages: 3,
      brokerage_configurations: 2,
      upload_history: 2,
      processing_errors: 2,
      configuration_changes: 2,
    });
  });

  it('writes the documented layout: backup_info first, the original key names, JSON columns as values', async () => {
    const built = await buildBackupFile(input(sampleTables()));
    const file = JSON.parse(text(built.bytes)) as Record<string, unknown[]> & { backup_info: Record<string, unknown> };

    expect(Object.keys(file)).toEqual(['backup_info', ...DATA_TABLES, 'activity_log']);
    expect(file.backup_info).toEqual({
      format: 'ff2api_backup',
      version: '2.2',
      app_version: 'FF2API Web 0.1.0',
      created_at: '2026-11-22T17:00:03.120Z',
      trigger: 'manual',
      schema_version: SCHEMA_VERSION,
      counts: built.counts,
      checksum: { algorithm: 'SHA-256', value: built.checksum },
      secrets: 'plain',
      file_checksum: { algorithm: 'SHA-256', value: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    for (const table of DATA_TABLES) {
      for (const row of file[table] as Record<string, unknown>[])
        expect(Object.keys(row)).toEqual(TABLE_COLUMNS[table]);
    }
    const [config] = file.brokerage_configurations as Record<string, unknown>[];
    expect(config?.field_mappings).toEqual({
      'load.loadNumber': 'load_#',
      'load.mode': 'MANUAL_VALUE:FTL',
      _status: 'draft',
      'load.rateType': 'DEFAULT_VALUE:SPOT',
      '10': 'ten',
      '2': 'two',
    });
    expect(config?.api_credentials).toEqual({ base_url: 'https://api.example.com', api_key: 'K-1\u00e9"\\' });
    expect(config?.file_headers).toEqual(['load_#', 'mode', 'ünïcode']);
    expect(config?.is_active).toBe(0);
    const [upload] = file.upload_history as Record<string, unknown>[];
    expect(typeof upload?.error_log).toBe('string');
    expect(upload?.file_headers).toEqual(['load_#', 'mode']);
    expect(upload?.timestamp_unknown).toBe(1);
    expect(file.activity_log).toEqual([
      { id: 1, at: ACTIVITY[0]?.at, kind: 'backup', summary: ACTIVITY[0]?.summary, details: ACTIVITY[0]?.details },
    ]);
  });

  it('writes byte for byte the committed 2.2 sample, one row per line (the format does not drift unnoticed)', async () => {
    // The sample was written at schema version 3: the file format, not the schema's number, must not drift.
    const built = await buildBackupFile(input(sampleTables(), { schemaVersion: 3 }));
    expect(text(built.bytes)).toBe(text(fixtureBytes('ours-2.2-plain.json')));
    const lines = text(built.bytes).split('\n');
    expect(lines.filter((line) => line.startsWith('{"id":'))).toHaveLength(3 + 2 + 2 + 2 + 2 + 1);
  });

  it('still reads the 2.0 sample, written before rows had lines of their own', async () => {
    const read = await readBackupFile(fixtureBytes('ours-2.0-plain.json'));
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.tables).toEqual(sampleTables());
    expect(read.backup.shapeLabel).toBe('FF2API Web backup 2.0');
  });

  it('keeps every key the original FF2API import reads, so it can still read our files', async () => {
    const built = await buildBackupFile(input(sampleTables()));
    const file = JSON.parse(text(built.bytes)) as Record<string, Record<string, unknown>[]>;
    for (const config of file.brokerage_configurations ?? []) {
      for (const key of [
        'brokerage_name',
        'configuration_name',
        'field_mappings',
        'api_credentials',
        'auth_type',
        'bearer_token',
        'description',
      ]) {
        expect(config).toHaveProperty(key);
      }
      expect(typeof config.field_mappings).toBe('object');
    }
    for (const upload of file.upload_history ?? []) {
      for (const key of [
        'brokerage_name',
        'filename',
        'total_records',
        'successful_records',
        'failed_records',
        'error_log',
        'upload_timestamp',
      ]) {
        expect(upload).toHaveProperty(key);
      }
    }
  });

  it('with secrets omitted, writes no API key or token and marks every configuration as needing credentials', async () => {
    const built = await buildBackupFile(input(sampleTables(), { secrets: 'omitted' }));
    const content = text(built.bytes);
    expect(content).not.toContain('K-1');
    expect(content).not.toContain('tok-123');
    expect(content).not.toContain('"api_key":');

    const read = await readBackupFile(built.bytes);
    if (!read.ok || !('backup' in read)) throw new Error('expected a backup');
    expect(read.backup.secrets).toBe('omitted');
    expect(
      read.backup.tables.brokerage_configurations.map((c) => [c.api_credentials, c.bearer_token, c.needs_credentials]),
    ).toEqual([
      ['{"base_url":"https://api.example.com"}', null, 1],
      ['{"base_url":"https://api.prod.goaugment.com"}', null, 1],
    ]);
    // Everything else is kept as it was.
    expect(read.backup.tables.upload_history).toEqual(sampleTables().upload_history);
  });

  it('reports progress up to 1', async () => {
    const fractions: number[] = [];
    await buildBackupFile(input(sampleTables(), { onProgress: (f) => fractions.push(f) }));
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('refuses to write an encrypted backup without a passphrase', async () => {
    await expect(buildBackupFile(input(sampleTables(), { secrets: 'encrypted' }))).rejects.toThrow(/passphrase/);
  });

  it('writes stored JSON that is not in JSON.stringify form in that form, so the file still restores', async () => {
    const tables = sampleTables();
    tables.brokerage_configurations[1]!.field_mappings = '{ "load.mode" : "FTL" }';
    const built = await buildBackupFile(input(tables));
    const read = await readBackupFile(built.bytes);
    if (!read.ok || !('backup' in read)) throw new Error('expected a backup');
    expect(read.backup.tables.brokerage_configurations[1]?.field_mappings).toBe('{"load.mode":"FTL"}');
    expect(read.backup.checksum).toBe(built.checksum);
  });

  it('refuses to write stored text that is not JSON, naming the row', async () => {
    const tables = sampleTables();
    tables.upload_history[0]!.file_headers = '[not json';
    await expect(buildBackupFile(input(tables))).rejects.toThrow(/not valid JSON/);
  });

  it('writes an empty database as a valid, restorable file', async () => {
    const empty: DataTables = {
      brokerages: [],
      brokerage_configurations: [],
      upload_history: [],
      processing_errors: [],
      configuration_changes: [],
    };
    const built = await buildBackupFile(input(empty, { activity: [] }));
    expect(built.checksum).toBe(await computeChecksum(empty));
    const read = await readBackupFile(built.bytes);
    expect(read.ok && 'backup' in read && read.backup.tables).toEqual(empty);
  });
});
