import { describe, expect, it } from 'vitest';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { connectRequest, createTeam, seedBrokerage, teamBrowser } from '../../support/team-store-support';

/**
 * The team database through the app's own calls (the real worker in-process: real sql.js, the
 * team store feature over an in-memory store): one connection — the team store's — for both, the
 * team database joined from the Team view's action, writes shared by sync, a teammate's arriving.
 */
describe('the team database in the app', () => {
  it('rides on the team store’s connection: join, share a write, receive a teammate’s, count what waits', async () => {
    const store = new MemoryObjectStore();
    const dana = await teamBrowser(store);
    const ben = await teamBrowser(store);
    expect(await dana.api.getTeamSyncStatus()).toMatchObject({ isConnected: false, isJoined: false });

    await seedBrokerage(dana.api, 'Acme', 'ak-dana');
    await createTeam(dana);
    expect(await dana.api.getTeamSyncStatus()).toMatchObject({ isConnected: true, isJoined: false });
    expect((await dana.api.joinTeamDatabase()).ok).toBe(true);

    const joined = await ben.api.connectTeamStore(connectRequest({ browserName: 'Desk 2', person: 'Ben' }));
    expect(joined.ok && joined.value.state).toBe('connected');
    await seedBrokerage(ben.api, 'Beta', 'ak-ben');
    expect((await ben.api.joinTeamDatabase()).ok).toBe(true);
    // Ben has the team's data and kept his own — and his own place in the team store: the team's
    // snapshot carries no browser's connection, keys or identity.
    expect((await ben.api.listBrokerages()).map((b) => b.name)).toEqual(['Acme', 'Beta']);
    expect(await ben.api.getTeamStoreStatus()).toMatchObject({ connected: true, browserName: 'Desk 2', person: 'Ben' });
    const identities = [dana, ben].map((b) =>
      b.api.internals.live.read((db) => db.exec('SELECT device_id FROM team_store')[0]?.values[0]?.[0]),
    );
    expect(new Set(identities).size).toBe(2);

    await dana.api.syncTeamNow();
    expect((await dana.api.listBrokerages()).map((b) => b.name)).toEqual(['Acme', 'Beta']);
    expect((await dana.api.listTeamBrowsers()).map((b) => [b.browserName, b.person])).toEqual([
      ['Dispatch desk 1', 'Dana'],
      ['Desk 2', 'Ben'],
    ]);

    // A write never waits for the store: it is counted until a sync shares it.
    const [acme] = await dana.api.listBrokerages();
    expect((await dana.api.renameBrokerage(acme?.id ?? 0, 'Acme Freight')).ok).toBe(true);
    expect((await dana.api.getTeamSyncStatus()).pending).toBeGreaterThan(0);
    await dana.api.syncTeamNow();
    expect((await dana.api.getTeamSyncStatus()).pending).toBe(0);
    const synced = await ben.api.syncTeamNow();
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value.rowsChanged).toBeGreaterThan(0);
    expect((await ben.api.listBrokerages()).map((b) => b.name)).toEqual(['Acme Freight', 'Beta']);

    // Only what a sync wrote under this browser's own device id is in the store.
    const names = [...store.objects.keys()].filter((n) => n.includes('/log/') || n.includes('/state'));
    expect(names.length).toBeGreaterThan(0);
  });

  it('a disconnected store: the team database says so, and writes go on', async () => {
    const store = new MemoryObjectStore();
    const dana = await teamBrowser(store);
    await createTeam(dana);
    expect((await dana.api.joinTeamDatabase()).ok).toBe(true);
    expect((await dana.api.disconnectTeamStore()).ok).toBe(true);
    expect(await dana.api.getTeamSyncStatus()).toMatchObject({ isConnected: false });
    expect((await dana.api.createBrokerage('Offline Co')).ok).toBe(true);
    const synced = await dana.api.syncTeamNow();
    expect(synced.ok || synced.error.code).toBe('team-not-connected');
  });
});
