import type { AppError } from '../../core/result';
import { DEVICES_FOLDER } from '../../core/team-sync/store-listing';
import { openObject, readOpenedBody } from '../../core/team-store/envelope-open';
import { sealObject } from '../../core/team-store/envelope-seal';
import type { SealedHeader } from '../../core/team-store/envelope-format';
import { objectKey, relativeObjectName, type ObjectName } from '../../core/team-store/object-names';
import { listAll, type ObjectInfo, type PutOutcome, type StoreResult } from '../../core/team-store/object-store';
import type { StoreError } from '../../core/team-store/store-errors';
import type { TeamConnection } from './team-connection';

/**
 * The team's objects as sync reads and writes them: sealed on the way out (the envelope binds
 * each to its name and the team), opened and checked on the way in. An object that does not open,
 * says it is another kind, or was written by another device than the one it is filed under is
 * *refused* — a value, never applied — apart from a store that failed to answer (try again).
 */

export type ObjectKind = 'team-log' | 'team-state' | 'team-snapshot';

export type Fetched =
  | { outcome: 'ok'; header: SealedHeader; bytes: Uint8Array }
  | { outcome: 'unavailable'; error: StoreError | AppError }
  | { outcome: 'refused'; error: AppError };

export class SealedObjects {
  constructor(private readonly connection: TeamConnection) {}

  /** Every object under the team's devices folder. */
  list(): Promise<StoreResult<ObjectInfo[]>> {
    return listAll(this.connection.store, `${this.connection.prefix}${DEVICES_FOLDER}`);
  }

  /** Seals and stores one of this browser's objects. */
  async put(
    name: ObjectName,
    kind: ObjectKind,
    details: Record<string, unknown>,
    body: Uint8Array,
    now: string,
  ): Promise<StoreResult<PutOutcome>> {
    const { store, prefix, teamKey, deviceId, person } = this.connection;
    const sealed = sealObject({
      teamKey,
      name: relativeObjectName(name),
      metadata: { kind, createdAt: now, deviceId, person, details },
      body,
      plainSize: body.byteLength,
    });
    return store.put(objectKey(prefix, name), sealed);
  }

  /** Reads and opens one object, checking it is what its name says. */
  async get(name: ObjectName, kind: ObjectKind): Promise<Fetched> {
    const { store, prefix, teamKey } = this.connection;
    const relative = relativeObjectName(name);
    const got = await store.get(objectKey(prefix, name));
    if (!got.ok) return { outcome: 'unavailable', error: got.error };
    const opened = await openObject(teamKey, relative, got.value.body);
    if (!opened.ok) return classify(opened.error);
    const bytes = await readOpenedBody(relative, opened.value);
    if (!bytes.ok) return classify(bytes.error);
    const { metadata } = opened.value.header;
    const device = 'deviceId' in name ? name.deviceId : null;
    if (metadata.kind !== kind || metadata.deviceId !== device) {
      return {
        outcome: 'refused',
        error: {
          code: 'object-tampered',
          message: 'An object in the team store is not what its name says; it was refused.',
          detail: `${relative}: ${metadata.kind} by ${metadata.deviceId}`,
        },
      };
    }
    return { outcome: 'ok', header: opened.value.header, bytes: bytes.value };
  }

  /** Deletes one of this browser's own objects. */
  delete(name: ObjectName): Promise<StoreResult<void>> {
    return this.connection.store.delete(objectKey(this.connection.prefix, name));
  }
}

function classify(error: AppError): Fetched {
  return error.code === 'store-read-failed' ? { outcome: 'unavailable', error } : { outcome: 'refused', error };
}
