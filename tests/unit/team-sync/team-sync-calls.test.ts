import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { ok } from '../../../src/core/result';
import { bindFeature } from '../../../src/worker/feature-calls';
import { teamSyncCalls } from '../../../src/worker/team-sync/team-sync-calls';
import { TeamSyncEntry } from '../../../src/worker/team-sync/team-sync-entry';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { SimBrowser } from './sync-support';

/** The calls the page makes, bound as app-calls.ts binds them, over a simulated browser. */
function callsOf(browser: SimBrowser, options: { isConnected?: () => boolean; isWriter?: () => boolean } = {}) {
  const connection = browser.connection();
  return bindFeature(
    teamSyncCalls,
    new TeamSyncEntry({
      ...browser.engineParts(),
      isConnected: options.isConnected ?? (() => true),
      isWriter: options.isWriter ?? (() => true),
      connection: () => Promise.resolve(ok(connection)),
    }),
  );
}

describe('team sync calls', () => {
  it('say plainly when no team store is connected, and change nothing', async () => {
    const browser = await SimBrowser.open(new MemoryObjectStore(), await testTeamKey(), 'Ann');
    const calls = callsOf(browser, { isConnected: () => false });
    expect(await calls.getTeamSyncStatus()).toMatchObject({ isConnected: false, isJoined: false, pending: 0 });
    const joined = await calls.joinTeamDatabase();
    expect(joined.ok || joined.error.code).toBe('team-not-connected');
    expect(await calls.listTeamConflicts()).toEqual([]);
    expect(browser.rows("SELECT 1 FROM sqlite_master WHERE type = 'trigger'")).toEqual([]);
  });

  it('a tab that does not write the database leaves sharing to the one that does', async () => {
    const browser = await SimBrowser.open(new MemoryObjectStore(), await testTeamKey(), 'Ann');
    const calls = callsOf(browser, { isWriter: () => false });
    const synced = await calls.syncTeamNow();
    expect(synced.ok || synced.error.code).toBe('team-other-tab');
    expect((await calls.getTeamSyncStatus()).isOtherTabWriting).toBe(true);
  });

  it('join (the first browser starts), sync, count what is not shared, list browsers and activity, settle a conflict', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const ann = await SimBrowser.open(store, key, 'Ann', { deviceId: '1'.repeat(32) });
    const ben = await SimBrowser.open(store, key, 'Ben', { deviceId: '2'.repeat(32) });
    const annCalls = callsOf(ann);
    const benCalls = callsOf(ben);
    await ann.local((db, now) => createBrokerage(db, 'Acme', now), false);
    expect((await annCalls.joinTeamDatabase()).ok).toBe(true);
    expect((await benCalls.joinTeamDatabase()).ok).toBe(true);
    expect(ben.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme' }]);
    await annCalls.syncTeamNow();
    expect((await annCalls.listTeamBrowsers()).map((b) => [b.person, b.isThisBrowser])).toEqual([
      ['Ann', true],
      ['Ben', false],
    ]);

    ann.db.run("UPDATE brokerages SET name = 'Acme A'");
    ben.advance(5000); // Ben's rename is the later one
    ben.db.run("UPDATE brokerages SET name = 'Acme B'");
    expect((await annCalls.getTeamSyncStatus()).pending).toBe(1);
    await annCalls.syncTeamNow();
    await benCalls.syncTeamNow();
    await annCalls.syncTeamNow();
    expect((await annCalls.getTeamSyncStatus()).pending).toBe(0);
    const [conflict] = await annCalls.listTeamConflicts();
    expect(conflict).toMatchObject({
      field: 'name',
      other: { shown: 'Acme A', person: 'Ann' },
      kept: { shown: 'Acme B', person: 'Ben' },
    });
    const activity = (await annCalls.listTeamActivity()).map((a) => a.text);
    expect(activity).toContain("Ann started the team database from Ann's browser");
    expect(activity).toContain("Ben joined the team with Ben's browser");
    expect(activity).toContain('Conflict: Ann’s name of Acme B lost to Ben’s');

    expect((await annCalls.useOtherTeamValue(conflict?.id ?? '')).ok).toBe(true);
    await annCalls.syncTeamNow();
    await benCalls.syncTeamNow();
    expect(ben.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme A' }]);
    expect(await benCalls.listTeamConflicts()).toEqual([]);
    expect((await benCalls.getTeamSyncStatus()).lastSync?.applied).toBe(1);
  });
});
