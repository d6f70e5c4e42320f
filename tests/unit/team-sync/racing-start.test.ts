import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { SimBrowser, syncOk } from './sync-support';

/** Two browsers pressing `Join the team database` at once on an empty store: one team, nothing lost. */

const upload = (browser: SimBrowser, file: string) =>
  browser.local(
    (db, now) =>
      db.run(
        "INSERT INTO upload_history (brokerage_name, filename, upload_timestamp, total_records) VALUES ('Acme', ?, ?, 5)",
        [file, now],
      ),
    false,
  );

describe('two starts at once', () => {
  it('both browsers end in one team with both browsers’ data, the same checksum and nothing reported lost', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const alice = await SimBrowser.open(store, key, 'Alice');
    const bob = await SimBrowser.open(store, key, 'Bob');
    const carol = await SimBrowser.open(store, key, 'Carol');
    await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
    await upload(alice, 'alice.csv');
    bob.advance(5_000);
    await bob.local((db, now) => createBrokerage(db, 'Beta', now), false);
    await upload(bob, 'bob.csv');

    const [aliceStarted, bobStarted] = await Promise.all([alice.sync.startTeam(), bob.sync.startTeam()]);
    expect(aliceStarted.ok && bobStarted.ok, 'both started a team (neither saw the other)').toBe(true);
    // Alice edits in the team she started before she hears of Bob's.
    await alice.local((db, now) => createBrokerage(db, 'Alice after start', now));
    await syncOk(alice);
    expect((await carol.sync.join()).ok).toBe(true);

    for (let round = 0; round < 3; round++) for (const b of [alice, bob, carol]) await syncOk(b);

    const names = ['Acme', 'Alice after start', 'Beta'].map((name) => ({ name }));
    const files = [{ filename: 'alice.csv' }, { filename: 'bob.csv' }];
    for (const b of [alice, bob, carol]) {
      expect(b.rows('SELECT name FROM brokerages ORDER BY name'), b.person).toEqual(names);
      expect(b.rows('SELECT filename FROM upload_history ORDER BY filename'), b.person).toEqual(files);
      expect(b.sync.lostChanges(), b.person).toEqual([]);
    }
    expect(await alice.checksum()).toBe(await bob.checksum());
    expect(await carol.checksum()).toBe(await bob.checksum());
  });
});
