import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../src/core/db/brokerages';
import { deleteConfiguration, listConfigurations } from '../../src/core/db/configurations';
import { saveConfiguration } from '../../src/core/db/configuration-save';
import { META_KEYS, readMeta } from '../../src/core/db/meta';
import type { ConfigurationChangeRow, ConfigurationRow } from '../../src/core/db/rows';
import type { Database } from '../../src/core/db/sql-types';
import { selectRows } from '../../src/core/db/transaction';
import type { ConfigurationInput } from '../../src/core/db/configuration-input';
import type { ConfigurationView } from '../../src/core/db/configuration-view';
import { configurationInput, openTestDatabase, snapshot } from '../support/catalog-db';

const T1 = '2026-11-22T08:00:00.000Z';
const T2 = '2026-11-22T09:30:00.000Z';
const ACME = 'Acme, Inc.';

/** A database with one brokerage, "Acme, Inc.". */
async function withBrokerage(): Promise<Database> {
  const db = await openTestDatabase();
  createBrokerage(db, ACME, T1);
  return db;
}

/** Saves and returns the view, failing the test on refusal. */
function mustSave(db: Database, input: ConfigurationInput, now = T1): ConfigurationView {
  const result = saveConfiguration(db, input, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const storedRow = (db: Database, id: number) =>
  selectRows<ConfigurationRow>(db, 'SELECT * FROM brokerage_configurations WHERE id = ?', [id])[0];
const changes = (db: Database) =>
  selectRows<ConfigurationChangeRow>(db, 'SELECT * FROM configuration_changes ORDER BY id');

describe('saveConfiguration: create', () => {
  it('stores version 1 with credentials as JSON text and logs the creation', async () => {
    const db = await withBrokerage();
    const view = mustSave(
      db,
      configurationInput(ACME, { configuration_name: '  Daily   loads ', description: ' Morning CSV ' }),
    );
    expect(view).toMatchObject({
      brokerage_name: ACME,
      configuration_name: 'Daily loads',
      description: 'Morning CSV',
      version: 1,
      auth_type: 'api_key',
      base_url: 'https://api.prod.goaugment.com',
      hasApiKey: true,
      hasBearerToken: false,
      needsCredentials: false,
      created_at: T1,
      updated_at: T1,
      last_used_at: T1,
      field_mappings: { 'load.loadNumber': 'load_number', 'load.mode': 'MANUAL_VALUE:FTL' },
    });
    const row = storedRow(db, view.id);
    expect(row?.api_credentials).toBe('{"base_url":"https://api.prod.goaugment.com","api_key":"ak-secret-1111"}');
    expect(row?.bearer_token).toBeNull();
    expect(row?.needs_credentials).toBe(0);
    expect(changes(db)).toEqual([
      expect.objectContaining({
        configuration_id: view.id,
        change_type: 'created',
        old_value: null,
        new_value: row?.field_mappings,
        changed_at: T1,
      }),
    ]);
    expect(readMeta(db, META_KEYS.lastChangeAt)).toBe(T1);
  });

  it('stores a bearer token in its column and only the base URL in api_credentials', async () => {
    const db = await withBrokerage();
    const view = mustSave(
      db,
      configurationInput(ACME, { auth_type: 'bearer_token', api_key: 'ignored', bearer_token: 'bt-2222' }),
    );
    expect(view).toMatchObject({ hasApiKey: false, hasBearerToken: true, needsCredentials: false });
    const row = storedRow(db, view.id);
    expect(row?.api_credentials).toBe('{"base_url":"https://api.prod.goaugment.com"}');
    expect(row?.bearer_token).toBe('bt-2222');
  });

  it('never lets a secret into the view', async () => {
    const db = await withBrokerage();
    mustSave(db, configurationInput(ACME, { api_key: 'ak-TOPSECRET' }));
    mustSave(
      db,
      configurationInput(ACME, { configuration_name: 'B', auth_type: 'bearer_token', bearer_token: 'bt-TOPSECRET' }),
    );
    const views = listConfigurations(db, ACME);
    expect(JSON.stringify(views)).not.toContain('TOPSECRET');
    expect(views.flatMap(Object.keys).filter((key) => /api_key|bearer_token|api_credentials/.test(key))).toEqual([]);
  });

  it.each<[string, Partial<ConfigurationInput>, string]>([
    ['no name', { configuration_name: '  ' }, 'Please provide a configuration name.'],
    [
      'a 101-character name',
      { configuration_name: 'n'.repeat(101) },
      'The configuration name is too long: at most 100 characters.',
    ],
    ['no API key', { api_key: ' ' }, 'Please provide an API key for API key authentication.'],
    [
      'no bearer token',
      { auth_type: 'bearer_token', bearer_token: '' },
      'Please provide a bearer token for bearer token authentication.',
    ],
    ['no base URL', { base_url: ' ' }, 'Please provide an API base URL.'],
    ['a base URL that is not a web address', { base_url: 'ftp://files.example' }, 'which is not a web address'],
    ['a base URL with a user name', { base_url: 'https://someone@api.example.com' }, 'must not contain a user name'],
    ['a base URL over plain http to another host', { base_url: 'http://api.example.com' }, 'is not encrypted'],
    [
      'an empty mapping source',
      { field_mappings: { 'load.loadNumber': ' ' } },
      'Choose a CSV column or a manual value for “load.loadNumber”',
    ],
    [
      'a manual value outside the enum',
      { field_mappings: { 'load.mode': 'MANUAL_VALUE:TRUCK' } },
      '“TRUCK” is not a valid value for “load.mode”',
    ],
  ])('refuses %s with the original’s words and writes nothing', async (_case, overrides, message) => {
    const db = await withBrokerage();
    const before = snapshot(db);
    const result = saveConfiguration(db, configurationInput(ACME, overrides), T2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
    expect(snapshot(db)).toBe(before);
  });

  it('refuses a duplicate name within a brokerage but allows it in another', async () => {
    const db = await withBrokerage();
    createBrokerage(db, 'Blue Line', T1);
    mustSave(db, configurationInput(ACME));
    const before = snapshot(db);
    const duplicate = saveConfiguration(db, configurationInput(ACME, { configuration_name: 'Daily  loads' }), T2);
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'duplicate-configuration' } });
    if (!duplicate.ok)
      expect(duplicate.error.message).toContain('A configuration named “Daily loads” already exists for “Acme, Inc.”');
    expect(snapshot(db)).toBe(before);
    expect(saveConfiguration(db, configurationInput('Blue Line'), T2).ok).toBe(true);
  });

  it('refuses a brokerage that does not exist', async () => {
    const db = await withBrokerage();
    expect(saveConfiguration(db, configurationInput('Nobody'), T1)).toMatchObject({
      ok: false,
      error: { code: 'brokerage-missing' },
    });
  });

  it('keeps metadata keys and odd keys exactly', async () => {
    const db = await withBrokerage();
    const mappings = {
      _status: 'pending_file_upload',
      _created_at: '',
      __proto__x: 'col',
      'customer.name': 'customer_name',
    };
    const view = mustSave(db, configurationInput(ACME, { field_mappings: mappings }));
    expect(view.field_mappings).toEqual(mappings);
  });

  it('rolls back the configuration when logging the change fails', async () => {
    const db = await withBrokerage();
    db.run(
      `CREATE TRIGGER fail_log BEFORE INSERT ON configuration_changes BEGIN SELECT RAISE(ABORT, 'log broken'); END`,
    );
    const before = snapshot(db);
    const result = saveConfiguration(db, configurationInput(ACME), T2);
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(snapshot(db)).toBe(before);
    expect(listConfigurations(db, ACME)).toEqual([]);
  });
});

describe('saveConfiguration: update', () => {
  it('bumps the version, keeps stored secrets when left blank, and logs old and new mappings', async () => {
    const db = await withBrokerage();
    const created = mustSave(db, configurationInput(ACME));
    const oldMappings = storedRow(db, created.id)?.field_mappings;
    const updated = mustSave(
      db,
      configurationInput(ACME, {
        id: created.id,
        configuration_name: 'Daily loads v2',
        api_key: '',
        field_mappings: { 'load.loadNumber': 'load_no', 'customer.name': 'customer' },
      }),
      T2,
    );
    expect(updated).toMatchObject({
      id: created.id,
      version: 2,
      created_at: T1,
      updated_at: T2,
      configuration_name: 'Daily loads v2',
      hasApiKey: true,
    });
    expect(storedRow(db, created.id)?.api_credentials).toContain('"api_key":"ak-secret-1111"');
    const log = changes(db);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({
      configuration_id: created.id,
      change_type: 'updated',
      old_value: oldMappings,
      changed_at: T2,
    });
    expect(JSON.parse(log[1]?.new_value ?? '')).toEqual({ 'load.loadNumber': 'load_no', 'customer.name': 'customer' });
    expect(log[1]?.change_description).toBe(
      'Updated: name “Daily loads” → “Daily loads v2”; mappings (+1, −1, 1 changed)',
    );
    expect(
      mustSave(
        db,
        configurationInput(ACME, {
          id: created.id,
          configuration_name: 'Daily loads v2',
          api_key: '',
          field_mappings: updated.field_mappings,
        }),
        T2,
      ).version,
    ).toBe(3);
  });

  it('switching auth type needs the new credential unless it is stored', async () => {
    const db = await withBrokerage();
    const created = mustSave(db, configurationInput(ACME));
    const refused = saveConfiguration(
      db,
      configurationInput(ACME, { id: created.id, auth_type: 'bearer_token', api_key: '', bearer_token: '' }),
      T2,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { message: 'Please provide a bearer token for bearer token authentication.' },
    });
    const switched = mustSave(
      db,
      configurationInput(ACME, { id: created.id, auth_type: 'bearer_token', api_key: '', bearer_token: 'bt-new' }),
      T2,
    );
    expect(switched).toMatchObject({ auth_type: 'bearer_token', hasBearerToken: true, hasApiKey: false, version: 2 });
    expect(storedRow(db, created.id)?.api_credentials).toBe('{"base_url":"https://api.prod.goaugment.com"}');
  });

  it.each<[string, 'api_key' | 'bearer_token']>([
    ['API key', 'api_key'],
    ['bearer token', 'bearer_token'],
  ])(
    'a stored %s stays with its origin: a new host with the field left blank is refused, typing it again saves',
    async (secretName, authType) => {
      const db = await withBrokerage();
      const secrets = { api_key: 'ak-secret-1111', bearer_token: 'bt-secret-2222' };
      const created = mustSave(db, configurationInput(ACME, { auth_type: authType, ...secrets }));
      const before = snapshot(db);
      const blank = { id: created.id, auth_type: authType, api_key: '', bearer_token: '' } as const;
      for (const moved of ['https://attacker.example', 'https://api.prod.goaugment.com:8443', 'http://127.0.0.1:9']) {
        const refused = saveConfiguration(db, configurationInput(ACME, { ...blank, base_url: moved }), T2);
        expect(refused).toMatchObject({ ok: false, error: { code: 'secret-for-other-address' } });
        if (!refused.ok) {
          expect(refused.error.message).toContain(`The stored ${secretName} belongs to https://api.prod.goaugment.com`);
          expect(refused.error.message).toContain('Nothing was saved.');
        }
      }
      expect(snapshot(db)).toBe(before);
      // Another path on the same origin keeps the stored secret.
      const samePlaceInput = configurationInput(ACME, { ...blank, base_url: 'https://api.prod.goaugment.com/v2/' });
      const samePlace = mustSave(db, samePlaceInput, T2);
      expect(samePlace).toMatchObject({ base_url: 'https://api.prod.goaugment.com/v2/', needsCredentials: false });
      // Typed again, the secret goes with the new address.
      const typed = authType === 'api_key' ? { api_key: 'ak-for-new-host' } : { bearer_token: 'bt-for-new-host' };
      const movedInput = configurationInput(ACME, { ...blank, ...typed, base_url: 'https://api.new.example' });
      const moved = mustSave(db, movedInput, T2);
      expect(moved).toMatchObject({ base_url: 'https://api.new.example', version: 3 });
      const row = storedRow(db, created.id);
      expect(`${row?.api_credentials ?? ''} ${row?.bearer_token ?? ''}`).toContain('for-new-host');
      expect(`${row?.api_credentials ?? ''} ${row?.bearer_token ?? ''}`).not.toContain('secret-');
    },
  );

  it('marks a stored address the app will not send credentials to, and keeps the configuration', async () => {
    const db = await withBrokerage();
    mustSave(db, configurationInput(ACME));
    const setAddress = (baseUrl: string) => {
      const credentials = JSON.stringify({ base_url: baseUrl, api_key: 'k' });
      db.run('UPDATE brokerage_configurations SET api_credentials = ?', [credentials]);
    };
    setAddress('http://someone@api.example.com');
    const [view] = listConfigurations(db, ACME);
    expect(view?.addressProblem).toContain('must not contain a user name or password');
    setAddress('https://api.example.com');
    expect(listConfigurations(db, ACME)[0]?.addressProblem).toBeNull();
  });

  it('completes a configuration restored without credentials', async () => {
    const db = await withBrokerage();
    const created = mustSave(db, configurationInput(ACME));
    db.run(
      `UPDATE brokerage_configurations SET api_credentials = '{"base_url":"https://x.example"}', needs_credentials = 1`,
    );
    expect(listConfigurations(db, ACME)[0]).toMatchObject({
      needsCredentials: true,
      hasApiKey: false,
      base_url: 'https://x.example',
    });
    expect(saveConfiguration(db, configurationInput(ACME, { id: created.id, api_key: '' }), T2)).toMatchObject({
      ok: false,
      error: { code: 'no-api-key' },
    });
    const completed = mustSave(db, configurationInput(ACME, { id: created.id, api_key: 'ak-new' }), T2);
    expect(completed).toMatchObject({ needsCredentials: false, hasApiKey: true });
    expect(storedRow(db, created.id)?.needs_credentials).toBe(0);
  });

  it('refuses renaming onto another configuration and an unknown id', async () => {
    const db = await withBrokerage();
    mustSave(db, configurationInput(ACME));
    const weekly = mustSave(db, configurationInput(ACME, { configuration_name: 'Weekly' }));
    const before = snapshot(db);
    expect(saveConfiguration(db, configurationInput(ACME, { id: weekly.id }), T2)).toMatchObject({
      ok: false,
      error: { code: 'duplicate-configuration' },
    });
    expect(saveConfiguration(db, configurationInput(ACME, { id: 999 }), T2)).toMatchObject({
      ok: false,
      error: { code: 'configuration-missing' },
    });
    expect(snapshot(db)).toBe(before);
  });
});

describe('deleteConfiguration', () => {
  it('deletes the row, keeps its change log (unlinked) and logs the deletion', async () => {
    const db = await withBrokerage();
    const created = mustSave(db, configurationInput(ACME));
    expect(deleteConfiguration(db, created.id, T2)).toEqual({ ok: true, value: { id: created.id } });
    expect(listConfigurations(db, ACME)).toEqual([]);
    expect(changes(db).map((c) => [c.configuration_id, c.change_type])).toEqual([
      [null, 'created'],
      [null, 'deleted'],
    ]);
    expect(readMeta(db, META_KEYS.lastChangeAt)).toBe(T2);
    expect(deleteConfiguration(db, created.id, T2)).toMatchObject({
      ok: false,
      error: { code: 'configuration-missing' },
    });
  });
});
