import { deviceOf, parseObjectName } from './object-names';
import type { ObjectStore, PutBody, PutOptions, PutOutcome, StoreResult } from './object-store';
import { storeError } from './store-errors';

/**
 * The store as one browser's backups and retention may use it: reads go through, but a write or
 * a delete reaches the store only for an exact name of ours under this browser's own device id.
 * Every browser of a team holds the same bucket key, so nothing at the store stops a browser from
 * overwriting or deleting a teammate's objects, another team's prefix or objects nobody here wrote
 * — this does, before anything is sent. (Setting the team up, which writes the manifest, and the
 * connection check's probe use the store directly.)
 */
export function ownObjectsOnly(store: ObjectStore, prefix: string, deviceId: string): ObjectStore {
  const refusal = (operation: string, key: string) => ({
    ok: false as const,
    error: storeError('not-own-object', `${operation} ${key}: not an object of device ${deviceId} under "${prefix}"`),
  });
  const isOwn = (key: string) => {
    const name = parseObjectName(prefix, key);
    return name !== null && deviceOf(name) === deviceId;
  };
  return {
    put: (key: string, body: PutBody, options?: PutOptions): Promise<StoreResult<PutOutcome>> =>
      isOwn(key) ? store.put(key, body, options) : Promise.resolve(refusal('put', key)),
    delete: (key, options) => (isOwn(key) ? store.delete(key, options) : Promise.resolve(refusal('delete', key))),
    get: (key, range) => store.get(key, range),
    head: (key) => store.head(key),
    list: (listPrefix, options) => store.list(listPrefix, options),
  };
}
