import { META_KEYS, readMeta, writeMeta } from '../db/meta';
import type { Database } from '../db/sql-types';
import { withDefaults, type AppSettings } from './app-settings';
import { readSettings } from './settings-schema';

/**
 * The app's settings in the database: one JSON value in `app_meta`, this browser's bookkeeping.
 * A restore, merge or undo keeps the live database's app_meta (restore/finish.ts), so settings
 * change only through `writeStoredSettings` — which is how a restored file's settings are taken
 * on too (settings-from-file.ts).
 */

/** The settings stored, with defaults for what was never set (or cannot be read). */
export function readStoredSettings(db: Database): AppSettings {
  return withDefaults(readExplicitSettings(db));
}

/** Only the settings someone set (or a file brought): a key never set is absent. */
export function readExplicitSettings(db: Database): Partial<AppSettings> {
  const text = readMeta(db, META_KEYS.appSettings);
  if (text === null) return {};
  try {
    return readSettings(JSON.parse(text));
  } catch {
    return {};
  }
}

/** Stores `next` as the explicit settings (inside the caller's transaction when there is one). */
export function writeStoredSettings(db: Database, next: Partial<AppSettings>): void {
  writeMeta(db, META_KEYS.appSettings, JSON.stringify(next));
}
