import { openDatabase, exportDatabase } from '../../src/core/db/open';
import type { Database } from '../../src/core/db/sql-types';
import type { ConfigurationInput } from '../../src/core/db/configuration-input';
import { loadSqlJs } from './sqljs';

/** A fresh in-memory database at the current schema, for catalog unit tests. */
export async function openTestDatabase(): Promise<Database> {
  return openDatabase(await loadSqlJs());
}

/** The database's bytes (as base64, quick to compare), to prove a refused write changed nothing. */
export function snapshot(db: Database): string {
  return Buffer.from(exportDatabase(db)).toString('base64');
}

/** A valid create input for `brokerage`; override any field. */
export function configurationInput(brokerage: string, overrides: Partial<ConfigurationInput> = {}): ConfigurationInput {
  return {
    brokerage_name: brokerage,
    configuration_name: 'Daily loads',
    description: '',
    auth_type: 'api_key',
    base_url: 'https://api.prod.goaugment.com',
    api_key: 'ak-secret-1111',
    bearer_token: '',
    field_mappings: { 'load.loadNumber': 'load_number', 'load.mode': 'MANUAL_VALUE:FTL' },
    ...overrides,
  };
}

/** Inserts upload history rows directly, as a restore would. */
export function insertUploads(
  db: Database,
  rows: readonly {
    brokerage: string;
    at: string;
    file?: string;
    unknownTime?: boolean;
    configuration?: string | null;
    failed?: number;
  }[],
): void {
  const stmt = db.prepare(
    `INSERT INTO upload_history (brokerage_name, configuration_name, filename, total_records, successful_records,
       failed_records, upload_timestamp, timestamp_unknown) VALUES (?, ?, ?, 10, ?, ?, ?, ?)`,
  );
  try {
    rows.forEach((row, i) => {
      const failed = row.failed ?? 1;
      const configuration = row.configuration === undefined ? 'Daily loads' : row.configuration;
      stmt.run([
        row.brokerage,
        configuration,
        row.file ?? `loads-${i + 1}.csv`,
        10 - failed,
        failed,
        row.at,
        row.unknownTime ? 1 : 0,
      ]);
    });
  } finally {
    stmt.free();
  }
}
