import { describe, expect, it } from 'vitest';
import { buildRestoredDatabase } from '../../src/core/backup/restore/build';
import { countLostChanges, MERGE_CONFLICT_RULE, planRestore } from '../../src/core/backup/restore/plan';
import { readBackupFile } from '../../src/core/backup/read/read';
import type { DataTables } from '../../src/core/db/rows';
import { openDatabase } from '../../src/core/db/open';
import { loadSqlJs } from '../support/sqljs';
import { emptyTables, fixtureBytes, sampleTables } from './backup-support';

const NONE = { add: 0, update: 0, remove: 0, unchanged: 0 };

/** The sample with one configuration edited later, one upload gone and one new upload. */
function laterCopy(): DataTables {
  const tables = sampleTables();
  tables.brokerage_configurations[0] = { ...tables.brokerage_configurations[0]!, description: 'edited', updated_at: '2026-05-01T00:00:00.000Z' };
  tables.upload_history = [
    tables.upload_history[0]!,
    { ...tables.upload_history[1]!, id: 103, filename: 'new.csv', upload_timestamp: '2026-05-02T00:00:00.000Z' },
  ];
  return tables;
}

async function checkedByDatabase(tables: DataTables): Promise<boolean> {
  const SQL = await loadSqlJs();
  const live = openDatabase(SQL);
  const built = buildRestoredDatabase(SQL, { tables, keepFrom: live, now: '2026-12-01T00:00:00.000Z', activity: { kind: 'restore', summary: 't', details: {} } });
  if (built.ok) built.value.close();
  live.close();
  return built.ok;
}

describe('planRestore: replace', () => {
  it('makes the database exactly the file and counts changes by id', () => {
    const plan = planRestore(sampleTables(), laterCopy(), 'replace');
    expect(plan.tables).toEqual(laterCopy());
    expect(plan.changes).toEqual({
      brokerages: { ...NONE, unchanged: 3 },
      brokerage_configurations: { ...NONE, update: 1, unchanged: 1 },
      upload_history: { add: 1, update: 0, remove: 1, unchanged: 1 },
      processing_errors: { ...NONE, unchanged: 2 },
      configuration_changes: { ...NONE, unchanged: 2 },
    });
  });

  it('replacing twice gives the same tables as once, and the second time changes nothing', () => {
    const once = planRestore(sampleTables(), laterCopy(), 'replace');
    const twice = planRestore(once.tables, laterCopy(), 'replace');
    expect(twice.tables).toEqual(once.tables);
    for (const change of Object.values(twice.changes)) expect(change.add + change.update + change.remove).toBe(0);
  });

  it('replacing an empty database adds everything', () => {
    const plan = planRestore(emptyTables(), sampleTables(), 'replace');
    expect(plan.changes.upload_history).toEqual({ ...NONE, add: 2 });
  });
});

describe('planRestore: merge', () => {
  it('adds what is missing and deletes nothing', () => {
    const plan = planRestore(laterCopy(), sampleTables(), 'merge');
    const ids = plan.tables.upload_history.map((u) => u.id);
    expect(plan.tables.upload_history.map((u) => u.filename)).toEqual(['loads 2026-04.csv', 'new.csv', 'old.csv']);
    expect(ids).toEqual([101, 103, 104]); // the new row gets max + 1
    expect(plan.changes.upload_history).toEqual({ add: 1, update: 0, remove: 0, unchanged: 2 });
  });

  it('lets the later updated_at win a configuration conflict', () => {
    const current = sampleTables();
    const plan = planRestore(current, laterCopy(), 'merge');
    expect(plan.tables.brokerage_configurations[0]).toMatchObject({ id: 11, description: 'edited' });
    expect(plan.changes.brokerage_configurations).toEqual({ ...NONE, update: 1, unchanged: 1 });
  });

  it.each([
    ['older', '2026-03-01T00:00:00.000Z'],
    ['equally old (a tie)', '2026-04-01T10:00:00.500Z'],
  ])('keeps this browser’s configuration when the file’s copy is %s', (_, updatedAt) => {
    const incoming = sampleTables();
    incoming.brokerage_configurations[0] = { ...incoming.brokerage_configurations[0]!, description: 'from file', updated_at: updatedAt };
    const plan = planRestore(sampleTables(), incoming, 'merge');
    expect(plan.tables.brokerage_configurations[0]?.description).toBe('Line one\nline two\t"quoted"');
    expect(plan.changes.brokerage_configurations).toEqual({ ...NONE, unchanged: 2 });
  });

  it('never replaces credentials held here with a newer copy that has none', () => {
    const incoming = laterCopy();
    incoming.brokerage_configurations[0] = {
      ...incoming.brokerage_configurations[0]!, api_credentials: '{"base_url":"https://api.example.com"}', needs_credentials: 1,
    };
    const plan = planRestore(sampleTables(), incoming, 'merge');
    expect(plan.tables.brokerage_configurations[0]).toMatchObject({
      description: 'edited', needs_credentials: 0, api_credentials: sampleTables().brokerage_configurations[0]?.api_credentials,
    });
  });

  it('merging twice gives the same tables as once; the second merge adds nothing', () => {
    const once = planRestore(laterCopy(), sampleTables(), 'merge');
    const twice = planRestore(once.tables, sampleTables(), 'merge');
    expect(twice.tables).toEqual(once.tables);
    for (const change of Object.values(twice.changes)) expect(change.add + change.update + change.remove).toBe(0);
  });

  it('keeps genuine repeated uploads: k copies in the file and m here add k − m', () => {
    const row = sampleTables().upload_history[1]!;
    const current = { ...emptyTables(), upload_history: [{ ...row, id: 1 }] };
    const incoming = { ...emptyTables(), upload_history: [{ ...row, id: 1 }, { ...row, id: 2 }, { ...row, id: 3 }] };
    const once = planRestore(current, incoming, 'merge');
    expect(once.tables.upload_history.map((u) => u.id)).toEqual([1, 2, 3]);
    expect(once.changes.upload_history.add).toBe(2);
    expect(planRestore(once.tables, incoming, 'merge').changes.upload_history.add).toBe(0);
  });

  it('re-links processing errors and configuration changes to the ids their rows get', async () => {
    const current: DataTables = {
      ...emptyTables(),
      brokerages: [{ id: 1, name: 'Local', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', is_active: 1 }],
      upload_history: [{ ...sampleTables().upload_history[1]!, id: 101, filename: 'local.csv' }],
      brokerage_configurations: [{ ...sampleTables().brokerage_configurations[1]!, id: 11, brokerage_name: 'Local', configuration_name: 'Mine' }],
    };
    const plan = planRestore(current, sampleTables(), 'merge');
    const upload = plan.tables.upload_history.find((u) => u.filename === 'loads 2026-04.csv');
    const config = plan.tables.brokerage_configurations.find((c) => c.configuration_name === 'Main (v2)');
    expect(upload?.id).toBe(102);
    expect(config?.id).toBe(12);
    expect(plan.tables.processing_errors.map((e) => e.upload_history_id)).toEqual([102, null]);
    expect(plan.tables.configuration_changes.map((c) => c.configuration_id)).toEqual([12, null]);
    expect(await checkedByDatabase(plan.tables)).toBe(true);
    // And a second merge adds none of them again.
    const again = planRestore(plan.tables, sampleTables(), 'merge');
    expect(again.tables).toEqual(plan.tables);
  });

  it('merging the same original backup twice adds nothing the second time', async () => {
    const read = await readBackupFile(fixtureBytes('original-1.0-era-a.json'), { now: '2026-12-01T00:00:00.000Z' });
    if (!read.ok || !('backup' in read)) throw new Error('expected a backup');
    const once = planRestore(sampleTables(), read.backup.tables, 'merge');
    const twice = planRestore(once.tables, read.backup.tables, 'merge');
    expect(once.changes.upload_history.add).toBe(3);
    expect(twice.tables).toEqual(once.tables);
    expect(await checkedByDatabase(once.tables)).toBe(true);
  });

  it('merging into an empty database adds everything, re-linked, and a second merge adds nothing', async () => {
    const once = planRestore(emptyTables(), sampleTables(), 'merge');
    expect(once.tables.upload_history.map((u) => [u.id, u.filename])).toEqual([[1, 'loads 2026-04.csv'], [2, 'old.csv']]);
    expect(once.tables.processing_errors.map((e) => e.upload_history_id)).toEqual([1, null]);
    expect(once.tables.configuration_changes.map((c) => c.configuration_id)).toEqual([1, null]);
    expect(once.changes.upload_history).toEqual({ ...NONE, add: 2 });
    expect(await checkedByDatabase(once.tables)).toBe(true);
    const twice = planRestore(once.tables, sampleTables(), 'merge');
    expect(twice.tables).toEqual(once.tables);
  });

  it('states its conflict rule for the restore panel', () => {
    expect(MERGE_CONFLICT_RULE).toContain('later “updated” time wins');
    expect(MERGE_CONFLICT_RULE).toContain('on a tie the copy in this browser is kept');
  });
});

describe('countLostChanges', () => {
  const plan = planRestore(laterCopy(), sampleTables(), 'replace');

  it('counts what an older file would remove or overwrite, since the file was made', () => {
    expect(plan.changes.brokerage_configurations.update + plan.changes.upload_history.remove + plan.changes.upload_history.update).toBe(2);
    expect(countLostChanges(plan, '2026-06-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z')).toEqual({ changes: 2, since: '2026-05-01T00:00:00.000Z' });
  });

  it.each([
    ['the file is newer than the last change', '2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
    ['nothing changed here', null, '2026-06-01T00:00:00.000Z'],
    ['the file does not say when it was made', '2026-05-01T00:00:00.000Z', null],
  ])('is null when %s', (_, lastChangeAt, fileCreatedAt) => {
    expect(countLostChanges(plan, lastChangeAt, fileCreatedAt)).toBeNull();
  });

  it('is null when the restore loses nothing', () => {
    const nothing = planRestore(sampleTables(), sampleTables(), 'merge');
    expect(countLostChanges(nothing, '2026-06-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z')).toBeNull();
  });
});
