import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { bindFeature } from '../../../src/worker/feature-calls';
import { teamSyncCalls } from '../../../src/worker/team-sync/team-sync-calls';
import { TeamSyncFeature } from '../../../src/worker/team-sync/team-sync-feature';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { SimBrowser } from './sync-support';

/** The calls the page will make, bound as app-calls.ts binds them. */
describe('team sync calls', () => {
  it('say plainly when the team store is not connected, and change nothing', async () => {
    const browser = await SimBrowser.open(new MemoryObjectStore(), await testTeamKey(), 'Ann');
    const calls = bindFeature(teamSyncCalls, new TeamSyncFeature(browser.engineParts()));
    expect(await calls.getTeamSyncStatus()).toEqual({
      isConnected: false,
      isJoined: false,
      pending: 0,
      conflicts: 0,
      lastSync: null,
    });
    const synced = await calls.syncTeamNow();
    expect(synced.ok || synced.error.code).toBe('team-not-connected');
    expect(await calls.listTeamConflicts()).toEqual([]);
  });

  it('start, sync, count what is not shared, list browsers and settle a conflict, as the Team view will', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const ann = await SimBrowser.open(store, key, 'Ann', { deviceId: '1'.repeat(32) });
    const ben = await SimBrowser.open(store, key, 'Ben', { deviceId: '2'.repeat(32) });
    const annTeam = new TeamSyncFeature(ann.engineParts());
    const benTeam = new TeamSyncFeature(ben.engineParts());
    annTeam.connect(ann.connection());
    benTeam.connect(ben.connection());
    const annCalls = bindFeature(teamSyncCalls, annTeam);
    const benCalls = bindFeature(teamSyncCalls, benTeam);
    await ann.local((db, now) => createBrokerage(db, 'Acme', now), false);
    expect((await annCalls.startTeam()).ok).toBe(true);
    expect((await benCalls.joinTeam()).ok).toBe(true);
    await annCalls.syncTeamNow();
    expect((await annCalls.listTeamBrowsers()).map((b) => [b.person, b.isThisBrowser])).toEqual([
      ['Ann', true],
      ['Ben', false],
    ]);

    ann.db.run("UPDATE brokerages SET name = 'Acme A'");
    ben.advance(5000); // Ben's rename is the later one
    ben.db.run("UPDATE brokerages SET name = 'Acme B'");
    await annTeam.engine?.captureLocalWrites();
    await benTeam.engine?.captureLocalWrites();
    expect((await annCalls.getTeamSyncStatus()).pending).toBe(1);
    await annCalls.syncTeamNow();
    await benCalls.syncTeamNow();
    await annCalls.syncTeamNow();
    const [conflict] = await annCalls.listTeamConflicts();
    expect(conflict).toMatchObject({
      field: 'name',
      other: { shown: 'Acme A', person: 'Ann' },
      kept: { shown: 'Acme B', person: 'Ben' },
    });
    expect((await annCalls.useOtherTeamValue(conflict?.id ?? '')).ok).toBe(true);
    await annCalls.syncTeamNow();
    await benCalls.syncTeamNow();
    expect(ben.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme A' }]);
    expect(await benCalls.listTeamConflicts()).toEqual([]);
    expect((await benCalls.getTeamSyncStatus()).lastSync?.applied).toBe(1);
  });
});
