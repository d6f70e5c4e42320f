import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { saveConfiguration } from '../../../src/core/db/configuration-save';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { configurationInput } from './peers';
import { SimBrowser, syncOk } from './sync-support';

/** "N changes not shared yet" counts what a person would call one change. */

async function offlineBob() {
  const store = new MemoryObjectStore();
  const key = await testTeamKey();
  const alice = await SimBrowser.open(store, key, 'Alice');
  const bob = await SimBrowser.open(store, key, 'Bob');
  await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
  await alice.local(
    (db, now) => saveConfiguration(db, configurationInput('Acme', 'Default', { 'load.loadNumber': 'Load' }), now),
    false,
  );
  await alice.sync.startTeam();
  await bob.sync.join();
  bob.isOffline = true;
  return bob;
}

describe('changes not shared yet', () => {
  it('a configuration edit (its row and its change-log row) is one change, before and after capture and packing', async () => {
    const bob = await offlineBob();
    const id = bob.rows<{ id: number }>('SELECT id FROM brokerage_configurations')[0]?.id ?? 0;
    const edit = configurationInput('Acme', 'Default', { 'load.loadNumber': 'Bob col' }, id);
    await bob.local((db, now) => saveConfiguration(db, edit, now), false);
    expect(bob.rows('SELECT change_type FROM configuration_changes').length).toBeGreaterThan(0);
    expect(bob.sync.pendingCount()).toBe(1);
    await bob.sync.captureLocalWrites();
    expect(bob.sync.pendingCount()).toBe(1);
    await syncOk(bob); // packs the queue into a log object that cannot be stored (offline)
    expect(bob.sync.pendingCount()).toBe(1);
    bob.isOffline = false;
    await syncOk(bob);
    expect(bob.sync.pendingCount()).toBe(0);
  });

  it('a new configuration and a new brokerage are two changes', async () => {
    const bob = await offlineBob();
    await bob.local((db, now) => createBrokerage(db, 'Beta', now));
    await bob.local((db, now) => saveConfiguration(db, configurationInput('Beta', 'Night', { a: 'b' }), now));
    await syncOk(bob);
    expect(bob.sync.pendingCount()).toBe(2);
  });
});
