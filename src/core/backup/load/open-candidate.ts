import { openDatabase } from '../../db/open';
import type { SqlJsStatic } from '../../db/sql-types';
import { countRows } from '../../db/tables';
import { describeThrown, type AppError } from '../../result';
import { databaseChecksum } from '../checksum/database-rows';
import { concatBytes } from '../format/encoding';
import { MAX_BACKUP_BYTES } from '../format/limits';
import { readJsonChunks, sniffSource } from '../scan/byte-source';
import type { Candidate } from './load-backup';

/**
 * A restore candidate from an already-built database (a snapshot: the SQLite file, gzip'd or
 * not), for the same preview, apply and store path as a file: opened apart from the live one,
 * migrated, checked (integrity, foreign keys) and its content checksum computed. Its own
 * activity log is carried like a file's. `expectedChecksum` (a snapshot manifest's) must match.
 *
 * `provenChecksum`: the caller has proven these exact bytes were already checked — a verified
 * snapshot whose SHA-256 equals the one recorded when it was taken, and whose content checksum,
 * integrity and foreign keys were established on a copy with that same SHA-256. Then those checks
 * are not repeated (the read-back alone is seconds at 100k rows) as long as opening migrated
 * nothing; the apply step still runs quick_check and foreign_key_check before storing.
 */
export async function openDatabaseCandidate(
  SQL: SqlJsStatic,
  bytes: Uint8Array,
  facts: { label: string; createdAt: string | null; expectedChecksum?: string; provenChecksum?: string },
): Promise<{ ok: true; candidate: Candidate } | { ok: false; error: AppError }> {
  const fail = (detail: string) => ({
    ok: false as const,
    error: {
      code: 'candidate-unreadable',
      message:
        'That copy of the database could not be opened or failed its checks, so it was not used. Nothing was changed.',
      detail,
    },
  });
  let plain: Uint8Array;
  try {
    // readJsonChunks gunzips when the bytes are gzip; plain bytes are used as they are. A database
    // image is this app's own (its free pages can compress far beyond any backup's text), so only
    // the bound on any file's text applies, not the one on a backup's compression ratio.
    if ((await sniffSource(bytes)) === 'gzip') {
      const chunks: Uint8Array[] = [];
      for await (const chunk of readJsonChunks(bytes, undefined, MAX_BACKUP_BYTES)) chunks.push(chunk);
      plain = concatBytes(chunks);
    } else plain = bytes;
  } catch (error) {
    return fail(describeThrown(error));
  }
  let db;
  const versionBefore = plain.byteLength >= 64 ? new DataView(plain.buffer, plain.byteOffset + 60, 4).getUint32(0) : -1;
  try {
    db = openDatabase(SQL, plain);
  } catch (error) {
    return fail(describeThrown(error));
  }
  const isUnmigrated = Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? -2) === versionBefore;
  if (facts.provenChecksum !== undefined && isUnmigrated) {
    return {
      ok: true,
      candidate: {
        db,
        shape: 'database',
        shapeLabel: facts.label,
        createdAt: facts.createdAt,
        secrets: 'plain',
        warnings: [],
        stated: null,
        checksum: facts.provenChecksum,
        counts: countRows(db),
      },
    };
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
    candidate: {
      db,
      shape: 'database',
      shapeLabel: facts.label,
      createdAt: facts.createdAt,
      secrets: 'plain',
      warnings: [],
      stated: null,
      checksum,
      counts: countRows(db),
    },
  };
}
