import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withAttached } from '../../src/core/backup/restore/attach';
import { nameChanges, type RestoreNames } from '../../src/core/backup/restore/names';
import type { DataTables } from '../../src/core/db/rows';
import type { RestoreMode } from '../../src/core/backup/restore/changes';
import { RestoreNamesPreview } from '../../src/ui/restore/restore-names';
import { loadSqlJs } from '../support/sqljs';
import { openDatabase } from '../../src/core/db/open';
import { DATA_TABLES } from '../../src/core/db/schema';
import type { Database, SqlJsStatic } from '../../src/core/db/sql-types';
import { insertRows } from '../../src/core/db/tables';
import { inTransaction } from '../../src/core/db/transaction';

function emptyTables(): DataTables {
  return {
    brokerages: [],
    brokerage_configurations: [],
    upload_history: [],
    processing_errors: [],
    configuration_changes: [],
  };
}

function databaseWith(SQL: SqlJsStatic, tables: DataTables): Database {
  const db = openDatabase(SQL);
  inTransaction(db, () => {
    for (const table of DATA_TABLES) insertRows(db, table, tables[table]);
  });
  return db;
}

/** The names preview of restoring `file` over `live`, computed by the real engine on real sql.js. */
async function namesOf(live: DataTables, file: DataTables): Promise<Record<RestoreMode, RestoreNames>> {
  const SQL = await loadSqlJs();
  const liveDb = databaseWith(SQL, live);
  const fileDb = databaseWith(SQL, file);
  try {
    return withAttached(fileDb, liveDb, 'live', () => nameChanges(fileDb));
  } finally {
    liveDb.close();
    fileDb.close();
  }
}

const AT = '2026-04-01T10:00:00.000Z';
function tablesWith(brokerages: string[], configurations: [string, string, string?][]): DataTables {
  const tables = emptyTables();
  brokerages.forEach((name, i) =>
    tables.brokerages.push({ id: i + 1, name, created_at: AT, updated_at: AT, is_active: 1 }),
  );
  configurations.forEach(([brokerage, name, updated = AT], i) =>
    tables.brokerage_configurations.push({
      id: i + 1,
      brokerage_name: brokerage,
      configuration_name: name,
      field_mappings: '{}',
      api_credentials: '{"base_url":"https://x","api_key":"k"}',
      auth_type: 'api_key',
      bearer_token: null,
      file_headers: null,
      created_at: AT,
      updated_at: updated,
      last_used_at: null,
      version: 1,
      is_active: 1,
      description: null,
      needs_credentials: 0,
    }),
  );
  return tables;
}

function show(names: RestoreNames, mode: RestoreMode) {
  render(<RestoreNamesPreview names={names} mode={mode} />);
  return screen.getByRole('list', { name: 'What changes, by name' });
}

describe('the restore preview in names', () => {
  const here = tablesWith(
    ['Acme Freight, Inc.', 'Blue Line'],
    [
      ['Acme Freight, Inc.', 'Daily loads'],
      ['Acme Freight, Inc.', 'Weekly'],
      ['Blue Line', 'Standard'],
    ],
  );
  // Another browser's file: Acme renamed (no comma), its configurations with it; Blue Line's newer.
  const file = tablesWith(
    ['Acme Freight Inc', 'Blue Line'],
    [
      ['Acme Freight Inc', 'Daily loads'],
      ['Blue Line', 'Standard', '2026-05-01T00:00:00.000Z'],
    ],
  );

  it('Replace names the renamed brokerage among the removals, with its configurations, and the new name among the additions', async () => {
    const list = show((await namesOf(here, file)).replace, 'replace');
    expect(within(list).getByText('Removes Acme Freight, Inc. and its 2 configurations')).toBeInTheDocument();
    expect(within(list).getByText('Adds Acme Freight Inc')).toBeInTheDocument();
    expect(
      within(list).getByText('Removes Daily loads (Acme Freight, Inc.); Weekly (Acme Freight, Inc.)'),
    ).toBeInTheDocument();
    expect(within(list).getByText('Changes Standard (Blue Line)')).toBeInTheDocument();
  });

  it('Merge removes nothing, states which copy of each configuration in both it keeps, and never speaks of losing', async () => {
    const names = (await namesOf(here, file)).merge;
    const list = show(names, 'merge');
    expect(list).not.toHaveTextContent(/Removes/);
    expect(within(list).getByText('Adds Acme Freight Inc')).toBeInTheDocument();
    const conflicts = screen.getByRole('list', { name: 'Configurations in both' });
    expect(conflicts).toHaveTextContent(
      /Standard \(Blue Line\): the file’s copy is newer .* so it replaces this browser’s/,
    );
    expect(document.body).not.toHaveTextContent(/lose|lost/i);
  });

  it('names at most 10 per kind, then says how many more', async () => {
    const many = tablesWith(
      Array.from({ length: 13 }, (_, i) => `Brokerage ${String(i).padStart(2, '0')}`),
      [],
    );
    const list = show((await namesOf(emptyTables(), many)).replace, 'replace');
    const line = within(list).getByText(/^Adds /);
    expect(line.textContent).toContain('Brokerage 00; Brokerage 01');
    expect(line.textContent).toContain('Brokerage 09 …and 3 more brokerages');
    expect(line.textContent).not.toContain('Brokerage 10');
  });
});
