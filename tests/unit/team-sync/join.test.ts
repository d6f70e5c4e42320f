import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { saveConfiguration } from '../../../src/core/db/configuration-save';
import { exportDatabase, openDatabase } from '../../../src/core/db/open';
import type { Database } from '../../../src/core/db/sql-types';
import { SLOT_SIZE } from '../../../src/core/team-sync/id-range';
import { clearSyncState } from '../../../src/core/team-sync/team-base';
import type { ObjectStore } from '../../../src/core/team-store/object-store';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { loadSqlJs } from '../../support/sqljs';
import { testTeamKey } from '../../support/team-keys';
import { configurationInput } from './peers';
import { applyLocalEdit } from './team-actions';
import { SimBrowser, syncOk } from './sync-support';

/** Joining a team with data of one's own: nothing of it dropped, nothing doubled. */

const upload = (db: Database, file: string, at: string) =>
  db.run(
    "INSERT INTO upload_history (brokerage_name, filename, upload_timestamp, total_records) VALUES ('Acme', ?, ?, 5)",
    [file, at],
  );

async function pair() {
  const store = new MemoryObjectStore();
  const key = await testTeamKey();
  return { alice: await SimBrowser.open(store, key, 'Alice'), bob: await SimBrowser.open(store, key, 'Bob') };
}

describe('joining with data of one’s own', () => {
  it('two browsers that made "Acme" before meeting end with one Acme; every configuration kept, differences as conflicts', async () => {
    const { alice, bob } = await pair();
    await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
    await alice.local(
      (db, now) => saveConfiguration(db, configurationInput('Acme', 'Default', { 'load.loadNumber': 'Load' }), now),
      false,
    );
    bob.advance(60_000);
    await bob.local((db, now) => createBrokerage(db, 'Acme', now), false);
    await bob.local(
      (db, now) => saveConfiguration(db, configurationInput('Acme', 'Default', { 'load.loadNumber': 'Bob col' }), now),
      false,
    );
    await bob.local(
      (db, now) => saveConfiguration(db, configurationInput('Acme', 'Bob only', { 'load.loadNumber': 'X' }), now),
      false,
    );
    await alice.sync.startTeam();
    await bob.sync.join();
    await syncOk(alice);
    for (const browser of [alice, bob]) {
      expect(browser.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme' }]);
      expect(
        browser.rows(
          'SELECT configuration_name, field_mappings FROM brokerage_configurations ORDER BY configuration_name',
        ),
      ).toEqual([
        { configuration_name: 'Bob only', field_mappings: JSON.stringify({ 'load.loadNumber': 'X' }) },
        { configuration_name: 'Default', field_mappings: JSON.stringify({ 'load.loadNumber': 'Bob col' }) },
      ]);
    }
    expect(alice.sync.conflicts().map((c) => [c.configuration, c.field, c.other.person])).toEqual([
      ['Default', 'field_mappings', 'Alice'],
    ]);
    expect(await alice.checksum()).toBe(await bob.checksum());
  });

  it('history a browser restored from a team backup is not shared twice; its own new rows are', async () => {
    const { alice, bob } = await pair();
    await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
    await alice.sync.startTeam();
    await alice.local((db, now) => upload(db, 'team.csv', now));
    await syncOk(alice);
    const restored = openDatabase(await loadSqlJs(), exportDatabase(alice.db));
    clearSyncState(restored);
    bob.db = restored;
    bob.restart();
    await bob.local((db, now) => upload(db, 'bob-only.csv', now), false);
    await bob.sync.join();
    await syncOk(alice);
    expect(alice.rows('SELECT filename FROM upload_history ORDER BY filename')).toEqual([
      { filename: 'bob-only.csv' },
      { filename: 'team.csv' },
    ]);
    expect(await alice.checksum()).toBe(await bob.checksum());
  });

  it('the joiner’s rows move into its own id range; the team’s keep theirs', async () => {
    const { alice, bob } = await pair();
    await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
    await bob.local((db, now) => createBrokerage(db, 'Beta', now), false);
    await alice.sync.startTeam();
    await bob.sync.join();
    const [acme] = bob.rows<{ id: number }>("SELECT id FROM brokerages WHERE name = 'Acme'");
    const [beta] = bob.rows<{ id: number }>("SELECT id FROM brokerages WHERE name = 'Beta'");
    expect(acme?.id).toBe(1);
    expect(Math.floor((beta?.id ?? 0) / SLOT_SIZE)).toBe(
      Number(bob.rows<{ value: string }>("SELECT value FROM team_sync_meta WHERE key = 'slot'")[0]?.value),
    );
  });

  it('a run still sending when joining stays local, and is shared with its errors when it ends', async () => {
    const { alice, bob } = await pair();
    await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
    await alice.sync.startTeam();
    await bob.local((db, now) => createBrokerage(db, 'Beta', now), false);
    await bob.local(
      (db, now) => saveConfiguration(db, configurationInput('Beta', 'Main', { 'load.loadNumber': 'L' }), now),
      false,
    );
    await bob.local((db, now) => applyLocalEdit(db, { kind: 'start-run', pick: 0, file: 'running.csv' }, now), false);
    await bob.sync.join();
    await syncOk(alice);
    expect(alice.rows('SELECT filename FROM upload_history')).toEqual([]);
    expect(bob.rows('SELECT filename FROM upload_history')).toEqual([{ filename: 'running.csv' }]);
    await bob.local((db, now) => applyLocalEdit(db, { kind: 'finish-run', pick: 0 }, now));
    await syncOk(bob);
    await syncOk(alice);
    expect(alice.rows('SELECT filename, successful_records FROM upload_history')).toEqual([
      { filename: 'running.csv', successful_records: 2 },
    ]);
    expect(alice.rows('SELECT field_name FROM processing_errors')).toEqual([{ field_name: 'load.weight' }]);
    expect(await alice.checksum()).toBe(await bob.checksum());
  });

  it('a joiner reads on from the snapshot’s positions, even for a device with no log after it', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const options = { compaction: { activeDays: 2, snapshotAfterLogs: 2 } };
    // Carol's device id is the lowest: she writes the team's snapshots.
    const carol = await SimBrowser.open(store, key, 'Carol', options);
    await carol.sync.startTeam();
    for (const name of ['One', 'Two', 'Three']) {
      await carol.local((db, now) => createBrokerage(db, name, now));
      await syncOk(carol);
    }
    await syncOk(carol);
    const carolsLast = Math.max(
      ...[...store.objects.keys()]
        .filter((n) => n.includes(`${carol.deviceId}/log/`))
        .map((n) => Number(n.split('/').pop())),
    );
    const snapshotsRead: string[] = [];
    const watched: ObjectStore = {
      put: (...args) => store.put(...args),
      head: (...args) => store.head(...args),
      list: (...args) => store.list(...args),
      delete: (name) => store.delete(name),
      get: (name, range) => {
        if (name.includes('/snapshots/')) snapshotsRead.push(name);
        return store.get(name, range);
      },
    };
    const alice = await SimBrowser.open(watched, key, 'Alice', options);
    expect((await alice.sync.join()).ok).toBe(true);
    expect(snapshotsRead, 'one snapshot read: no catching up right after joining').toHaveLength(1);
    expect(alice.rows(`SELECT sequence FROM team_sync_positions WHERE device = '${carol.deviceId}'`)).toEqual([
      { sequence: carolsLast },
    ]);
    expect(await alice.checksum()).toBe(await carol.checksum());
  });
});
