import { describe, expect, it } from 'vitest';
import { MemoryObjectStore } from '../../support/memory-object-store';
import type { TestApi } from '../../support/test-api';
import {
  connectRequest,
  createTeam,
  seedBrokerage,
  teamBrowser,
  type TeamBrowser,
} from '../../support/team-store-support';

/**
 * Restoring from the app's own restore path (the real worker in-process, real sql.js, the team
 * store over an in-memory store): in a browser that joined the team database, Replace replaces
 * the team's database and its undo is the team's too; elsewhere a restore is this browser's own.
 */

async function backupBytes(api: TestApi): Promise<Uint8Array> {
  const file = await api.createBackup({ trigger: 'manual', secrets: 'plain' });
  if (!file.ok) throw new Error(file.error.message);
  return new Uint8Array(await file.value.blob.arrayBuffer());
}

async function names(api: TestApi): Promise<string[]> {
  return (await api.listBrokerages()).map((b) => b.name);
}

async function synced(...browsers: TeamBrowser[]): Promise<void> {
  for (const browser of browsers) {
    const result = await browser.api.syncTeamNow();
    if (!result.ok) throw new Error(result.error.message);
  }
}

/** Dana and Ben in one team database, both with Acme; a backup file of Dana's from then. */
async function joinedTeam(): Promise<{ dana: TeamBrowser; ben: TeamBrowser; file: Uint8Array }> {
  const store = new MemoryObjectStore();
  const dana = await teamBrowser(store);
  const ben = await teamBrowser(store);
  await seedBrokerage(dana.api, 'Acme', 'ak-dana');
  await createTeam(dana);
  expect((await dana.api.joinTeamDatabase()).ok).toBe(true);
  const connected = await ben.api.connectTeamStore(connectRequest({ browserName: 'Desk 2', person: 'Ben' }));
  expect(connected.ok).toBe(true);
  expect((await ben.api.joinTeamDatabase()).ok).toBe(true);
  await synced(dana);
  const file = await backupBytes(dana.api);
  for (const b of [dana, ben]) b.clock.advanceHours(1);
  return { dana, ben, file };
}

describe('restoring in a browser that joined the team database', () => {
  it('Replace restores the team database: preview names the teammate’s change, teammates get it, undo is the team’s', async () => {
    const { dana, ben, file } = await joinedTeam();
    const [acme] = await ben.api.listBrokerages();
    expect((await ben.api.renameBrokerage(acme?.id ?? 0, 'Acme Freight')).ok).toBe(true);
    await synced(ben, dana);
    expect(await names(dana.api)).toEqual(['Acme Freight']);

    const preview = await dana.api.inspectBackup({ name: 'ff2api_backup_old.json', contents: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.team?.changedSince).toEqual([
      expect.objectContaining({ person: 'Ben', edited: 1, added: 0, examples: ['brokerage “Acme Freight”'] }),
    ]);
    const applied = await dana.api.applyRestore(preview.value.previewId, 'replace');
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.value.isTeamRestore).toBe(true);
    // Dana stays in the team, and Ben, after his next sync, has the file's data and says who did it.
    expect(await dana.api.getTeamSyncStatus()).toMatchObject({ isJoined: true });
    await synced(dana, ben);
    expect(await names(ben.api)).toEqual(['Acme']);
    expect((await ben.api.listTeamActivity()).map((a) => a.text)).toContain(
      'Dana replaced the team database with ff2api_backup_old.json',
    );
    expect(await ben.api.getTeamRestoreNotice()).toMatchObject({
      text: 'Dana replaced the team database with ff2api_backup_old.json',
      person: 'Dana',
    });
    expect(await dana.api.getTeamRestoreNotice()).toBeNull();
    expect((await ben.api.listSnapshots()).snapshots.map((s) => s.trigger)).toContain('before-restore');

    const undone = await dana.api.undoRestore();
    if (!undone.ok) throw new Error(undone.error.message);
    expect(undone.value.isTeamRestore).toBe(true);
    await synced(dana, ben);
    expect(await names(ben.api)).toEqual(['Acme Freight']);
    expect((await ben.api.listTeamActivity())[0]?.text).toBe('Dana undid the last team restore');
    expect((await ben.api.getTeamRestoreNotice())?.text).toBe('Dana undid the last team restore');
    expect(await dana.api.getTeamSyncStatus()).toMatchObject({ isJoined: true });
  });

  it('a snapshot restored in Replace mode is the team’s too, announced as a snapshot', async () => {
    const { dana, ben } = await joinedTeam();
    const taken = await dana.api.takeSnapshot('before Ben’s edit');
    if (!taken.ok) throw new Error(taken.error.message);
    for (const b of [dana, ben]) b.clock.advanceHours(1);
    const [acme] = await ben.api.listBrokerages();
    expect((await ben.api.renameBrokerage(acme?.id ?? 0, 'Acme Freight')).ok).toBe(true);
    await synced(ben, dana);
    const preview = await dana.api.inspectSnapshot(taken.value.id);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.team?.changedSince.map((p) => p.person)).toEqual(['Ben']);
    const applied = await dana.api.applyRestore(preview.value.previewId, 'replace');
    if (!applied.ok) throw new Error(applied.error.message);
    await synced(dana, ben);
    expect(await names(ben.api)).toEqual(['Acme']);
    expect((await ben.api.getTeamRestoreNotice())?.text).toBe('Dana replaced the team database with a snapshot');
  });

  it('a recovery restore (the browser lost its data) stays this browser’s own, never the team’s', async () => {
    const { dana, ben, file } = await joinedTeam();
    expect((await dana.api.createBrokerage('Later')).ok).toBe(true);
    await synced(dana, ben);
    const preview = await dana.api.inspectBackup({ name: 'f.json', contents: file });
    if (!preview.ok) throw new Error(preview.error.message);
    const applied = await dana.api.applyRestore(preview.value.previewId, 'replace', { isRecovery: true });
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.value.isTeamRestore).toBeUndefined();
    await synced(ben);
    expect(await names(ben.api)).toEqual(['Acme', 'Later']);
    expect(await ben.api.getTeamRestoreNotice()).toBeNull();
  });

  it('Merge stays this browser’s operation, and what it added reaches teammates', async () => {
    const { dana, ben } = await joinedTeam();
    const other = await teamBrowser(new MemoryObjectStore());
    await seedBrokerage(other.api, 'Gamma', 'ak-other');
    const preview = await dana.api.inspectBackup({ name: 'gamma.json', contents: await backupBytes(other.api) });
    if (!preview.ok) throw new Error(preview.error.message);
    const merged = await dana.api.applyRestore(preview.value.previewId, 'merge');
    if (!merged.ok) throw new Error(merged.error.message);
    expect(merged.value.isTeamRestore).toBeUndefined();
    expect(await dana.api.getTeamSyncStatus()).toMatchObject({ isJoined: true });
    await synced(dana, ben);
    expect(await names(ben.api)).toEqual(['Acme', 'Gamma']);
  });
});

describe('restoring in a browser outside a team database', () => {
  it.each([
    ['no team store connected', false],
    ['a team store connected, the team database not joined', true],
  ])('%s: the preview says nothing of a team and Replace is this browser’s own', async (_name, connect) => {
    const store = new MemoryObjectStore();
    const dana = await teamBrowser(store);
    await seedBrokerage(dana.api, 'Acme', 'ak-dana');
    if (connect) await createTeam(dana);
    const file = await backupBytes(dana.api);
    expect((await dana.api.createBrokerage('Later')).ok).toBe(true);
    const preview = await dana.api.inspectBackup({ name: 'f.json', contents: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.team).toBeNull();
    const applied = await dana.api.applyRestore(preview.value.previewId, 'replace');
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.value.isTeamRestore).toBeUndefined();
    expect(await names(dana.api)).toEqual(['Acme']);
  });
});
