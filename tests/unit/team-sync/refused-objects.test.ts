import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { SimBrowser, syncOk } from './sync-support';

/** A foreign or tampered object is refused and reported, never applied. */

async function team() {
  const store = new MemoryObjectStore();
  const key = await testTeamKey();
  const alice = await SimBrowser.open(store, key, 'Alice', { deviceId: '1'.repeat(32) });
  const bob = await SimBrowser.open(store, key, 'Bob', { deviceId: '2'.repeat(32) });
  await alice.sync.startTeam();
  await bob.sync.join();
  await alice.local((db, now) => createBrokerage(db, 'Acme', now));
  await syncOk(alice);
  return { store, alice, bob };
}

const logName = (device: string, sequence: number) =>
  `team/devices/${device}/log/${String(sequence).padStart(12, '0')}`;

describe('refused objects', () => {
  it('a log changed in the bucket is refused and reported; nothing of it is applied, the rest goes on', async () => {
    const { store, alice, bob } = await team();
    const name = logName(alice.deviceId, 2);
    const entry = store.objects.get(name);
    if (!entry) throw new Error(`no ${name}`);
    entry.bytes[entry.bytes.length - 5] = (entry.bytes[entry.bytes.length - 5] ?? 0) ^ 1;
    await bob.local((db, now) => createBrokerage(db, 'Bob’s own', now));
    const report = await syncOk(bob);
    expect(report.refused.map((r) => r.name)).toEqual([`devices/${alice.deviceId}/log/000000000002`]);
    expect(report.refused[0]?.reason).toContain('did not open');
    expect(bob.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Bob’s own' }]);
    expect(bob.sync.refusedObjects()[0]?.name).toBe(`devices/${alice.deviceId}/log/000000000002`);
    expect(report.pushed).toBe(1);
  });

  it('a log moved to another place, or another team’s, does not open here', async () => {
    const { store, alice, bob } = await team();
    const elsewhere = new MemoryObjectStore();
    const other = await SimBrowser.open(elsewhere, await testTeamKey(), 'Mallory', { deviceId: '1'.repeat(32) });
    await other.local((db, now) => createBrokerage(db, 'Planted', now), false);
    await other.sync.startTeam();
    const planted = [...elsewhere.objects].find(([name]) => name.includes('/log/'));
    if (!planted) throw new Error('no planted log');
    store.objects.set(logName(alice.deviceId, 3), planted[1]);
    const moved = store.objects.get(logName(alice.deviceId, 2));
    if (!moved) throw new Error('no log 2');
    store.objects.set(logName(alice.deviceId, 4), moved);
    const report = await syncOk(bob);
    expect(bob.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme' }]);
    expect(report.refused.map((r) => r.name)).toEqual([`devices/${alice.deviceId}/log/000000000003`]);
  });

  it('names that are not ours are never read', async () => {
    const { store, bob } = await team();
    store.objects.set('team/devices/readme.txt', {
      bytes: new TextEncoder().encode('hello'),
      etag: 'x',
      writtenAt: Date.now(),
    });
    store.objects.set(`team/devices/${'9'.repeat(32)}/log/7`, {
      bytes: new Uint8Array(3),
      etag: 'y',
      writtenAt: Date.now(),
    });
    store.calls.length = 0;
    await syncOk(bob);
    expect(store.calls.filter((c) => c.startsWith('get ') && (c.includes('readme') || c.includes('/log/7')))).toEqual(
      [],
    );
  });

  it('a tampered state object is refused and reported; the teammate stays as last read', async () => {
    const { store, alice, bob } = await team();
    await syncOk(bob);
    const before = bob.sync.browsers().find((b) => b.device === alice.deviceId);
    alice.advance(3_600_000);
    await alice.local((db, now) => createBrokerage(db, 'Beta', now));
    await syncOk(alice);
    const state = store.objects.get(`team/devices/${alice.deviceId}/state`);
    if (!state) throw new Error('no state');
    state.bytes[60] = (state.bytes[60] ?? 0) ^ 0xff;
    state.etag = 'changed';
    const report = await syncOk(bob);
    expect(report.refused.map((r) => r.name)).toContain(`devices/${alice.deviceId}/state`);
    expect(bob.sync.browsers().find((b) => b.device === alice.deviceId)?.lastSeen).toBe(before?.lastSeen);
  });

  it('joining from a tampered snapshot is refused, and this browser’s data is left as it was', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const alice = await SimBrowser.open(store, key, 'Alice');
    const carol = await SimBrowser.open(store, key, 'Carol');
    await alice.sync.startTeam();
    await carol.local((db, now) => createBrokerage(db, 'Carol’s', now), false);
    for (const [name, entry] of store.objects) {
      if (name.includes('/snapshots/'))
        entry.bytes[entry.bytes.length - 1] = (entry.bytes[entry.bytes.length - 1] ?? 0) ^ 1;
    }
    const joined = await carol.sync.join();
    expect(joined.ok).toBe(false);
    expect(carol.sync.isJoined()).toBe(false);
    expect(carol.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Carol’s' }]);
    expect(carol.sync.refusedObjects()).toHaveLength(1);
  });
});
