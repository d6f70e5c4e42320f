import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../../src/core/backup/checksum/database-rows';
import { fixedClock } from '../../../src/core/clock';
import { openDatabase } from '../../../src/core/db/open';
import { loadSqlJs } from '../../support/sqljs';
import { createTestApi, createTestStore } from '../../support/test-api';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import type { LiveDatabase } from '../../../src/worker/engine/live-database';
import type { TeamDatabase } from '../../../src/worker/team-sync/team-connection';
import { TeamSync } from '../../../src/worker/team-sync/team-sync';
import { ok } from '../../../src/core/result';
import { SimBrowser, syncOk } from './sync-support';

/**
 * The engine over the app's real live database (the worker in-process: real sql.js, the save
 * queue, IndexedDB through fake-indexeddb): the app's own calls write, the engine captures and
 * shares, a teammate's change arrives, and all of it survives a reload.
 */

function teamDatabase(live: LiveDatabase): TeamDatabase {
  return {
    read: (query) => live.read(query),
    write: (operation) => live.write(operation),
    replace: (next) => live.replaceWith(next),
  };
}

describe('team sync over the live database', () => {
  it('the app’s writes are shared, a teammate’s arrive, and a reload keeps everything', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const clock = fixedClock('2026-12-07T09:00:00.000Z');
    const databaseStore = await createTestStore();
    const engineFor = async () => {
      const api = await createTestApi({ store: databaseStore, clock });
      const sync = new TeamSync({
        database: teamDatabase(api.internals.live),
        SQL: await loadSqlJs(),
        connection: {
          store,
          prefix: 'team/',
          teamKey: key,
          deviceId: 'a'.repeat(32),
          browserName: 'Front desk',
          person: 'Dana',
        },
        clock,
        takeSafetySnapshot: () => Promise.resolve(ok(undefined)),
      });
      return { api, sync };
    };
    const dana = await engineFor();
    const created = await dana.api.createBrokerage('Acme');
    expect(created.ok).toBe(true);
    expect((await dana.sync.startTeam()).ok).toBe(true);
    const bob = await SimBrowser.open(store, key, 'Bob');
    await bob.sync.join();
    expect(bob.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme' }]);

    const renamed = await dana.api.renameBrokerage(1, 'Acme Freight');
    expect(renamed.ok).toBe(true);
    await dana.sync.captureLocalWrites();
    expect(dana.sync.pendingCount()).toBe(1);
    await dana.sync.syncNow();
    await syncOk(bob);
    expect(bob.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme Freight' }]);

    await bob.local((db, now) =>
      db.run('INSERT INTO brokerages (name, created_at, updated_at) VALUES (?, ?, ?)', ['Beta', now, now]),
    );
    await syncOk(bob);
    await dana.sync.syncNow();
    expect((await dana.api.listBrokerages()).map((b) => b.name)).toEqual(['Acme Freight', 'Beta']);

    const reloaded = await engineFor();
    expect(reloaded.sync.isJoined()).toBe(true);
    expect((await reloaded.api.listBrokerages()).map((b) => b.name)).toEqual(['Acme Freight', 'Beta']);
    expect(reloaded.sync.pendingCount()).toBe(0);
    const stored = openDatabase(await loadSqlJs(), reloaded.api.exportLiveBytes());
    expect(await databaseChecksum(stored)).toBe(await bob.checksum());
  });
});
