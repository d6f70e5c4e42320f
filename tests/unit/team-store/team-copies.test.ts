import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseObjectName } from '../../../src/core/team-store/object-names';
import { openIdbUploadQueue } from '../../../src/platform/team-store/idb-upload-queue';
import type { MemoryObjectStore } from '../../support/memory-object-store';
import {
  backUpToStore,
  connectRequest,
  createTeam,
  newMemoryStore,
  seedBrokerage,
  teamBrowser,
} from '../../support/team-store-support';
import { createTestStore } from '../../support/test-api';

/**
 * Every backup file also goes to the store (worker feature, real sql.js, the in-memory store): a
 * copy counts only once read back and checked; a failed one waits, is shown, survives a reload and
 * goes when the store answers again; nothing readable reaches the store; only this browser's own
 * objects are ever written.
 */

const API_KEY = 'sk-live-4f9a8b7c6d5e4f3a2b1c';

function backupKeys(store: MemoryObjectStore): string[] {
  return [...store.objects.keys()].filter((key) => parseObjectName('ff2api/', key)?.kind === 'backup');
}

describe('copies of backup files in the team store', () => {
  it('a backup goes up sealed, is read back and checked, and counts as a backup point', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    await createTeam(browser);
    await seedBrokerage(browser.api, 'Acme Freight, Inc.', API_KEY);
    browser.clock.advanceHours(1);
    const { file, outcome } = await backUpToStore(browser.api);
    expect(outcome.state).toBe('checked');
    expect(outcome.state === 'checked' && outcome.retention).toMatch(/^Team store retention: 0 old backups removed/);
    const [key] = backupKeys(store);
    const status = await browser.api.getTeamStoreStatus();
    expect(status.connected && key?.startsWith(`ff2api/devices/${status.deviceId}/backups/`)).toBe(true);
    // Sealed: no brokerage name, API key or file name readable in any object.
    for (const { bytes } of store.objects.values()) {
      const text = new TextDecoder('latin1').decode(bytes);
      for (const secret of ['Acme Freight', API_KEY, file.fileName, 'Dispatch desk 1', 'Dana'])
        expect(text).not.toContain(secret);
    }
    expect((await browser.api.getStatus()).times.lastBackupAt).toBe(file.receipt.createdAt);
    const overview = await browser.api.getBackupOverview();
    expect(overview.store).toMatchObject({
      newestGoodCopy: { at: file.receipt.createdAt, fileName: file.fileName },
      failures: [],
      waiting: 0,
    });
    const listed = await browser.api.listStoreBackups();
    expect(listed.ok && listed.value.backups).toEqual([
      expect.objectContaining({
        fileName: file.fileName,
        backupKind: 'manual',
        browserName: 'Dispatch desk 1',
        person: 'Dana',
        isThisBrowser: true,
        isVerified: true,
      }),
    ]);
  });

  it('without a connected store nothing is queued and the local file is all there is', async () => {
    const browser = await teamBrowser(newMemoryStore());
    const { outcome } = await backUpToStore(browser.api);
    expect(outcome).toEqual({ state: 'not-connected' });
    expect(await browser.uploads.list()).toEqual([]);
  });

  it('an unreachable store: the copy waits with back-off, is shown, and goes once the store answers', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    await createTeam(browser);
    await seedBrokerage(browser.api, 'Acme', API_KEY);
    store.failNext('unreachable', (op) => op === 'put', Infinity);
    const { outcome } = await backUpToStore(browser.api, 'emergency');
    expect(outcome).toMatchObject({ state: 'waiting', isKept: true });
    expect(outcome.state === 'waiting' && outcome.message).toMatch(/Could not reach the team store/);
    const waitUntil = outcome.state === 'waiting' ? Date.parse(outcome.nextAttemptAt ?? '') : NaN;
    expect(waitUntil - browser.clock.now().getTime()).toBe(22_500); // 30 s ceiling, equal jitter at 0.5
    const status = await browser.api.getTeamStoreStatus();
    expect(status.connected && status.pending.map((p) => [p.backupKind, p.attempts, p.state])).toEqual([
      ['emergency', 1, 'pending'],
    ]);
    expect((await browser.api.getBackupOverview()).store).toMatchObject({
      waiting: 1,
      unreachableSince: browser.clock.now().toISOString(),
    });

    expect(await browser.api.runStoreUploads()).toEqual({ attempted: 0, checked: 0 }); // not due yet
    expect(store.calls.filter((c) => c.startsWith('put') && c.includes('/backups/'))).toHaveLength(1);
    store.recover();
    browser.clock.advanceHours(1 / 60);
    expect(await browser.api.runStoreUploads()).toEqual({ attempted: 1, checked: 1 });
    expect(backupKeys(store)).toHaveLength(1);
    expect((await browser.api.getBackupOverview()).store).toMatchObject({
      waiting: 0,
      unreachableSince: null,
      failures: [],
    });
  });

  it('a copy kept in IndexedDB survives a reload and goes up from the next session', async () => {
    const store = newMemoryStore();
    const database = await createTestStore();
    const queueName = `uploads-${Math.random()}`;
    const first = await teamBrowser(store, { store: database, uploads: await openIdbUploadQueue(queueName) });
    await createTeam(first);
    await seedBrokerage(first.api, 'Acme', API_KEY);
    store.failNext('server', (op) => op === 'put', Infinity);
    expect((await backUpToStore(first.api)).outcome.state).toBe('waiting');

    store.recover();
    const reloaded = await teamBrowser(store, {
      store: database,
      uploads: await openIdbUploadQueue(queueName),
      start: '2026-11-22T09:00:00.000Z',
    });
    const pending = await reloaded.api.getTeamStoreStatus();
    expect(pending.connected && pending.pending).toHaveLength(1);
    expect(await reloaded.api.runStoreUploads()).toEqual({ attempted: 1, checked: 1 });
    expect(backupKeys(store)).toHaveLength(1);
    const after = await reloaded.api.getTeamStoreStatus();
    expect(after.connected && after.pending).toEqual([]);
  });

  it('a copy that does not read back as written is removed and does not count', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    await createTeam(browser);
    await seedBrokerage(browser.api, 'Acme', API_KEY);
    const realGet = store.get.bind(store);
    store.get = async (name, range) => {
      const got = await realGet(name, range);
      if (!got.ok || range || !name.includes('/backups/')) return got;
      const bytes = new Uint8Array(await new Response(got.value.body).arrayBuffer());
      bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 1;
      return { ok: true, value: { ...got.value, body: new Response(bytes).body as ReadableStream<Uint8Array> } };
    };
    const before = (await browser.api.getStatus()).times.lastBackupAt;
    const { outcome } = await backUpToStore(browser.api);
    expect(outcome.state === 'waiting' && outcome.message).toMatch(/did not read back as written, so it was removed/);
    expect(backupKeys(store)).toEqual([]);
    expect((await browser.api.getStatus()).times.lastBackupAt).toBe(before);
  });

  it('a copy is written under this browser’s device id, whatever a stored job names', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    await createTeam(browser);
    const status = await browser.api.getTeamStoreStatus();
    if (!status.connected) throw new Error('connected');
    const foreign = 'f'.repeat(32);
    await browser.uploads.add(
      {
        id: 'e'.repeat(32),
        objectId: 'e'.repeat(32),
        key: `ff2api/devices/${foreign}/backups/${'e'.repeat(32)}`,
        queuedAt: browser.clock.now().toISOString(),
        state: 'pending',
        attempts: 0,
        nextAttemptAt: browser.clock.now().toISOString(),
        lastError: null,
        createdAt: browser.clock.now().toISOString(),
        details: {
          backupKind: 'manual',
          fileName: 'ff2api_backup_20261122_080000.json',
          checksum: 'x',
          sha256: '0'.repeat(64),
          sizeBytes: 3,
          counts: {},
          secrets: 'plain',
        },
      },
      new Blob(['{}x']),
    );
    await browser.api.runStoreUploads();
    expect(store.calls.filter((c) => c.startsWith('put') && c.includes(foreign))).toEqual([]);
    expect(store.calls.filter((c) => c.startsWith('put') && c.includes(`/devices/${status.deviceId}/`))).toHaveLength(
      1,
    );
  });

  it('a second browser connects with its own name: its copies carry its name and person', async () => {
    const store = newMemoryStore();
    const first = await teamBrowser(store);
    await createTeam(first);
    const second = await teamBrowser(store);
    expect((await second.api.connectTeamStore(connectRequest({ browserName: 'Night desk', person: 'Sam' }))).ok).toBe(
      true,
    );
    await seedBrokerage(second.api, 'Acme', API_KEY);
    await backUpToStore(second.api);
    const listed = await first.api.listStoreBackups();
    expect(listed.ok && listed.value.backups).toEqual([
      expect.objectContaining({ browserName: 'Night desk', person: 'Sam', isThisBrowser: false, isVerified: false }),
    ]);
  });
});
