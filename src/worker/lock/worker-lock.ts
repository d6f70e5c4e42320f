import type { Clock } from '../../core/clock';
import { openIdbLockStore } from '../../platform/idb-lock-store';
import type { DatabaseStore } from '../engine/database-store';
import { encryptingDatabaseStore } from './encrypting-database-store';
import { LockGate, type LockableService, type Resealer } from './lock-gate';
import { RecordCipher } from './record-cipher';

/**
 * Wires the lock into the worker: one cipher, the lock's header store, the live database's store
 * wrapped to seal through that cipher, and the gate that opens the service when the lock allows.
 * `resealers` are the other stores of records at rest (snapshots), re-stored when the lock changes.
 */
export function startLockGate<S extends LockableService>(
  clock: Clock,
  innerStore: Promise<DatabaseStore>,
  openService: (store: DatabaseStore) => Promise<S>,
  resealers: readonly Resealer[] = [],
  /** The cipher every store at rest seals through; made here unless the caller's stores need it first. */
  cipher: RecordCipher = new RecordCipher(),
): LockGate<S> & { cipher: RecordCipher } {
  const gate = new LockGate({
    headers: openIdbLockStore(),
    cipher,
    clock,
    store: innerStore.then((inner) => encryptingDatabaseStore(inner, cipher)),
    openService,
    resealers,
  });
  return Object.assign(gate, { cipher });
}
