import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { SimBrowser, syncOk } from './sync-support';

/** A gap in a teammate's log that no snapshot covers is said — which browser, since when — never silent. */

describe('a teammate’s log with a gap no snapshot covers', () => {
  it('team health names the browser, the missing objects and since when; it clears once the gap is covered', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const alice = await SimBrowser.open(store, key, 'Alice', { deviceId: 'a'.repeat(32) });
    // Bob writes the team's snapshots (lowest device id) once his threshold is lowered below.
    const bobPolicy = { snapshotAfterLogs: 1000 };
    const bob = await SimBrowser.open(store, key, 'Bob', { deviceId: '1'.repeat(32), compaction: bobPolicy });
    await alice.sync.startTeam();
    await bob.sync.join();
    await syncOk(alice);
    for (const name of ['One', 'Two', 'Three']) {
      await bob.local((db, now) => createBrokerage(db, name, now));
      await syncOk(bob);
    }
    const bobLogs = [...store.objects.keys()].filter((n) => n.includes(`${bob.deviceId}/log/`)).sort();
    expect(bobLogs.length).toBeGreaterThanOrEqual(3);
    const [first, second] = bobLogs.slice(-3);
    // Two of Bob's log objects vanish from the store (deleted by hand, lost by the store).
    for (const name of [first, second]) store.objects.delete(name ?? '');

    alice.advance(60_000);
    await syncOk(alice);
    const health = alice.sync.health();
    expect(health).toHaveLength(1);
    expect(health[0]).toMatchObject({ kind: 'stalled', device: bob.deviceId, person: 'Bob' });
    const since = health[0]?.since;
    expect(alice.rows('SELECT name FROM brokerages ORDER BY name')).toEqual([]);

    alice.advance(60_000);
    await syncOk(alice);
    expect(alice.sync.health()[0]?.since, 'since when it was first found').toBe(since);

    // Bob's browser still has everything: a snapshot of his covers the gap, and Alice catches up.
    bobPolicy.snapshotAfterLogs = 1;
    bob.restart();
    expect((await syncOk(bob)).wroteSnapshot).toBe(true);
    await syncOk(alice);
    expect(alice.sync.health()).toEqual([]);
    expect(alice.rows('SELECT name FROM brokerages ORDER BY name')).toEqual(
      ['One', 'Three', 'Two'].map((name) => ({ name })),
    );
  });
});
