import { migrateDatabase } from './schema';
import type { Database, SqlJsStatic } from './sql-types';

/**
 * Opens a database from stored bytes (or a new empty one), switches foreign keys on — sql.js
 * forgets pragmas with every new Database — and migrates it to the current schema.
 */
export function openDatabase(SQL: SqlJsStatic, bytes?: Uint8Array): Database {
  const db = bytes ? new SQL.Database(bytes) : new SQL.Database();
  try {
    db.exec('PRAGMA foreign_keys = ON');
    migrateDatabase(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Serialises the database. sql.js closes and reopens the connection to do it, which resets
 * pragmas, so foreign keys are switched back on afterwards. Throws inside an open transaction.
 */
export function exportDatabase(db: Database): Uint8Array {
  const bytes = db.export();
  db.exec('PRAGMA foreign_keys = ON');
  return bytes;
}
