import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { OperationProgress } from '../../src/worker/engine/progress';
import type { TestApi } from '../support/test-api';
import type { DatabaseStore } from '../../src/worker/engine/database-store';
import { createTestApi, createTestStore } from '../support/test-api';

const FIXTURES = join(__dirname, '../fixtures/backups');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const FIXTURE_PASSPHRASE = 'correct horse battery staple';

async function seed(api: TestApi, brokerage: string, configs: string[]) {
  expect((await api.createBrokerage(brokerage)).ok).toBe(true);
  for (const name of configs) {
    const saved = await api.saveConfiguration({
      brokerage_name: brokerage,
      configuration_name: name,
      description: `${name} lane`,
      auth_type: 'bearer_token',
      base_url: 'https://api.prod.goaugment.com',
      api_key: '',
      bearer_token: `T-${name}`,
      field_mappings: { 'load.mode': 'MANUAL_VALUE:FTL' },
    });
    expect(saved.ok).toBe(true);
  }
}

async function backupBytes(api: TestApi): Promise<Uint8Array> {
  const file = await api.createBackup({ trigger: 'manual', secrets: 'plain' });
  if (!file.ok) throw new Error(file.error.message);
  return new Uint8Array(await file.value.blob.arrayBuffer());
}

/** The checksum of every data table, as a backup of the live database states it. */
async function dataChecksum(api: TestApi): Promise<string> {
  const file = await api.createBackup({ trigger: 'manual', secrets: 'plain' });
  if (!file.ok) throw new Error(file.error.message);
  return file.value.receipt.checksum;
}

async function restore(
  api: TestApi,
  bytes: Uint8Array,
  mode: 'replace' | 'merge',
  name = 'ff2api_backup_20261122_170000.json',
) {
  const preview = await api.inspectBackup({ name, contents: bytes });
  if (!preview.ok) throw new Error(preview.error.message);
  return { preview: preview.value, outcome: await api.applyRestore(preview.value.previewId, mode) };
}

/** Everything a refused operation must leave alone: the live bytes and the stored bytes. */
async function captureState(api: TestApi, store: DatabaseStore) {
  return { live: api.exportLiveBytes(), stored: (await store.load())?.bytes };
}

describe('restore through the service', () => {
  it('replace makes the database exactly the file, and replacing twice gives the same database', async () => {
    const source = await createTestApi();
    await seed(source, 'Acme, Inc.', ['Main', 'Night']);
    const file = await backupBytes(source);
    const target = await createTestApi();
    await seed(target, 'Local', ['Only here']);
    const first = await restore(target, file, 'replace');
    expect(first.outcome.ok).toBe(true);
    const configChanges = first.preview.changes.replace.brokerage_configurations;
    expect(configChanges.add + configChanges.update).toBe(2);
    expect(await dataChecksum(target)).toBe(await dataChecksum(source));
    await restore(target, file, 'replace');
    expect(await dataChecksum(target)).toBe(await dataChecksum(source));
    expect((await target.listBrokerages()).map((b) => b.name)).toEqual(['Acme, Inc.']);
  });

  it('merge adds what is missing, deletes nothing, and merging the same file twice adds nothing', async () => {
    const source = await createTestApi();
    await seed(source, 'Acme, Inc.', ['Main']);
    const file = await backupBytes(source);
    const target = await createTestApi();
    await seed(target, 'Local', ['Only here']);
    expect((await restore(target, file, 'merge')).outcome.ok).toBe(true);
    const afterFirst = await dataChecksum(target);
    expect((await target.listBrokerages()).map((b) => b.name)).toEqual(['Acme, Inc.', 'Local']);
    const second = await restore(target, file, 'merge');
    const added = Object.values(second.preview.changes.merge).reduce((sum, c) => sum + c.add + c.update + c.remove, 0);
    expect(added).toBe(0);
    expect(await dataChecksum(target)).toBe(afterFirst);
  });

  it('undo returns to the previous database exactly, and the activity log keeps both events', async () => {
    const source = await createTestApi();
    await seed(source, 'From file', ['A']);
    const target = await createTestApi();
    await seed(target, 'Before', ['X', 'Y']);
    const before = await dataChecksum(target);
    await restore(target, await backupBytes(source), 'replace');
    expect(await dataChecksum(target)).not.toBe(before);
    const undone = await target.undoRestore();
    expect(undone.ok).toBe(true);
    expect(await dataChecksum(target)).toBe(before);
    const kinds = (await target.listActivity()).map((a) => a.kind);
    expect(kinds.slice(0, 2)).toEqual(['undo', 'restore']);
    // The undo can itself be undone: it goes back to the `Before undo` snapshot.
    expect((await target.getStatus()).undo?.label).toMatch(/^before the undo of/);
  });

  it('a restore that fails to store leaves the live database and IndexedDB byte for byte as they were', async () => {
    const inner = await createTestStore();
    let failSaves = false;
    const store: DatabaseStore = {
      load: () => inner.load(),
      quarantine: (...a) => inner.quarantine(...a),
      save: async (write) =>
        failSaves
          ? { ok: false, conflict: false, error: { code: 'save-failed', message: 'Simulated IndexedDB failure.' } }
          : inner.save(write),
    };
    const source = await createTestApi();
    await seed(source, 'From file', ['A']);
    const target = await createTestApi({ store });
    await seed(target, 'Before', ['X']);
    const before = await captureState(target, inner);
    failSaves = true;
    const { outcome } = await restore(target, await backupBytes(source), 'replace');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toBe('Simulated IndexedDB failure.');
    expect(await captureState(target, inner)).toEqual(before);
    expect((await target.listBrokerages()).map((b) => b.name)).toEqual(['Before']);
  });

  it('a preview goes stale when the database changes before the restore is applied', async () => {
    const source = await createTestApi();
    await seed(source, 'From file', ['A']);
    const target = await createTestApi();
    const preview = await target.inspectBackup({ name: 'f.json', contents: await backupBytes(source) });
    if (!preview.ok) throw new Error(preview.error.message);
    await target.createBrokerage('Written after the preview');
    const applied = await target.applyRestore(preview.value.previewId, 'replace');
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error.message).toMatch(/no longer current/);
  });

  it('warns what replacing would lose when the file is older than the latest change here', async () => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const source = await createTestApi({ clock });
    await seed(source, 'Acme', ['Main']);
    const file = await backupBytes(source);
    clock.advanceHours(2);
    const target = await createTestApi({ clock });
    await seed(target, 'Newer work', ['N1', 'N2']);
    const preview = await target.inspectBackup({ name: 'old.json', contents: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.wouldLose.replace?.changes).toBeGreaterThanOrEqual(3);
  });

  it('restores the original FF2API example file, passed as the page passes a File, with its repairs as warnings', async () => {
    const api = await createTestApi();
    const inspected = await api.inspectBackup({
      name: 'example.json',
      contents: new Blob([fixture('original-1.0-example.json')]),
    });
    if (!inspected.ok) throw new Error(inspected.error.message);
    const preview = inspected.value;
    const outcome = await api.applyRestore(preview.previewId, 'replace');
    expect(outcome.ok).toBe(true);
    expect(preview.shapeLabel).toMatch(/FF2API v1\.0/);
    expect(preview.warnings.map((w) => w.code).join(' ')).toMatch(/session-id/);
    const history = await api.listHistory({ limit: 10 });
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]?.timestamp_unknown).toBe(1);
    expect(history.rows[0]?.session_id).toBe('854492a1-7cfc-4187-99d6-6251994d268d');
  });
});

describe('progress and the audit trail', () => {
  it('reports a restore’s progress in order and always its end, and logs who restored what', async () => {
    const source = await createTestApi();
    await seed(source, 'Acme', ['Main']);
    const file = await backupBytes(source);
    const target = await createTestApi();
    await target.setOperatorName('  Dana   Ortiz ');
    const seen: OperationProgress[] = [];
    await target.watchProgress((p) => seen.push(p));
    await restore(target, file, 'replace', 'ff2api_backup_20261121_180000.json');
    const restoreEvents = seen.filter((p) => p.task === 'restore');
    expect(restoreEvents.length).toBeGreaterThan(1);
    const fractions = restoreEvents.map((p) => (p.task === null ? 0 : p.fraction));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ task: null });
    const [latest] = await target.listActivity(1);
    expect(latest?.summary).toBe('Replaced the database with ff2api_backup_20261121_180000.json (by Dana Ortiz)');
    expect(JSON.parse(latest?.details ?? '{}')).toMatchObject({
      by: 'Dana Ortiz',
      fileName: 'ff2api_backup_20261121_180000.json',
      mode: 'replace',
    });
  });
});

describe('bad files change nothing, live or stored', () => {
  const badFixtures = readdirSync(FIXTURES).filter((name) => name.startsWith('bad-'));

  it.each(badFixtures)('%s is refused with a plain message', async (name) => {
    const store = await createTestStore();
    const api = await createTestApi({ store });
    await seed(api, 'Acme', ['Main']);
    const before = await captureState(api, store);
    const result = await api.inspectBackup({ name, contents: fixture(name) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/Nothing was changed/);
      expect(result.error.message).not.toMatch(/TypeError|SyntaxError|undefined|\[object/);
    }
    expect(await captureState(api, store)).toEqual(before);
  });

  it.each([
    ['a wrong passphrase', 'not the passphrase', (text: string) => text],
    [
      'a tampered ciphertext',
      FIXTURE_PASSPHRASE,
      (text: string) => text.replace(/"data":"(.)/, (_m, c: string) => `"data":"${c === 'A' ? 'B' : 'A'}`),
    ],
  ])('an encrypted file with %s is refused with one clear message', async (_label, passphrase, edit) => {
    const store = await createTestStore();
    const api = await createTestApi({ store });
    await seed(api, 'Acme', ['Main']);
    const before = await captureState(api, store);
    const bytes = new TextEncoder().encode(edit(new TextDecoder().decode(fixture('ours-2.0-encrypted.json'))));
    const locked = await api.inspectBackup({ name: 'enc.json', contents: bytes });
    expect(locked.ok && locked.value.needsPassphrase).toBe(true);
    const result = await api.inspectBackup({ name: 'enc.json', contents: bytes }, { passphrase });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'The passphrase is wrong or the file was changed after it was written. Nothing was changed.',
      );
    expect(await captureState(api, store)).toEqual(before);
  });

  it('the encrypted fixture restores with the right passphrase', async () => {
    const api = await createTestApi();
    const preview = await api.inspectBackup(
      { name: 'enc.json', contents: fixture('ours-2.0-encrypted.json') },
      { passphrase: FIXTURE_PASSPHRASE },
    );
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.fileCounts.brokerage_configurations).toBe(2);
    expect((await api.applyRestore(preview.value.previewId, 'replace')).ok).toBe(true);
    expect((await api.getStatus()).counts.brokerage_configurations).toBe(2);
  });
});
