import 'fake-indexeddb/auto';
import { fixedClock, type Clock } from '../../src/core/clock';
import { openIdbDatabaseStore } from '../../src/platform/idb-database-store';
import { openIdbLockStore } from '../../src/platform/idb-lock-store';
import { openWorkerApp, type WorkerApp } from '../../src/worker/app-calls';
import type { DatabaseStore } from '../../src/worker/engine/database-store';
import { encryptingDatabaseStore } from '../../src/worker/lock/encrypting-database-store';
import { LockGate } from '../../src/worker/lock/lock-gate';
import { RecordCipher } from '../../src/worker/lock/record-cipher';
import { sealingSnapshotStore } from '../../src/worker/lock/sealing-snapshot-store';
import { openIdbSnapshotStorage } from '../../src/platform/snapshot-store';
import { inProcessSnapshotChecker } from '../../src/worker/snapshots/snapshot-check';
import type { SnapshotStore } from '../../src/worker/snapshots/snapshot-store';
import { singleTabCoordination } from '../../src/worker/engine/tab-coordination';
import { loadSqlJs } from './sqljs';

/** One browser profile's storage: the database's, the snapshots' and the lock's IndexedDB, by name. */
export interface TestProfile {
  databaseIdb: string;
  snapshotIdb: string;
  lockIdb: string;
  clock: Clock;
}

let profiles = 0;

/** A fresh, empty profile (fake-indexeddb), isolated from other tests. */
export function newProfile(): TestProfile {
  profiles += 1;
  const id = `${profiles}-${Math.random().toString(36).slice(2)}`;
  return {
    databaseIdb: `ff2api-lock-test-db-${id}`,
    snapshotIdb: `ff2api-lock-test-snapshots-${id}`,
    lockIdb: `ff2api-lock-test-lock-${id}`,
    clock: fixedClock('2026-11-22T08:00:00.000Z'),
  };
}

/**
 * Starts the app's worker side on a profile, as a page load does: the real lock gate, the real
 * sealing decorators over the real IndexedDB stores (database and snapshots), the real service.
 * Call again to "reload".
 */
export async function startWorker(
  profile: TestProfile,
): Promise<{ gate: LockGate<WorkerApp>; raw: DatabaseStore; rawSnapshots: SnapshotStore }> {
  const raw = await openIdbDatabaseStore(profile.databaseIdb);
  const { snapshots: rawSnapshots, facts } = await openIdbSnapshotStorage(profile.snapshotIdb);
  const cipher = new RecordCipher();
  const snapshots = sealingSnapshotStore(rawSnapshots, cipher);
  const SQL = await loadSqlJs();
  const gate = new LockGate<WorkerApp>({
    headers: openIdbLockStore(profile.lockIdb),
    cipher,
    clock: profile.clock,
    store: Promise.resolve(encryptingDatabaseStore(raw, cipher)),
    openService: (store) =>
      openWorkerApp({
        SQL,
        facts,
        store,
        clock: profile.clock,
        tabs: singleTabCoordination(),
        appVersion: 'FF2API Web test',
        isStoragePersisted: async () => null,
        snapshots: { store: snapshots, checker: inProcessSnapshotChecker(SQL), estimateStorage: async () => null },
      }),
    resealers: [snapshots],
  });
  await gate.getLockState();
  return { gate, raw, rawSnapshots };
}
