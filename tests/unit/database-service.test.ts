import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { DatabaseStore } from '../../src/worker/engine/database-store';
import { createTestApi, createTestStore } from '../support/test-api';

const T0 = '2026-11-22T08:00:00.000Z';

/** Wraps a store so that saves fail while `failing` is true (simulates a full or broken IndexedDB). */
function failingStore(inner: DatabaseStore) {
  const control = { failing: false };
  const store: DatabaseStore = {
    ...inner,
    load: () => inner.load(),
    quarantine: (...args) => inner.quarantine(...args),
    save: async (write) =>
      control.failing
        ? {
            ok: false,
            conflict: false,
            error: {
              code: 'save-failed',
              message: 'Browser storage is full, so your latest change could not be saved.',
            },
          }
        : inner.save(write),
  };
  return { store, control };
}

describe('database service persistence', () => {
  it('stores a new database at once, so its creation time survives a reload', async () => {
    const store = await createTestStore();
    const clock = fixedClock(T0);
    await createTestApi({ store, clock });
    clock.advanceHours(5);
    const reopened = await createTestApi({ store, clock });
    const status = await reopened.getStatus();
    expect(status.times.createdAt).toBe(T0);
    expect(status.persistence.state).toBe('saved');
  });

  it('keeps every write across a reload', async () => {
    const store = await createTestStore();
    const api = await createTestApi({ store });
    expect((await api.createBrokerage('Acme, Inc.')).ok).toBe(true);
    const saved = await api.saveConfiguration({
      brokerage_name: 'Acme, Inc.',
      configuration_name: 'Main',
      description: '',
      auth_type: 'api_key',
      base_url: 'https://api.prod.goaugment.com',
      api_key: 'K1',
      bearer_token: '',
      field_mappings: { 'load.loadNumber': 'load_number' },
    });
    expect(saved.ok).toBe(true);
    const reopened = await createTestApi({ store });
    expect((await reopened.listBrokerages()).map((b) => b.name)).toEqual(['Acme, Inc.']);
    expect((await reopened.listConfigurations('Acme, Inc.')).map((c) => c.configuration_name)).toEqual(['Main']);
    expect((await reopened.getStatus()).times.lastChangeAt).not.toBeNull();
  });

  it('reports a failed save to the caller and in the status, never swallowing it', async () => {
    const { store, control } = failingStore(await createTestStore());
    const api = await createTestApi({ store });
    control.failing = true;
    const result = await api.createBrokerage('Beta Freight');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/could not be saved/);
    const status = await api.getStatus();
    expect(status.persistence.state).toBe('failed');
    // The change is kept in this tab so the user can still download it in a backup.
    expect((await api.listBrokerages()).map((b) => b.name)).toEqual(['Beta Freight']);
    control.failing = false;
    expect((await api.flush()).ok).toBe(true);
    expect((await api.getStatus()).persistence.state).toBe('saved');
  });

  it('records the backup point only when the file was handed over, and keeps it across a reload', async () => {
    const store = await createTestStore();
    const clock = fixedClock(T0);
    const api = await createTestApi({ store, clock });
    await api.createBrokerage('Acme');
    clock.advanceHours(1);
    const file = await api.createBackup({ trigger: 'manual', secrets: 'plain' });
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.value.fileName).toMatch(/^ff2api_backup_\d{8}_\d{6}\.json$/);
    expect((await api.getStatus()).times.lastBackupAt).toBeNull();
    await api.confirmBackupSaved(file.value.receipt);
    const reopened = await createTestApi({ store, clock });
    const status = await reopened.getStatus();
    expect(status.times.lastBackupAt).toBe(file.value.receipt.createdAt);
    const activity = await reopened.listActivity();
    expect(activity[0]?.kind).toBe('backup');
    expect(activity[0]?.summary).toContain(file.value.fileName);
  });

  it('names emergency backups ff2api_emergency_backup_…', async () => {
    const api = await createTestApi();
    const file = await api.createBackup({ trigger: 'emergency', secrets: 'plain' });
    expect(file.ok && file.value.fileName).toMatch(/^ff2api_emergency_backup_\d{8}_\d{6}\.json$/);
  });
});

describe('two tabs on one stored database', () => {
  it('a tab can never overwrite newer data saved by another', async () => {
    const store = await createTestStore();
    // Both "tabs" believe they may write (as if the lock failed): the generation check must hold.
    const tabA = await createTestApi({ store });
    const tabB = await createTestApi({ store });
    expect((await tabA.createBrokerage('Written by A')).ok).toBe(true);
    const late = await tabB.createBrokerage('Written by B from stale data');
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.message).toMatch(/Another tab saved newer data/);
    expect((await tabB.getStatus()).isWriter).toBe(false);
    const reopened = await createTestApi({ store });
    expect((await reopened.listBrokerages()).map((b) => b.name)).toEqual(['Written by A']);
  });

  it('a read-only tab refuses writes with a clear message and changes nothing', async () => {
    const store = await createTestStore();
    const readOnlyTabs = {
      tryAcquire: async () => false,
      takeOver: async () => undefined,
      isWriter: () => false,
      onWriterChange: () => undefined,
      announceSaved: () => undefined,
      onOtherTabSaved: () => undefined,
    };
    const api = await createTestApi({ store, tabs: readOnlyTabs });
    const result = await api.createBrokerage('Nope');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/read-only/);
    expect(await api.listBrokerages()).toEqual([]);
  });
});
