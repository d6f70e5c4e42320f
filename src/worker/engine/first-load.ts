import { SCHEMA_VERSION } from '../../core/db/schema';
import type { DatabaseStore, StoredDatabase } from './database-store';

/**
 * What the live database's first load found, seen without a second read of the store: whether
 * there was a database at all (an empty start after the marker says there was data is an
 * eviction), and the stored bytes when their schema is older than this build's (the database is
 * migrated in memory at open, so those bytes are the copy to keep `Before migration`).
 */
export interface StartupLoad {
  found: boolean;
  /** Set only when the stored database predates SCHEMA_VERSION. */
  preMigration: { bytes: Uint8Array; savedAt: string } | null;
}

/** Wraps a store so that its first `load` is observed; every call still goes to the store. */
export function watchFirstLoad(store: DatabaseStore): { store: DatabaseStore; firstLoad: () => StartupLoad } {
  let seen: StartupLoad | null = null;
  const load = async (): Promise<StoredDatabase | null> => {
    const stored = await store.load();
    seen ??= {
      found: stored !== null,
      preMigration: stored && isOlderSchema(stored.bytes) ? { bytes: stored.bytes, savedAt: stored.savedAt } : null,
    };
    return stored;
  };
  const watched: DatabaseStore = {
    load,
    save: (write) => store.save(write),
    quarantine: (bytes, reason, at) => store.quarantine(bytes, reason, at),
  };
  return { store: watched, firstLoad: () => seen ?? { found: false, preMigration: null } };
}

/** The SQLite header keeps `user_version` at bytes 60–63, big-endian: read without opening. */
export function storedSchemaVersion(bytes: Uint8Array): number | null {
  const magic = 'SQLite format 3\u0000';
  if (bytes.length < 100) return null;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return null;
  return new DataView(bytes.buffer, bytes.byteOffset + 60, 4).getUint32(0);
}

function isOlderSchema(bytes: Uint8Array): boolean {
  const version = storedSchemaVersion(bytes);
  return version !== null && version < SCHEMA_VERSION;
}
