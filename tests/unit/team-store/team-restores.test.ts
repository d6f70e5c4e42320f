import { describe, expect, it } from 'vitest';
import { parseObjectName } from '../../../src/core/team-store/object-names';
import type { TestApi } from '../../support/test-api';
import {
  backUpToStore,
  createTeam,
  connectRequest,
  newMemoryStore,
  seedBrokerage,
  teamBrowser,
} from '../../support/team-store-support';

/**
 * The connection survives what replaces the database (a restore of a file, a merge, an undo, a
 * snapshot restore: the row is this browser's, not the file's); a new browser gets the team's data
 * back from the store; a tampered object is refused and reported, and nothing of it is used.
 */

async function connectedDevice(api: TestApi): Promise<string> {
  const status = await api.getTeamStoreStatus();
  if (!status.connected) throw new Error('the team store connection was lost');
  return status.deviceId;
}

async function restoreBytes(api: TestApi, bytes: Uint8Array, mode: 'replace' | 'merge') {
  const preview = await api.inspectBackup({ name: 'ff2api_backup_20261122_170000.json', contents: bytes });
  if (!preview.ok) throw new Error(preview.error.message);
  const applied = await api.applyRestore(preview.value.previewId, mode);
  expect(applied.ok).toBe(true);
}

describe('the team store connection is this browser’s, whatever replaces the data', () => {
  it('survives a restore, a merge, an undo and a snapshot restore', async () => {
    const store = newMemoryStore();
    const other = await teamBrowser(newMemoryStore());
    await seedBrokerage(other.api, 'From a file', 'sk-file');
    const file = await other.api.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!file.ok) throw new Error(file.error.message);
    const bytes = new Uint8Array(await file.value.blob.arrayBuffer());

    const browser = await teamBrowser(store);
    await seedBrokerage(browser.api, 'Before connecting', 'sk-local');
    const early = await browser.api.takeSnapshot('taken before the store was connected');
    if (!early.ok) throw new Error(early.error.message);
    await createTeam(browser);
    const deviceId = await connectedDevice(browser.api);

    await restoreBytes(browser.api, bytes, 'replace');
    expect(await connectedDevice(browser.api)).toBe(deviceId);
    expect((await browser.api.listBrokerages()).map((b) => b.name)).toEqual(['From a file']);
    await restoreBytes(browser.api, bytes, 'merge');
    expect(await connectedDevice(browser.api)).toBe(deviceId);
    expect((await browser.api.undoRestore()).ok).toBe(true);
    expect(await connectedDevice(browser.api)).toBe(deviceId);

    const preview = await browser.api.inspectSnapshot(early.value.id);
    if (!preview.ok) throw new Error(preview.error.message);
    expect((await browser.api.applyRestore(preview.value.previewId, 'replace')).ok).toBe(true);
    expect((await browser.api.listBrokerages()).map((b) => b.name)).toEqual(['Before connecting']);
    expect(await connectedDevice(browser.api)).toBe(deviceId);
    // The copy still goes to the same store after all that.
    expect((await backUpToStore(browser.api)).outcome.state).toBe('checked');
  });

  it('a restored snapshot taken while connected does not bring back a store that was disconnected since', async () => {
    const browser = await teamBrowser(newMemoryStore());
    await createTeam(browser);
    await seedBrokerage(browser.api, 'Acme', 'sk-1');
    const connected = await browser.api.takeSnapshot('connected');
    if (!connected.ok) throw new Error(connected.error.message);
    expect((await browser.api.disconnectTeamStore()).ok).toBe(true);
    const preview = await browser.api.inspectSnapshot(connected.value.id);
    if (!preview.ok) throw new Error(preview.error.message);
    expect((await browser.api.applyRestore(preview.value.previewId, 'replace')).ok).toBe(true);
    expect((await browser.api.getTeamStoreStatus()).connected).toBe(false);
    expect(new TextDecoder('latin1').decode(browser.api.exportLiveBytes())).not.toContain(
      'test-secret-never-in-a-file',
    );
  });
});

describe('restoring from the team store', () => {
  it('a new browser gets the team’s data back in three steps: connect, passphrase, restore', async () => {
    const store = newMemoryStore();
    const first = await teamBrowser(store);
    await createTeam(first);
    await seedBrokerage(first.api, 'Acme Freight, Inc.', 'sk-live-1');
    await seedBrokerage(first.api, 'Bolt Logistics', 'sk-live-2');
    first.clock.advanceHours(2);
    expect((await backUpToStore(first.api)).outcome.state).toBe('checked');

    const fresh = await teamBrowser(store, { start: '2026-11-23T08:00:00.000Z' });
    expect((await fresh.api.connectTeamStore(connectRequest({ browserName: 'New laptop', person: 'Lee' }))).ok).toBe(
      true,
    );
    const latest = await fresh.api.inspectLatestStoreBackup();
    if (!latest.ok) throw new Error(latest.error.message);
    expect(latest.value.name).toMatch(/^ff2api_backup_\d{8}_\d{6}\.json from the team store$/);
    expect(latest.value.preview.fileCounts.brokerages).toBe(2);
    expect((await fresh.api.applyRestore(latest.value.preview.previewId, 'replace')).ok).toBe(true);
    expect((await fresh.api.listBrokerages()).map((b) => b.name)).toEqual(['Acme Freight, Inc.', 'Bolt Logistics']);
    const listed = await fresh.api.listStoreBackups();
    expect(listed.ok && listed.value.backups[0]?.isVerified).toBe(true);
  });

  it('a tampered object is refused and reported, and the database is untouched', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    await createTeam(browser);
    await seedBrokerage(browser.api, 'Acme', 'sk-1');
    await backUpToStore(browser.api);
    const key = [...store.objects.keys()].find((k) => parseObjectName('ff2api/', k)?.kind === 'backup') ?? '';
    const entry = store.objects.get(key);
    if (!entry) throw new Error('no backup object');
    entry.bytes[entry.bytes.length - 40] = (entry.bytes[entry.bytes.length - 40] ?? 0) ^ 0x55;
    const refused = await browser.api.inspectStoreBackup(key);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('object-tampered');
    expect(refused.ok ? 'ok' : refused.error.message).toMatch(/failed its integrity check.*nothing from it was used/);
    const activity = await browser.api.listActivity();
    expect(activity[0]?.summary).toMatch(/Refused an object in the team store that failed its integrity check/);
    expect((await browser.api.getBackupOverview()).store?.failures[0]?.message).toMatch(/integrity check/);
    expect((await browser.api.listBrokerages()).map((b) => b.name)).toEqual(['Acme']);
  });

  it('an empty store says so; a name that is not a backup of the team is refused', async () => {
    const store = newMemoryStore();
    const browser = await teamBrowser(store);
    await createTeam(browser);
    const none = await browser.api.inspectLatestStoreBackup();
    expect(none.ok ? 'ok' : none.error.message).toMatch(/holds no backup of this team yet/);
    const foreign = await browser.api.inspectStoreBackup('ff2api/ff2api-team.json');
    expect(foreign.ok ? 'ok' : foreign.error.code).toBe('store-not-a-backup');
  });
});
