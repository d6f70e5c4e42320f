import type { Database } from '../../db/sql-types';

/**
 * Lets one SQL statement see two databases. Every sql.js database is a file in the same
 * in-memory file system, so `ATTACH` of another database's file name works and SQLite itself
 * compares and copies between them: the preview and the merge never load a table into
 * JavaScript. The other database must not be written while attached (the worker runs one
 * operation's SQL at a time, and detaches before it awaits anything).
 */
export function withAttached<T>(db: Database, other: Database, alias: string, work: () => T): T {
  const file = (other as unknown as { filename?: unknown }).filename;
  if (typeof file !== 'string' || !/^[\w./-]+$/.test(file))
    throw new Error('This sql.js build does not expose database file names');
  db.exec(`ATTACH '${file}' AS ${alias}`);
  try {
    return work();
  } finally {
    db.exec(`DETACH ${alias}`);
  }
}
