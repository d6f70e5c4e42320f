import { openDatabase } from '../../db/open';
import type { SqlJsStatic } from '../../db/sql-types';
import { countRows } from '../../db/tables';
import { describeThrown, type AppError } from '../../result';
import { databaseChecksum } from '../checksum/database-rows';
import { concatBytes } from '../format/encoding';
import { readJsonChunks } from '../scan/byte-source';
import type { Candidate } from './load-backup';

/**
 * A restore candidate from an already-built database (a snapshot: the SQLite file, gzip'd or
 * not), for the same preview, apply and store path as a file: opened apart from the live one,
 * migrated, checked (integrity, foreign keys) and its content checksum computed. Its own
 * activity log is carried like a file's. `expectedChecksum` (a snapshot manifest's) must match.
 */
export async function openDatabaseCandidate(
  SQL: SqlJsStatic,
  bytes: Uint8Array,
  facts: { label: string; createdAt: string | null; expectedChecksum?: string },
): Promise<{ ok: true; candidate: Candidate } | { ok: false; error: AppError }> {
  const fail = (detail: string) => ({ ok: false as const, error: { code: 'candidate-unreadable', message: 'That copy of the database could not be opened or failed its checks, so it was not used. Nothing was changed.', detail } });
  let plain: Uint8Array;
  try {
    // readJsonChunks gunzips when the bytes are gzip (its size bound applies).
    const chunks: Uint8Array[] = [];
    for await (const chunk of readJsonChunks(bytes)) chunks.push(chunk);
    plain = concatBytes(chunks);
  } catch (error) {
    return fail(describeThrown(error));
  }
  let db;
  try {
    db = openDatabase(SQL, plain);
  } catch (error) {
    return fail(describeThrown(error));
  }
  const integrity = db.exec('PRAGMA integrity_check')[0]?.values ?? [];
  const dangling = db.exec('PRAGMA foreign_key_check')[0]?.values.length ?? 0;
  if (integrity.length !== 1 || integrity[0]?.[0] !== 'ok' || dangling > 0) {
    db.close();
    return fail(`integrity_check ${JSON.stringify(integrity).slice(0, 200)}, ${dangling} foreign key violations`);
  }
  const checksum = await databaseChecksum(db);
  if (facts.expectedChecksum !== undefined && checksum !== facts.expectedChecksum) {
    db.close();
    return fail(`checksum ${checksum}, expected ${facts.expectedChecksum}`);
  }
  return {
    ok: true,
    candidate: { db, shape: 'database', shapeLabel: facts.label, createdAt: facts.createdAt, secrets: 'plain', warnings: [], stated: null, checksum, counts: countRows(db) },
  };
}
