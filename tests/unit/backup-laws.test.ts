import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../src/core/backup/checksum/database-rows';
import { loadBackup } from '../../src/core/backup/load/load-backup';
import { buildMerged, finishReplace } from '../../src/core/backup/restore/build';
import { writeBackupFile } from '../../src/core/backup/write/write';
import { openDatabase } from '../../src/core/db/open';
import type { DataTables } from '../../src/core/db/rows';
import { SCHEMA_VERSION } from '../../src/core/db/schema';
import type { Database, SqlJsStatic } from '../../src/core/db/sql-types';
import { normalizeName } from '../../src/core/names';
import { loadSqlJs } from '../support/sqljs';
import { databaseWith } from './backup-support';

/**
 * The laws of docs/backup-format.md, checked over generated databases (fast-check): whatever the
 * app writes its reader accepts and gives back exactly; merging twice is merging once; replacing
 * twice is replacing once. Text is arbitrary Unicode — unpaired surrogates and byte-order marks
 * included — and goes through the database first, as in the app.
 */

const RUNS = 40;
const text = fc.string({ unit: fc.oneof(fc.constantFrom('\uD800', '\uDC00', '\uFEFF', '\u0000', '"', '\\', '\n', 'é', '😀'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), maxLength: 12 });
const optionalText = fc.option(text, { nil: null });
const time = fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString());
const name = text.map((t) => normalizeName(`n${t}`).slice(0, 60));
const count = fc.integer({ min: 0, max: 1e12 });
const flag = fc.constantFrom(0, 1);
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const mappings = fc.dictionary(text.filter((k) => !RESERVED.has(k)), text, { maxKeys: 4 });

/** A database's worth of rows that respects the schema (names unique, links pointing at rows). */
const tablesArbitrary: fc.Arbitrary<DataTables> = fc
  .record({
    brokerages: fc.uniqueArray(name, { maxLength: 4 }),
    configurations: fc.array(fc.record({ b: fc.nat(), name, mappings, headers: fc.option(fc.array(text, { maxLength: 3 }), { nil: null }), key: optionalText, token: optionalText, description: optionalText, created: time, updated: time, used: fc.option(time, { nil: null }), version: fc.integer({ min: 1, max: 1e6 }), active: flag, needs: flag, bearer: fc.boolean() }), { maxLength: 5 }),
    uploads: fc.array(fc.record({ brokerage: name, configuration: fc.option(name, { nil: null }), file: text, total: count, ok: count, failed: count, log: optionalText, seconds: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }), headers: fc.option(fc.array(text, { maxLength: 3 }), { nil: null }), at: time, session: optionalText, unknown: flag }), { maxLength: 6 }),
    errors: fc.array(fc.record({ upload: fc.option(fc.nat(), { nil: null }), row: fc.option(count, { nil: null }), field: optionalText, type: optionalText, message: optionalText, fix: optionalText, original: optionalText, expected: optionalText, at: time }), { maxLength: 6 }),
    changes: fc.array(fc.record({ configuration: fc.option(fc.nat(), { nil: null }), type: text, description: optionalText, old: optionalText, next: optionalText, by: optionalText, at: time }), { maxLength: 4 }),
  })
  .map((g) => {
    const tables: DataTables = { brokerages: [], brokerage_configurations: [], upload_history: [], processing_errors: [], configuration_changes: [] };
    g.brokerages.forEach((n, i) => tables.brokerages.push({ id: i + 1, name: n, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', is_active: 1 }));
    const pairs = new Set<string>();
    if (tables.brokerages.length > 0) {
      for (const c of g.configurations) {
        const brokerage = tables.brokerages[c.b % tables.brokerages.length]?.name as string;
        if (pairs.has(JSON.stringify([brokerage, c.name]))) continue;
        pairs.add(JSON.stringify([brokerage, c.name]));
        tables.brokerage_configurations.push({
          id: tables.brokerage_configurations.length + 1, brokerage_name: brokerage, configuration_name: c.name, field_mappings: JSON.stringify(c.mappings),
          api_credentials: JSON.stringify(c.key === null ? { base_url: 'https://x' } : { base_url: 'https://x', api_key: c.key }), auth_type: c.bearer ? 'bearer_token' : 'api_key',
          bearer_token: c.token, file_headers: c.headers === null ? null : JSON.stringify(c.headers), created_at: c.created, updated_at: c.updated, last_used_at: c.used,
          version: c.version, is_active: c.active, description: c.description, needs_credentials: c.needs,
        });
      }
    }
    g.uploads.forEach((u, i) => tables.upload_history.push({
      id: i + 1, brokerage_name: u.brokerage, configuration_name: u.configuration, filename: u.file, total_records: u.total, successful_records: u.ok, failed_records: u.failed,
      error_log: u.log, processing_time_seconds: u.seconds, file_headers: u.headers === null ? null : JSON.stringify(u.headers), upload_timestamp: u.at, session_id: u.session, timestamp_unknown: u.unknown,
    }));
    g.errors.forEach((e, i) => tables.processing_errors.push({
      id: i + 1, upload_history_id: e.upload === null || tables.upload_history.length === 0 ? null : (e.upload % tables.upload_history.length) + 1, row_number: e.row, field_name: e.field,
      error_type: e.type, error_message: e.message, suggested_fix: e.fix, original_value: e.original, expected_format: e.expected, created_at: e.at,
    }));
    g.changes.forEach((c, i) => tables.configuration_changes.push({
      id: i + 1, configuration_id: c.configuration === null || tables.brokerage_configurations.length === 0 ? null : (c.configuration % tables.brokerage_configurations.length) + 1,
      change_type: c.type, change_description: c.description, old_value: c.old, new_value: c.next, changed_by: c.by, changed_at: c.at,
    }));
    return tables;
  });

const OPTIONS = { createdAt: '2026-11-22T17:00:03.120Z', trigger: 'manual', appVersion: 'laws', schemaVersion: SCHEMA_VERSION, secrets: 'plain' } as const;
const ACTIVITY = { kind: 'restore' as const, summary: 'law', details: {} };

async function writeAndLoad(SQL: SqlJsStatic, db: Database): Promise<{ checksum: string; file: Database }> {
  const written = await writeBackupFile(db, [], OPTIONS);
  const loaded = await loadBackup(SQL, written.blob);
  if (!loaded.ok || !('candidate' in loaded)) throw new Error(`the reader refused what the writer wrote: ${JSON.stringify(loaded)}`);
  expect(loaded.candidate.checksum).toBe(written.checksum);
  return { checksum: written.checksum, file: loaded.candidate.db };
}

describe('laws of the backup format (property-based)', () => {
  it('write → read → build → write gives the same checksum: whatever the app writes, its reader accepts', async () => {
    const SQL = await loadSqlJs();
    await fc.assert(
      fc.asyncProperty(tablesArbitrary, async (tables) => {
        const db = databaseWith(SQL, tables);
        const live = openDatabase(SQL);
        try {
          const first = await writeAndLoad(SQL, db);
          const built = await finishReplace(first.file, live, { now: OPTIONS.createdAt, activity: ACTIVITY, origin: null });
          if (!built.ok) throw new Error(built.error.detail);
          const second = await writeAndLoad(SQL, built.value);
          expect(second.checksum).toBe(first.checksum);
          expect(await databaseChecksum(db)).toBe(first.checksum);
          built.value.close();
          second.file.close();
        } finally {
          db.close();
          live.close();
        }
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
  }, 120_000);

  it('merging a file twice gives the same database as merging it once; replacing twice as replacing once', async () => {
    const SQL = await loadSqlJs();
    await fc.assert(
      fc.asyncProperty(tablesArbitrary, tablesArbitrary, async (here, there) => {
        const liveDb = databaseWith(SQL, here);
        const fileSource = databaseWith(SQL, there);
        const { file } = await writeAndLoad(SQL, fileSource);
        try {
          const once = await buildMerged(SQL, liveDb, file, { now: OPTIONS.createdAt, activity: ACTIVITY, origin: null });
          if (!once.ok) throw new Error(once.error.detail);
          const twice = await buildMerged(SQL, once.value.db, file, { now: OPTIONS.createdAt, activity: ACTIVITY, origin: null });
          if (!twice.ok) throw new Error(twice.error.detail);
          expect(twice.value.checksum).toBe(once.value.checksum);
          expect(twice.value.changed).toBe(false);
          // What merging never does: delete. Every row here is still there.
          for (const table of ['brokerages', 'upload_history'] as const) {
            expect(Number(once.value.db.exec(`SELECT COUNT(*) FROM ${table}`)[0]?.values[0]?.[0])).toBeGreaterThanOrEqual(here[table].length);
          }
          once.value.db.close();
          twice.value.db.close();

          const fileChecksum = await databaseChecksum(file);
          const { file: copy1 } = await writeAndLoad(SQL, fileSource);
          const replacedOnce = await finishReplace(copy1, liveDb, { now: OPTIONS.createdAt, activity: ACTIVITY, origin: null });
          if (!replacedOnce.ok) throw new Error(replacedOnce.error.detail);
          const { file: copy2 } = await writeAndLoad(SQL, fileSource);
          const replacedTwice = await finishReplace(copy2, replacedOnce.value, { now: OPTIONS.createdAt, activity: ACTIVITY, origin: null });
          if (!replacedTwice.ok) throw new Error(replacedTwice.error.detail);
          expect(await databaseChecksum(replacedOnce.value)).toBe(fileChecksum);
          expect(await databaseChecksum(replacedTwice.value)).toBe(fileChecksum);
          replacedOnce.value.close();
          replacedTwice.value.close();
        } finally {
          liveDb.close();
          fileSource.close();
          file.close();
        }
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
  }, 120_000);
});
