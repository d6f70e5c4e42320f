import { describe, expect, it } from 'vitest';
import { createBrokerage, deleteBrokerage, listBrokerages, renameBrokerage } from '../../src/core/db/brokerages';
import { listConfigurations } from '../../src/core/db/configurations';
import { saveConfiguration } from '../../src/core/db/configuration-save';
import { listHistoryPage } from '../../src/core/db/history';
import { META_KEYS, readMeta } from '../../src/core/db/meta';
import type { Database } from '../../src/core/db/sql-types';
import { configurationInput, insertUploads, openTestDatabase, snapshot } from '../support/catalog-db';

const T1 = '2026-11-22T08:00:00.000Z';
const T2 = '2026-11-22T09:00:00.000Z';

/** Creates a brokerage and returns it, failing the test on refusal. */
function mustCreate(db: Database, name: string, now = T1) {
  const result = createBrokerage(db, name, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('createBrokerage', () => {
  it('stores the name under the one name rule and records the change time', async () => {
    const db = await openTestDatabase();
    const created = mustCreate(db, '  Acme,   Inc.  ');
    expect(created).toMatchObject({ name: 'Acme, Inc.', created_at: T1, configurationCount: 0, uploadCount: 0 });
    expect(listBrokerages(db).map((b) => b.name)).toEqual(['Acme, Inc.']);
    expect(readMeta(db, META_KEYS.lastChangeAt)).toBe(T1);
  });

  it.each([
    ['Acme, Inc.', 'Acme, Inc.'],
    ["O'Brien & Sons (West) — #2", "O'Brien & Sons (West) — #2"],
    ['Blue\tLine \n Freight', 'Blue Line Freight'],
    ['x'.repeat(100), 'x'.repeat(100)],
  ])('keeps punctuation and collapses spaces: %j', async (raw, stored) => {
    const db = await openTestDatabase();
    mustCreate(db, raw);
    expect(listBrokerages(db)[0]?.name).toBe(stored);
  });

  it.each([
    ['', 'Please provide a brokerage name.'],
    ['   ', 'Please provide a brokerage name.'],
    ['x'.repeat(101), 'The brokerage name is too long: at most 100 characters.'],
  ])('refuses %j and writes nothing', async (raw, message) => {
    const db = await openTestDatabase();
    const before = snapshot(db);
    const result = createBrokerage(db, raw, T1);
    expect(result).toMatchObject({ ok: false, error: { message } });
    expect(snapshot(db)).toBe(before);
  });

  it('refuses a name already taken, after normalising, and changes nothing', async () => {
    const db = await openTestDatabase();
    mustCreate(db, 'Acme, Inc.');
    const before = snapshot(db);
    const result = createBrokerage(db, ' Acme,  Inc. ', T2);
    expect(result).toMatchObject({ ok: false, error: { code: 'duplicate-brokerage' } });
    if (!result.ok) expect(result.error.message).toContain('A brokerage named “Acme, Inc.” already exists.');
    expect(snapshot(db)).toBe(before);
  });
});

describe('listBrokerages', () => {
  it('orders by name ignoring case and counts configurations and uploads', async () => {
    const db = await openTestDatabase();
    for (const name of ['delta', 'Bravo', 'alpha', 'Charlie']) mustCreate(db, name);
    saveConfiguration(db, configurationInput('Bravo'), T1);
    saveConfiguration(db, configurationInput('Bravo', { configuration_name: 'Weekly' }), T1);
    insertUploads(db, [
      { brokerage: 'Bravo', at: T1 },
      { brokerage: 'alpha', at: T1 },
      { brokerage: 'Gone', at: T1 },
    ]);
    const list = listBrokerages(db);
    expect(list.map((b) => b.name)).toEqual(['alpha', 'Bravo', 'Charlie', 'delta']);
    expect(list.map((b) => [b.configurationCount, b.uploadCount])).toEqual([
      [0, 1],
      [2, 1],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('renameBrokerage', () => {
  it('moves configurations (FK cascade) and upload history to the new name', async () => {
    const db = await openTestDatabase();
    const acme = mustCreate(db, 'Acme');
    saveConfiguration(db, configurationInput('Acme'), T1);
    insertUploads(db, [
      { brokerage: 'Acme', at: T1 },
      { brokerage: 'Other', at: T1 },
    ]);
    const result = renameBrokerage(db, acme.id, ' Acme,  Inc. ', T2);
    expect(result).toMatchObject({
      ok: true,
      value: { id: acme.id, name: 'Acme, Inc.', configurationCount: 1, uploadCount: 1 },
    });
    expect(listConfigurations(db, 'Acme, Inc.').map((c) => c.configuration_name)).toEqual(['Daily loads']);
    expect(listConfigurations(db, 'Acme')).toEqual([]);
    expect(listHistoryPage(db, { brokerageName: 'Acme, Inc.', limit: 10 }).total).toBe(1);
    expect(listHistoryPage(db, { brokerageName: 'Other', limit: 10 }).total).toBe(1);
    expect(readMeta(db, META_KEYS.lastChangeAt)).toBe(T2);
  });

  it('refuses a name another brokerage holds, and a bad name, changing nothing', async () => {
    const db = await openTestDatabase();
    const acme = mustCreate(db, 'Acme');
    mustCreate(db, 'Blue Line');
    const before = snapshot(db);
    expect(renameBrokerage(db, acme.id, 'Blue  Line', T2)).toMatchObject({
      ok: false,
      error: { code: 'duplicate-brokerage' },
    });
    expect(renameBrokerage(db, acme.id, '  ', T2)).toMatchObject({ ok: false, error: { code: 'name-empty' } });
    expect(renameBrokerage(db, 999, 'New', T2)).toMatchObject({ ok: false, error: { code: 'brokerage-missing' } });
    expect(snapshot(db)).toBe(before);
  });

  it('rolls back every step when a later statement fails', async () => {
    const db = await openTestDatabase();
    const acme = mustCreate(db, 'Acme');
    saveConfiguration(db, configurationInput('Acme'), T1);
    insertUploads(db, [{ brokerage: 'Acme', at: T1 }]);
    db.run(`CREATE TRIGGER fail_history BEFORE UPDATE ON upload_history BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const before = snapshot(db);
    const result = renameBrokerage(db, acme.id, 'Acme, Inc.', T2);
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    if (!result.ok) expect(result.error.detail).toContain('disk full');
    expect(snapshot(db)).toBe(before);
    expect(listBrokerages(db).map((b) => b.name)).toEqual(['Acme']);
  });
});

describe('deleteBrokerage', () => {
  it('deletes its configurations by cascade and keeps its upload history', async () => {
    const db = await openTestDatabase();
    const acme = mustCreate(db, 'Acme, Inc.');
    mustCreate(db, 'Blue Line');
    saveConfiguration(db, configurationInput('Acme, Inc.'), T1);
    saveConfiguration(db, configurationInput('Acme, Inc.', { configuration_name: 'Weekly' }), T1);
    saveConfiguration(db, configurationInput('Blue Line'), T1);
    insertUploads(db, [
      { brokerage: 'Acme, Inc.', at: T1 },
      { brokerage: 'Acme, Inc.', at: T2 },
    ]);
    expect(deleteBrokerage(db, acme.id, T2)).toEqual({ ok: true, value: { configurationsDeleted: 2 } });
    expect(listBrokerages(db).map((b) => b.name)).toEqual(['Blue Line']);
    expect(listConfigurations(db, 'Acme, Inc.')).toEqual([]);
    expect(listConfigurations(db, 'Blue Line')).toHaveLength(1);
    expect(listHistoryPage(db, { brokerageName: 'Acme, Inc.', limit: 10 }).total).toBe(2);
    const deletions = db.exec("SELECT COUNT(*) FROM configuration_changes WHERE change_type = 'deleted'")[0]
      ?.values[0]?.[0];
    expect(deletions).toBe(2);
    expect(readMeta(db, META_KEYS.lastChangeAt)).toBe(T2);
  });

  it('rolls back the change log and the brokerage when the cascade fails', async () => {
    const db = await openTestDatabase();
    const acme = mustCreate(db, 'Acme');
    saveConfiguration(db, configurationInput('Acme'), T1);
    db.run(
      `CREATE TRIGGER keep_configs BEFORE DELETE ON brokerage_configurations BEGIN SELECT RAISE(ABORT, 'locked'); END`,
    );
    const before = snapshot(db);
    expect(deleteBrokerage(db, acme.id, T2)).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(snapshot(db)).toBe(before);
    expect(readMeta(db, META_KEYS.lastChangeAt)).toBe(T1);
  });

  it('refuses an unknown brokerage and changes nothing', async () => {
    const db = await openTestDatabase();
    const before = snapshot(db);
    expect(deleteBrokerage(db, 42, T2)).toMatchObject({ ok: false, error: { code: 'brokerage-missing' } });
    expect(snapshot(db)).toBe(before);
  });
});
