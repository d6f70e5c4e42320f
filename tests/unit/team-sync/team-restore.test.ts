import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBackup } from '../../../src/core/backup/load/load-backup';
import { listActivity } from '../../../src/core/db/activity';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { exportDatabase, openDatabase } from '../../../src/core/db/open';
import type { Database } from '../../../src/core/db/sql-types';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { loadSqlJs } from '../../support/sqljs';
import { testTeamKey } from '../../support/team-keys';
import { SimBrowser, syncOk } from './sync-support';

/**
 * A team restore replaces the team database for everyone, announced like any change. The file is
 * one the original FF2API wrote (100 uploads), read by the app's own restore path.
 */

const FILE = 'original-1.0-100-history.json';

async function restoredFile(): Promise<Database> {
  const bytes = readFileSync(new URL(`../../fixtures/backups/${FILE}`, import.meta.url));
  const loaded = await loadBackup(await loadSqlJs(), bytes);
  if (!loaded.ok || !('candidate' in loaded)) throw new Error('the fixture did not load');
  return loaded.candidate.db;
}

async function team(): Promise<[SimBrowser, SimBrowser]> {
  const store = new MemoryObjectStore();
  const key = await testTeamKey();
  const alice = await SimBrowser.open(store, key, 'Alice');
  const bob = await SimBrowser.open(store, key, 'Bob');
  await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
  await alice.sync.startTeam();
  await bob.sync.join();
  return [alice, bob];
}

describe('team restore', () => {
  it('replaces the team database everywhere: Bob takes his "Before restore" snapshot, gets the file, says who restored what', async () => {
    const [alice, bob] = await team();
    const restored = await alice.sync.restoreForTeam({ db: await restoredFile(), source: 'file', fileName: FILE });
    expect(restored.ok).toBe(true);
    await syncOk(alice);
    const report = await syncOk(bob);
    expect(report.restores.map((r) => [r.person, r.fileName])).toEqual([['Alice', FILE]]);
    expect(bob.safetySnapshots).toEqual([`Before team restore: Alice replaced the team database with ${FILE}`]);
    expect(await bob.checksum()).toBe(await alice.checksum());
    expect(bob.rows('SELECT COUNT(*) AS n FROM upload_history')).toEqual([{ n: 100 }]);
    expect(bob.rows("SELECT name FROM brokerages WHERE name = 'Acme'")).toEqual([]);
    expect(listActivity(bob.db, 1)[0]?.summary).toBe(`Alice replaced the team database with ${FILE} (team restore)`);
    expect(bob.sync.restores()[0]).toMatchObject({
      isCurrent: true,
      record: { person: 'Alice', fileName: FILE, source: 'file' },
    });
  });

  it('a change a teammate made without seeing the restore is reported lost, never silently dropped', async () => {
    const [alice, bob] = await team();
    bob.isOffline = true;
    await bob.local((db, now) => createBrokerage(db, 'Made offline', now));
    await syncOk(bob);
    await alice.sync.restoreForTeam({ db: await restoredFile(), source: 'file', fileName: FILE });
    await syncOk(alice);
    bob.isOffline = false;
    const report = await syncOk(bob);
    expect(report.lost.map((l) => [l.person, l.what])).toEqual([['Bob', 'created brokerage “Made offline”']]);
    expect(bob.sync.lostChanges()).toHaveLength(1);
    expect(bob.rows("SELECT name FROM brokerages WHERE name = 'Made offline'")).toEqual([]);
    expect(await bob.checksum()).toBe(await alice.checksum());
  });

  it('a change made after seeing the restore is kept, in every browser', async () => {
    const [alice, bob] = await team();
    await alice.sync.restoreForTeam({ db: await restoredFile(), source: 'file', fileName: FILE });
    await syncOk(alice);
    await syncOk(bob);
    await bob.local((db, now) => createBrokerage(db, 'After the restore', now));
    await syncOk(bob);
    await syncOk(alice);
    expect(alice.rows("SELECT name FROM brokerages WHERE name = 'After the restore'")).toHaveLength(1);
    expect(alice.sync.lostChanges()).toEqual([]);
    expect(await bob.checksum()).toBe(await alice.checksum());
  });

  it('two restores at once: the later is the team’s in every browser', async () => {
    const [alice, bob] = await team();
    const bobsFile = openDatabase(await loadSqlJs());
    createBrokerage(bobsFile, 'From Bob’s file', '2026-12-01T00:00:00.000Z');
    await alice.sync.restoreForTeam({ db: await restoredFile(), source: 'file', fileName: FILE });
    bob.advance(5000);
    await bob.sync.restoreForTeam({ db: bobsFile, source: 'file', fileName: 'bob.json' });
    await syncOk(alice);
    await syncOk(bob);
    await syncOk(alice);
    expect(await bob.checksum()).toBe(await alice.checksum());
    expect(alice.rows('SELECT name FROM brokerages')).toEqual([{ name: 'From Bob’s file' }]);
    expect(alice.sync.restores().find((r) => r.isCurrent)?.record.fileName).toBe('bob.json');
  });

  it('undo is a team restore of the data from before, announced as such', async () => {
    const [alice, bob] = await team();
    const before = exportDatabase(alice.db);
    const restored = await alice.sync.restoreForTeam({ db: await restoredFile(), source: 'file', fileName: FILE });
    if (!restored.ok) throw new Error(restored.error.message);
    await syncOk(alice);
    await syncOk(bob);
    const undo = await alice.sync.restoreForTeam({
      db: openDatabase(await loadSqlJs(), before),
      source: 'undo',
      fileName: FILE,
      undoOf: restored.value.id,
    });
    expect(undo.ok).toBe(true);
    await syncOk(alice);
    await syncOk(bob);
    expect(bob.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme' }]);
    expect(bob.rows('SELECT COUNT(*) AS n FROM upload_history')).toEqual([{ n: 0 }]);
    expect(bob.sync.restores()[0]?.record).toMatchObject({ source: 'undo', undoOf: restored.value.id });
    expect(await bob.checksum()).toBe(await alice.checksum());
  });

  it('before restoring, the preview says what teammates changed since the file, by whom', async () => {
    const [alice, bob] = await team();
    const file = openDatabase(await loadSqlJs(), exportDatabase(alice.db));
    alice.advance(60_000);
    bob.advance(60_000);
    await bob.local((db, now) => createBrokerage(db, 'Bob’s brokerage', now));
    await bob.local((db, now) =>
      db.run("INSERT INTO upload_history (brokerage_name, filename, upload_timestamp) VALUES ('Acme', 'bob.csv', ?)", [
        now,
      ]),
    );
    await syncOk(bob);
    await syncOk(alice);
    const changes = alice.sync.changesSince(file, '2026-12-07T09:00:30.000Z');
    expect(changes).toEqual([
      expect.objectContaining({
        person: 'Bob',
        edited: 1,
        added: 1,
        examples: ['brokerage “Bob’s brokerage”', 'upload “bob.csv”'],
      }),
    ]);
  });
});
