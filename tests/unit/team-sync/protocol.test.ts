import { describe, expect, it } from 'vitest';
import { createBrokerage, renameBrokerage } from '../../../src/core/db/brokerages';
import { exportDatabase, openDatabase } from '../../../src/core/db/open';
import { loadSqlJs } from '../../support/sqljs';
import { saveConfiguration } from '../../../src/core/db/configuration-save';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { configurationInput } from './peers';
import { SimBrowser, syncOk } from './sync-support';

/** The protocol over an object store: starting, joining, pulling, pushing, offline, refusals. */
describe('team sync protocol', () => {
  it('a browser starts the team, another joins with its own data, and both end with the same database', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const alice = await SimBrowser.open(store, key, 'Alice');
    const bob = await SimBrowser.open(store, key, 'Bob');
    await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
    await alice.local(
      (db, now) => saveConfiguration(db, configurationInput('Acme', 'Default', { 'load.loadNumber': 'Load' }), now),
      false,
    );
    await bob.local((db, now) => createBrokerage(db, 'Beta', now), false);
    const started = await alice.sync.startTeam();
    expect(started.ok).toBe(true);
    const joined = await bob.sync.join();
    if (!joined.ok) throw new Error(joined.error.detail);
    await syncOk(alice);
    expect(alice.rows('SELECT name FROM brokerages ORDER BY name')).toEqual([{ name: 'Acme' }, { name: 'Beta' }]);
    expect(await alice.checksum()).toBe(await bob.checksum());
  });

  it('an edit reaches a teammate at the next sync; a rename follows everywhere', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const alice = await SimBrowser.open(store, key, 'Alice');
    const bob = await SimBrowser.open(store, key, 'Bob');
    await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
    await alice.sync.startTeam();
    await bob.sync.join();
    const acmeId = bob.rows<{ id: number }>('SELECT id FROM brokerages')[0]?.id ?? 0;
    await bob.local((db, now) => renameBrokerage(db, acmeId, 'Acme Freight', now));
    expect(bob.sync.pendingCount()).toBe(1);
    await syncOk(bob);
    expect(bob.sync.pendingCount()).toBe(0);
    await syncOk(alice);
    expect(alice.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme Freight' }]);
    expect(await alice.checksum()).toBe(await bob.checksum());
  });

  it('offline, writes go on and are counted; back online, they are shared', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const alice = await SimBrowser.open(store, key, 'Alice');
    const bob = await SimBrowser.open(store, key, 'Bob');
    await alice.sync.startTeam();
    await bob.sync.join();
    bob.isOffline = true;
    await bob.local((db, now) => createBrokerage(db, 'Offline Co', now));
    const offline = await syncOk(bob);
    expect(offline.unreachable).not.toBeNull();
    expect(bob.sync.pendingCount()).toBe(1);
    bob.isOffline = false;
    await syncOk(bob);
    await syncOk(alice);
    expect(alice.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Offline Co' }]);
  });

  it('two browsers holding the same id range stop sharing with a message, and nothing is mixed', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const alice = await SimBrowser.open(store, key, 'Alice');
    const bob = await SimBrowser.open(store, key, 'Bob');
    await alice.sync.startTeam();
    await bob.sync.join();
    await syncOk(alice);
    const aliceSlot =
      alice.rows<{ value: string }>("SELECT value FROM team_sync_meta WHERE key = 'slot'")[0]?.value ?? '';
    bob.db.run("UPDATE team_sync_meta SET value = ? WHERE key = 'slot'", [aliceSlot]);
    await bob.local((db, now) => createBrokerage(db, 'Bob’s', now));
    const synced = await bob.sync.syncNow();
    expect(synced.ok || synced.error.code).toBe('team-slot-taken');
    expect(bob.sync.pendingCount()).toBe(1);
  });

  it('a local write made while a sync is downloading is neither written over nor lost', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const alice = await SimBrowser.open(store, key, 'Alice');
    const bob = await SimBrowser.open(store, key, 'Bob');
    await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
    await alice.sync.startTeam();
    await bob.sync.join();
    await alice.local((db, now) => renameBrokerage(db, 1, 'Acme Freight', now));
    await syncOk(alice);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const get = store.get.bind(store);
    store.get = async (...args) => {
      if (args[0].includes('/log/')) await gate;
      return get(...args);
    };
    const syncing = bob.sync.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    bob.db.run(
      "INSERT INTO brokerages (name, created_at, updated_at) VALUES ('Typed meanwhile', '2026-12-07T09:00:00.000Z', '2026-12-07T09:00:00.000Z')",
    );
    release();
    const done = await syncing;
    expect(done.ok).toBe(true);
    expect(bob.rows('SELECT name FROM brokerages ORDER BY name')).toEqual([
      { name: 'Acme Freight' },
      { name: 'Typed meanwhile' },
    ]);
    await syncOk(bob);
    await syncOk(alice);
    expect(alice.rows('SELECT name FROM brokerages ORDER BY name')).toEqual([
      { name: 'Acme Freight' },
      { name: 'Typed meanwhile' },
    ]);
  });

  it('a database put back to an older copy of itself never reuses a log number; its pushed changes come back', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const alice = await SimBrowser.open(store, key, 'Alice');
    const bob = await SimBrowser.open(store, key, 'Bob');
    await alice.sync.startTeam();
    await bob.sync.join();
    const older = exportDatabase(bob.db);
    await bob.local((db, now) => createBrokerage(db, 'Pushed before', now));
    await syncOk(bob);
    bob.db = openDatabase(await loadSqlJs(), older);
    bob.restart();
    await bob.local((db, now) => createBrokerage(db, 'Made after', now));
    expect((await syncOk(bob)).rejoined).toBe(true);
    await syncOk(alice);
    await syncOk(bob);
    const names = ['Made after', 'Pushed before'];
    expect(alice.rows('SELECT name FROM brokerages ORDER BY name').map((r) => r.name)).toEqual(names);
    expect(bob.rows('SELECT name FROM brokerages ORDER BY name').map((r) => r.name)).toEqual(names);
    expect(await bob.checksum()).toBe(await alice.checksum());
  });

  it('a browser put back to a copy older than its own snapshot (and the compaction after it) reads on from there', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const options = { compaction: { activeDays: 2, snapshotAfterLogs: 2 } };
    const alice = await SimBrowser.open(store, key, 'Alice', options);
    // Bob's device id is the lower: he writes the team's snapshots.
    const bob = await SimBrowser.open(store, key, 'Bob', options);
    await alice.sync.startTeam();
    await bob.sync.join();
    const older = exportDatabase(bob.db);
    for (const name of ['One', 'Two', 'Three']) {
      await alice.local((db, now) => createBrokerage(db, `${name} by Alice`, now));
      await syncOk(alice);
      await bob.local((db, now) => createBrokerage(db, `${name} by Bob`, now));
      await syncOk(bob);
    }
    await syncOk(alice);
    await syncOk(bob);
    const listed = (browser: SimBrowser) =>
      browser.rows<{ value: string }>("SELECT value FROM team_sync_meta WHERE key = 'verified_snapshots'")[0]?.value;
    const bobsSnapshots = (JSON.parse(listed(bob) ?? '[]') as { objectId: string }[]).map((s) => s.objectId);
    expect(bobsSnapshots.length).toBeGreaterThan(0);
    const positions = bob.rows('SELECT device, sequence FROM team_sync_positions ORDER BY device');
    bob.db = openDatabase(await loadSqlJs(), older);
    bob.restart();
    expect((await syncOk(bob)).rejoined).toBe(true);
    // Joined again from his newest snapshot (written in the same millisecond as older ones: the
    // one covering most), read on from its positions, and his state still names his snapshots.
    expect(bob.rows('SELECT device, sequence FROM team_sync_positions ORDER BY device')).toEqual(positions);
    const relisted = (JSON.parse(listed(bob) ?? '[]') as { objectId: string }[]).map((s) => s.objectId);
    expect(relisted.some((id) => bobsSnapshots.includes(id))).toBe(true);
    await alice.local((db, now) => createBrokerage(db, 'After the roll-back', now));
    await syncOk(alice);
    await syncOk(bob);
    expect(bob.rows("SELECT 1 FROM brokerages WHERE name = 'After the roll-back'")).toHaveLength(1);
    expect(await bob.checksum()).toBe(await alice.checksum());
  });
});
