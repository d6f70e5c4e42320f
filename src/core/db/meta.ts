import { selectValue } from './transaction';
import type { Database } from './sql-types';

/**
 * This browser's bookkeeping about its database, in the `app_meta` table. These times drive the
 * age and risk banners, so they must survive reloads — which they do, living in the database.
 */
export const META_KEYS = {
  /** When this browser's database was first created from nothing. */
  createdAt: 'database_created_at',
  /** When the database was last replaced or merged from a backup file (or undone). */
  restoredAt: 'database_restored_at',
  /** When a backup file was last handed to the browser for download. */
  lastBackupAt: 'last_backup_at',
  /** When data last changed (any user write, restore or undo). */
  lastChangeAt: 'last_change_at',
  /** The first change after the backup point (or, with none, after creation): backup health counts from it. */
  firstChangeSinceBackupAt: 'first_change_since_backup_at',
} as const;
export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS];

export interface DatabaseTimes {
  createdAt: string | null;
  restoredAt: string | null;
  lastBackupAt: string | null;
  lastChangeAt: string | null;
}

/** Reads one meta value. */
export function readMeta(db: Database, key: MetaKey): string | null {
  const value = selectValue(db, 'SELECT value FROM app_meta WHERE key = ?', [key]);
  return typeof value === 'string' ? value : null;
}

/** Writes one meta value (inside the caller's transaction when there is one). */
export function writeMeta(db: Database, key: MetaKey, value: string): void {
  db.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
    key,
    value,
  ]);
}

/** Reads the times the banners are computed from. */
export function readDatabaseTimes(db: Database): DatabaseTimes {
  return {
    createdAt: readMeta(db, META_KEYS.createdAt),
    restoredAt: readMeta(db, META_KEYS.restoredAt),
    lastBackupAt: readMeta(db, META_KEYS.lastBackupAt),
    lastChangeAt: readMeta(db, META_KEYS.lastChangeAt),
  };
}

/** Records that data changed now. Called by every write, in the same transaction. */
export function markChanged(db: Database, nowIso: string): void {
  writeMeta(db, META_KEYS.lastChangeAt, nowIso);
  // Kept while it is after the backup point; replaced by the first change after a newer one.
  db.run(
    `INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
     WHERE app_meta.value < COALESCE((SELECT MAX(value) FROM app_meta WHERE key IN (?, ?)), '')`,
    [META_KEYS.firstChangeSinceBackupAt, nowIso, META_KEYS.lastBackupAt, META_KEYS.restoredAt],
  );
}

/** Makes sure a fresh database knows when it was created. */
export function ensureCreatedAt(db: Database, nowIso: string): void {
  if (readMeta(db, META_KEYS.createdAt) === null) writeMeta(db, META_KEYS.createdAt, nowIso);
}
