import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRestoredDatabase } from '../../src/core/backup/restore/build';
import { readBackupFile, type ParsedBackup } from './backup-support';
import { openDatabase } from '../../src/core/db/open';
import { loadSqlJs } from '../support/sqljs';
import { fixtureBytes } from './backup-support';

// The original wrote naive local times; pin this computer's zone so the conversions are known.
const previousZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Chicago';
});
afterAll(() => {
  process.env.TZ = previousZone;
});

async function read(name: string): Promise<ParsedBackup> {
  const result = await readBackupFile(fixtureBytes(name), { now: '2026-12-01T00:00:00.000Z' });
  if (!result.ok || !('backup' in result)) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.backup;
}

/** The counts of the given warning codes only. */
function pickKnown(counts: Record<string, number>, wanted: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.keys(wanted)
      .filter((code) => code in counts)
      .map((code) => [code, counts[code] as number]),
  );
}

/** Repair codes with their counts (a warning about the file as a whole has none). */
function warningCounts(backup: ParsedBackup): Record<string, number> {
  return Object.fromEntries(backup.warnings.flatMap((w) => (w.count === null ? [] : [[w.code, w.count]])));
}

describe('reading the original FF2API sidebar backup (1.0)', () => {
  it('reads the example file of reference §2.2 into exact rows', async () => {
    const backup = await read('original-1.0-example.json');
    expect(backup.shape).toBe('ff2api-1.0');
    expect(backup.shapeLabel).toBe('FF2API v1.0 sidebar backup (era C)');
    expect(backup.createdAt).toBe('2026-11-22T06:43:03.352Z');
    expect(backup.secrets).toBe('plain');
    expect(backup.tables).toEqual({
      brokerages: [
        {
          id: 1,
          name: 'Beta Freight',
          created_at: '2026-11-22T00:43:03.000Z',
          updated_at: '2026-11-22T00:43:03.000Z',
          is_active: 1,
        },
      ],
      brokerage_configurations: [
        {
          id: 1,
          brokerage_name: 'Beta Freight',
          configuration_name: 'Main',
          field_mappings: '{"load.loadNumber":"load_number","load.mode":"MANUAL_VALUE:FTL"}',
          api_credentials: '{"base_url":"https://api.prod.goaugment.com","api_key":"K2"}',
          auth_type: 'api_key',
          bearer_token: null,
          file_headers: null,
          created_at: '2026-11-22T00:43:03.000Z',
          updated_at: '2026-11-22T00:43:03.000Z',
          last_used_at: null,
          version: 1,
          is_active: 1,
          description: null,
          needs_credentials: 0,
        },
      ],
      upload_history: [
        {
          id: 1,
          brokerage_name: 'Beta Freight',
          configuration_name: 'Main',
          filename: 'f.csv',
          total_records: 3,
          successful_records: 2,
          failed_records: 1,
          error_log: null,
          processing_time_seconds: null,
          file_headers: null,
          upload_timestamp: '2026-11-22T06:43:03.352Z',
          session_id: '854492a1-7cfc-4187-99d6-6251994d268d',
          timestamp_unknown: 1,
        },
      ],
      processing_errors: [],
      configuration_changes: [],
    });
    expect(warningCounts(backup)).toEqual({ 'local-times': 1, 'time-was-session-id': 1 });
    expect(backup.fileCounts).toEqual({
      brokerages: 1,
      brokerage_configurations: 1,
      upload_history: 1,
      processing_errors: 0,
      configuration_changes: 0,
    });
  });

  it('reads era A: no auth type, no history configuration name, placeholders kept, times repaired', async () => {
    const backup = await read('original-1.0-era-a.json');
    expect(backup.shapeLabel).toBe('FF2API v1.0 sidebar backup (era A)');
    const [config] = backup.tables.brokerage_configurations;
    expect(config).toMatchObject({
      auth_type: 'api_key',
      needs_credentials: 0,
      created_at: '2025-07-08T15:01:44.000Z',
      updated_at: '2025-07-08T21:02:10.551Z',
      description: '',
      api_credentials: '{"base_url":"https://api.prod.goaugment.com","api_key":"acme-key-1"}',
    });
    expect(JSON.parse(config?.field_mappings ?? '')).toEqual({
      'load.loadNumber': 'load_#',
      'load.mode': 'MANUAL_VALUE:FTL',
      'load.rateType': 'DEFAULT_VALUE:SPOT',
      _status: 'pending',
      _created_at: '2025-07-08T15:00:00',
      _description: 'Placeholder',
    });
    // The file lists history newest first; ids follow time, oldest first.
    expect(
      backup.tables.upload_history.map((u) => [
        u.id,
        u.filename,
        u.configuration_name,
        u.upload_timestamp,
        u.timestamp_unknown,
        u.session_id,
      ]),
    ).toEqual([
      [1, 'acme_week26.csv', null, '2025-07-08T14:03:11.000Z', 0, null],
      [2, 'acme_week27.csv', null, '2025-07-08T21:20:05.120Z', 1, null],
      [3, 'acme_week28.csv', null, '2025-07-08T21:20:05.120Z', 1, '3f1c2a9e-5b7d-4e21-9a0c-7d8e9f001122'],
    ]);
    expect(JSON.parse(backup.tables.upload_history[1]?.error_log ?? '')).toHaveLength(2);
    expect(backup.tables.brokerages).toEqual([
      {
        id: 1,
        name: 'Acme Inc',
        created_at: '2025-07-08T14:03:11.000Z',
        updated_at: '2025-07-08T14:03:11.000Z',
        is_active: 1,
      },
    ]);
    expect(warningCounts(backup)).toEqual({
      'local-times': 2,
      'auth-type-missing': 1,
      'time-was-session-id': 1,
      'time-was-error-log': 1,
    });
  });

  it('reads era B: "None" configuration names and restored_ session ids', async () => {
    const backup = await read('original-1.0-era-b.json');
    expect(backup.shapeLabel).toBe('FF2API v1.0 sidebar backup (era B)');
    expect(
      backup.tables.upload_history.map((u) => [u.filename, u.configuration_name, u.session_id, u.timestamp_unknown]),
    ).toEqual([
      ['legacy_upload.csv', null, 'restored_2025-07-09T08:55:12.004411', 1],
      ['acme_week28.csv', 'Weekly loads', '3f1c2a9e-5b7d-4e21-9a0c-7d8e9f001122', 1],
    ]);
    expect(warningCounts(backup)).toMatchObject({
      'configuration-name-none': 1,
      'time-was-session-id': 2,
      'auth-type-missing': 1,
    });
  });

  it('reads era C: bearer tokens, an empty base URL, extra fork columns, names tidied, odd counts kept', async () => {
    const backup = await read('original-1.0-era-c.json');
    expect(backup.shapeLabel).toBe('FF2API v1.0 sidebar backup (era C)');
    expect(
      backup.tables.brokerage_configurations.map((c) => [
        c.brokerage_name,
        c.configuration_name,
        c.auth_type,
        c.bearer_token,
        c.api_credentials,
        c.needs_credentials,
      ]),
    ).toEqual([
      [
        'Coastal Carriers',
        'Bearer setup',
        'bearer_token',
        'bt-coastal-9',
        '{"base_url":"https://api.prod.goaugment.com"}',
        0,
      ],
      [
        'Beta Freight',
        'Main',
        'api_key',
        null,
        '{"base_url":"https://api.staging.goaugment.com","api_key":"beta-key"}',
        0,
      ],
    ]);
    expect(backup.tables.brokerage_configurations[0]).not.toHaveProperty('processing_mode');
    expect(backup.tables.upload_history.find((u) => u.filename === 'beta_sept.csv')).toMatchObject({
      total_records: 3,
      successful_records: 3,
      failed_records: 2,
    });
    // Delta Haulers appears only in history and gets a brokerage row.
    expect(backup.tables.brokerages.map((b) => [b.id, b.name, b.created_at])).toEqual([
      [1, 'Coastal Carriers', '2025-08-01T10:00:00.000Z'],
      [2, 'Beta Freight', '2025-08-02T11:00:00.000Z'],
      [3, 'Delta Haulers', '2025-09-20T23:05:44.908Z'],
    ]);
    expect(warningCounts(backup)).toEqual({
      'local-times': 3,
      'names-tidied': 1,
      'base-url-default': 1,
      'time-was-session-id': 1,
      'counts-inconsistent': 1,
      'brokerages-from-history': 1,
    });
  });

  it('keeps configurations whose credentials are missing, empty or RESTORE_REQUIRED, marked as needing credentials', async () => {
    const backup = await read('original-1.0-restore-required.json');
    expect(
      backup.tables.brokerage_configurations.map((c) => [
        c.configuration_name,
        c.auth_type,
        c.api_credentials,
        c.bearer_token,
        c.needs_credentials,
      ]),
    ).toEqual([
      ['Placeholder key', 'api_key', '{"base_url":"https://api.prod.goaugment.com"}', null, 1],
      ['Placeholder token', 'bearer_token', '{"base_url":"https://api.prod.goaugment.com"}', null, 1],
      ['Empty key', 'api_key', '{"base_url":"https://api.prod.goaugment.com"}', null, 1],
      ['No credentials', 'api_key', '{"base_url":"https://api.prod.goaugment.com"}', null, 1],
      ['Good', 'api_key', '{"base_url":"https://api.prod.goaugment.com","api_key":"real-key"}', null, 0],
    ]);
    // "Good" has no times: the file's date stands in.
    expect(backup.tables.brokerage_configurations[4]).toMatchObject({
      created_at: '2025-07-11T17:00:00.000Z',
      updated_at: '2025-07-11T17:00:00.000Z',
    });
    expect(warningCounts(backup)).toEqual({
      'local-times': 1,
      'needs-credentials': 4,
      'auth-type-missing': 1,
      'base-url-default': 1,
      'configuration-times-missing': 1,
    });
    const warning = backup.warnings.find((w) => w.code === 'needs-credentials');
    expect(warning?.message).toContain('marked “needs credentials”');
  });

  it('treats the configuration name "None" as no configuration', async () => {
    const backup = await read('original-1.0-none-config-names.json');
    expect(backup.tables.upload_history.map((u) => [u.filename, u.configuration_name, u.upload_timestamp])).toEqual([
      ['c.csv', 'Weekly loads', '2025-08-14T21:10:00.000Z'],
      ['b.csv', null, '2025-08-14T23:10:00.000Z'],
      ['a.csv', null, '2025-08-14T22:10:00.000Z'],
    ]);
    expect(backup.tables.brokerages.map((b) => b.name)).toEqual(['Acme Inc']);
    expect(warningCounts(backup)).toMatchObject({ 'configuration-name-none': 2, 'brokerages-from-history': 1 });
  });

  it('warns that a file with exactly 100 uploads probably lost older history', async () => {
    const backup = await read('original-1.0-100-history.json');
    expect(backup.tables.upload_history).toHaveLength(100);
    expect(backup.tables.upload_history[0]).toMatchObject({ id: 1, filename: 'daily_001.csv' });
    const warning = backup.warnings.find((w) => w.code === 'history-maybe-truncated');
    expect(warning).toEqual({
      code: 'history-maybe-truncated',
      count: 100,
      message: expect.stringContaining('only the newest 100'),
    });
  });

  it('does not warn about truncation below 100 uploads', async () => {
    expect((await read('original-1.0-era-a.json')).warnings.map((w) => w.code)).not.toContain(
      'history-maybe-truncated',
    );
  });

  it('tolerates a byte order mark', async () => {
    expect((await read('good-bom.json')).tables).toEqual((await read('original-1.0-example.json')).tables);
  });

  it('uses the time of reading when the file does not say when it was made', async () => {
    const file = JSON.parse(new TextDecoder().decode(fixtureBytes('original-1.0-example.json')));
    delete file.backup_info.created_at;
    const result = await readBackupFile(new TextEncoder().encode(JSON.stringify(file)), {
      now: '2026-12-01T00:00:00.000Z',
    });
    if (!result.ok || !('backup' in result)) throw new Error('expected a backup');
    expect(result.backup.createdAt).toBe('2026-12-01T00:00:00.000Z');
    expect(result.backup.tables.upload_history[0]?.upload_timestamp).toBe('2026-12-01T00:00:00.000Z');
    expect(warningCounts(result.backup)).toMatchObject({ 'file-date-missing': 1 });
  });
});

describe('reading the original FF2API data export', () => {
  it('turns customer mappings into configurations needing credentials and keeps the full history', async () => {
    const backup = await read('original-export.json');
    expect(backup.shape).toBe('ff2api-export');
    expect(backup.shapeLabel).toBe('FF2API data export');
    expect(backup.secrets).toBe('omitted');
    expect(
      backup.tables.brokerage_configurations.map((c) => [
        c.id,
        c.brokerage_name,
        c.configuration_name,
        c.field_mappings,
        c.api_credentials,
        c.needs_credentials,
        c.created_at,
      ]),
    ).toEqual([
      [
        1,
        'Acme Inc',
        'Imported mapping',
        '{"load.loadNumber":"load_#","load.mode":"MANUAL_VALUE:LTL"}',
        '{"base_url":"https://api.prod.goaugment.com"}',
        1,
        '2025-07-01T08:00:00.000Z',
      ],
      [
        2,
        'Globex, Ltd.',
        'Imported mapping',
        '{"load.loadNumber":"ref"}',
        '{"base_url":"https://api.staging.goaugment.com"}',
        1,
        '2025-07-03T08:00:00.000Z',
      ],
    ]);
    expect(
      backup.tables.upload_history.map((u) => [
        u.id,
        u.brokerage_name,
        u.upload_timestamp,
        u.timestamp_unknown,
        u.error_log,
      ]),
    ).toEqual([
      [
        1,
        'Acme Inc',
        '2025-07-02T10:11:12.000Z',
        0,
        '[{"success":false,"error":"Validation error: load.mode","status_code":422,"row_index":2,"load_number":"J-3"}]',
      ],
      [2, 'Globex, Ltd.', '2025-07-03T12:00:00.000Z', 0, null],
    ]);
    expect(warningCounts(backup)).toEqual({ 'local-times': 1, 'legacy-mappings': 2, 'learning-data-ignored': 3 });
  });
});

describe('tables read from original files', () => {
  it.each(['original-1.0-example.json', 'original-1.0-era-a.json', 'original-export.json'])(
    '%s is previewed with the warning that the original wrote no checksum (its edits cannot be detected)',
    async (name) => {
      const backup = await read(name);
      expect(backup.warnings).toContainEqual({
        code: 'no-checksum',
        count: null,
        message: expect.stringContaining('carry no checksum'),
      });
    },
  );

  it.each([
    'original-1.0-example.json',
    'original-1.0-era-a.json',
    'original-1.0-era-b.json',
    'original-1.0-era-c.json',
    'original-1.0-restore-required.json',
    'original-1.0-none-config-names.json',
    'original-1.0-100-history.json',
    'original-export.json',
  ])('%s builds a database that passes every check', async (name) => {
    const SQL = await loadSqlJs();
    const live = openDatabase(SQL);
    const built = await buildRestoredDatabase(SQL, {
      tables: (await read(name)).tables,
      keepFrom: live,
      now: '2026-12-01T00:00:00.000Z',
      activity: { kind: 'restore', summary: 'test', details: {} },
    });
    expect(built.ok).toBe(true);
    if (built.ok) built.value.close();
    live.close();
  });
});

describe('each repair, on the example file changed in one place', () => {
  type File = {
    backup_info: Record<string, unknown>;
    brokerage_configurations: Record<string, unknown>[];
    upload_history: Record<string, unknown>[];
    processing_errors?: unknown[];
  };
  const example = (): File => JSON.parse(new TextDecoder().decode(fixtureBytes('original-1.0-example.json')));

  async function readEdited(edit: (file: File) => void): Promise<ParsedBackup> {
    const file = example();
    edit(file);
    const result = await readBackupFile(new TextEncoder().encode(JSON.stringify(file)), {
      now: '2026-12-01T00:00:00.000Z',
    });
    if (!result.ok || !('backup' in result)) throw new Error(JSON.stringify(result));
    return result.backup;
  }

  it.each<[string, (file: File) => void, Record<string, number>, (b: ParsedBackup) => unknown, unknown]>([
    [
      'a missing upload time',
      (f) => {
        f.upload_history[0]!.upload_timestamp = null;
      },
      { 'time-missing': 1 },
      (b) => [b.tables.upload_history[0]?.upload_timestamp, b.tables.upload_history[0]?.timestamp_unknown],
      ['2026-11-22T06:43:03.352Z', 1],
    ],
    [
      'a real UTC upload time',
      (f) => {
        f.upload_history[0]!.upload_timestamp = '2026-11-21 23:00:00';
      },
      {},
      (b) => [
        b.tables.upload_history[0]?.upload_timestamp,
        b.tables.upload_history[0]?.timestamp_unknown,
        b.tables.upload_history[0]?.session_id,
      ],
      ['2026-11-21T23:00:00.000Z', 0, null],
    ],
    [
      'an empty configuration name in history',
      (f) => {
        f.upload_history[0]!.configuration_name = '';
      },
      { 'configuration-name-none': 1 },
      (b) => b.tables.upload_history[0]?.configuration_name,
      null,
    ],
    [
      'a null count',
      (f) => {
        f.upload_history[0]!.failed_records = null;
      },
      { 'counts-missing': 1 },
      (b) => b.tables.upload_history[0]?.failed_records,
      0,
    ],
    [
      'non-empty processing_errors',
      (f) => {
        f.processing_errors = [{ row_number: 1 }, { row_number: 2 }];
      },
      { 'processing-errors-ignored': 2 },
      (b) => b.tables.processing_errors,
      [],
    ],
    [
      'a missing auth_type',
      (f) => {
        delete f.brokerage_configurations[0]!.auth_type;
      },
      { 'auth-type-missing': 1 },
      (b) => b.tables.brokerage_configurations[0]?.auth_type,
      'api_key',
    ],
    [
      'an empty base URL',
      (f) => {
        f.brokerage_configurations[0]!.api_credentials = { base_url: ' ', api_key: 'K2' };
      },
      { 'base-url-default': 1 },
      (b) => b.tables.brokerage_configurations[0]?.api_credentials,
      '{"base_url":"https://api.prod.goaugment.com","api_key":"K2"}',
    ],
    [
      'an empty bearer token',
      (f) => {
        Object.assign(f.brokerage_configurations[0]!, { auth_type: 'bearer_token', bearer_token: '' });
      },
      { 'needs-credentials': 1 },
      (b) => [
        b.tables.brokerage_configurations[0]?.bearer_token,
        b.tables.brokerage_configurations[0]?.needs_credentials,
      ],
      [null, 1],
    ],
    [
      'a missing updated_at',
      (f) => {
        delete f.brokerage_configurations[0]!.updated_at;
      },
      { 'configuration-times-missing': 1 },
      (b) => b.tables.brokerage_configurations[0]?.updated_at,
      '2026-11-22T00:43:03.000Z',
    ],
    [
      'a name with extra spaces',
      (f) => {
        f.brokerage_configurations[0]!.brokerage_name = '  Beta   Freight';
      },
      { 'names-tidied': 1 },
      (b) => b.tables.brokerages.map((r) => r.name),
      ['Beta Freight'],
    ],
  ])('%s', async (_, edit, warnings, pick, expected) => {
    const backup = await readEdited(edit);
    // The example itself reports local-times (its date) and time-was-session-id (its one upload).
    const { 'local-times': _local, 'time-was-session-id': _session, ...repairs } = warningCounts(backup);
    expect({ ...repairs, ...pickKnown(warningCounts(backup), warnings) }).toEqual(warnings);
    expect(pick(backup)).toEqual(expected);
  });

  it('refuses an export error log nested too deeply to store', async () => {
    const file = JSON.parse(new TextDecoder().decode(fixtureBytes('original-export.json')));
    file.upload_history[0].error_log = '__DEEP__';
    const text = JSON.stringify(file).replace('"__DEEP__"', `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    const result = await readBackupFile(new TextEncoder().encode(text));
    expect(result).toMatchObject({
      ok: false,
      error: {
        problems: [{ section: 'upload_history', row: 0, field: 'error_log', message: 'is nested too deeply to store' }],
      },
    });
  });
});
