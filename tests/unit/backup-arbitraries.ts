import fc from 'fast-check';
import type { DataTables } from '../../src/core/db/rows';
import { normalizeName } from '../../src/core/names';

/**
 * Generated databases for the property tests of the backup format (backup-laws, backup-certificate):
 * rows that respect the schema, with arbitrary Unicode text — unpaired surrogates, byte-order
 * marks, NUL, quotes and backslashes included.
 */

const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\uD800', '\uDC00', '\uFEFF', '\u0000', '"', '\\', '\n', 'é', '😀'),
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  ),
  maxLength: 12,
});
const optionalText = fc.option(text, { nil: null });
const time = fc
  .date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const name = text.map((t) => normalizeName(`n${t}`).slice(0, 60));
const count = fc.integer({ min: 0, max: 1e12 });
const flag = fc.constantFrom(0, 1);
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const mappings = fc.dictionary(
  text.filter((k) => !RESERVED.has(k)),
  text,
  { maxKeys: 4 },
);

/** Text that often starts with two byte-order marks (sql.js gives such text back with one). */
const markedText = fc.oneof(
  text,
  text.map((t) => `\uFEFF\uFEFF${t}`),
);

/** This browser's activity entries as the app logs them (any text; a kind of its own words or arbitrary). */
export const activityArbitrary = fc.array(
  fc.record({
    at: time,
    kind: fc.oneof(fc.constantFrom('backup', 'restore', 'verify', 'undo'), markedText),
    summary: markedText,
    details: fc.option(markedText, { nil: null }),
  }),
  { maxLength: 5 },
);

/** A database's worth of rows that respects the schema (names unique, links pointing at rows). */
export const tablesArbitrary: fc.Arbitrary<DataTables> = fc
  .record({
    brokerages: fc.uniqueArray(name, { maxLength: 4 }),
    configurations: fc.array(
      fc.record({
        b: fc.nat(),
        name,
        mappings,
        headers: fc.option(fc.array(text, { maxLength: 3 }), { nil: null }),
        key: optionalText,
        token: optionalText,
        description: optionalText,
        created: time,
        updated: time,
        used: fc.option(time, { nil: null }),
        version: fc.integer({ min: 1, max: 1e6 }),
        active: flag,
        needs: flag,
        bearer: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    uploads: fc.array(
      fc.record({
        brokerage: name,
        configuration: fc.option(name, { nil: null }),
        file: text,
        total: count,
        ok: count,
        failed: count,
        log: optionalText,
        seconds: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
        headers: fc.option(fc.array(text, { maxLength: 3 }), { nil: null }),
        at: time,
        session: optionalText,
        unknown: flag,
      }),
      { maxLength: 6 },
    ),
    errors: fc.array(
      fc.record({
        upload: fc.option(fc.nat(), { nil: null }),
        row: fc.option(count, { nil: null }),
        field: optionalText,
        type: optionalText,
        message: optionalText,
        fix: optionalText,
        original: optionalText,
        expected: optionalText,
        at: time,
      }),
      { maxLength: 6 },
    ),
    changes: fc.array(
      fc.record({
        configuration: fc.option(fc.nat(), { nil: null }),
        type: text,
        description: optionalText,
        old: optionalText,
        next: optionalText,
        by: optionalText,
        at: time,
      }),
      { maxLength: 4 },
    ),
  })
  .map((g) => {
    const tables: DataTables = {
      brokerages: [],
      brokerage_configurations: [],
      upload_history: [],
      processing_errors: [],
      configuration_changes: [],
    };
    g.brokerages.forEach((n, i) =>
      tables.brokerages.push({
        id: i + 1,
        name: n,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        is_active: 1,
      }),
    );
    const pairs = new Set<string>();
    if (tables.brokerages.length > 0) {
      for (const c of g.configurations) {
        const brokerage = tables.brokerages[c.b % tables.brokerages.length]?.name as string;
        if (pairs.has(JSON.stringify([brokerage, c.name]))) continue;
        pairs.add(JSON.stringify([brokerage, c.name]));
        tables.brokerage_configurations.push({
          id: tables.brokerage_configurations.length + 1,
          brokerage_name: brokerage,
          configuration_name: c.name,
          field_mappings: JSON.stringify(c.mappings),
          api_credentials: JSON.stringify(
            c.key === null ? { base_url: 'https://x' } : { base_url: 'https://x', api_key: c.key },
          ),
          auth_type: c.bearer ? 'bearer_token' : 'api_key',
          bearer_token: c.token,
          file_headers: c.headers === null ? null : JSON.stringify(c.headers),
          created_at: c.created,
          updated_at: c.updated,
          last_used_at: c.used,
          version: c.version,
          is_active: c.active,
          description: c.description,
          needs_credentials: c.needs,
        });
      }
    }
    g.uploads.forEach((u, i) =>
      tables.upload_history.push({
        id: i + 1,
        brokerage_name: u.brokerage,
        configuration_name: u.configuration,
        filename: u.file,
        total_records: u.total,
        successful_records: u.ok,
        failed_records: u.failed,
        error_log: u.log,
        processing_time_seconds: u.seconds,
        file_headers: u.headers === null ? null : JSON.stringify(u.headers),
        upload_timestamp: u.at,
        session_id: u.session,
        timestamp_unknown: u.unknown,
      }),
    );
    g.errors.forEach((e, i) =>
      tables.processing_errors.push({
        id: i + 1,
        upload_history_id:
          e.upload === null || tables.upload_history.length === 0
            ? null
            : (e.upload % tables.upload_history.length) + 1,
        row_number: e.row,
        field_name: e.field,
        error_type: e.type,
        error_message: e.message,
        suggested_fix: e.fix,
        original_value: e.original,
        expected_format: e.expected,
        created_at: e.at,
      }),
    );
    g.changes.forEach((c, i) =>
      tables.configuration_changes.push({
        id: i + 1,
        configuration_id:
          c.configuration === null || tables.brokerage_configurations.length === 0
            ? null
            : (c.configuration % tables.brokerage_configurations.length) + 1,
        change_type: c.type,
        change_description: c.description,
        old_value: c.old,
        new_value: c.next,
        changed_by: c.by,
        changed_at: c.at,
      }),
    );
    return tables;
  });
