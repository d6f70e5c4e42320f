/**
 * What sending needs of a configuration: its credentials (kept in the worker, never handed to the
 * page) and its stored header list, and the one write the header check makes.
 */
import { readCredentials, readMappings } from './configuration-view';
import type { AuthType } from './rows';
import type { Database } from './sql-types';
import { selectRows } from './transaction';

const SQL = {
  secrets:
    'SELECT brokerage_name, configuration_name, field_mappings, auth_type, api_credentials, bearer_token FROM brokerage_configurations WHERE id = ?',
  setHeaders: 'UPDATE brokerage_configurations SET file_headers = ?, updated_at = ?, last_used_at = ? WHERE id = ?',
  touch: 'UPDATE brokerage_configurations SET last_used_at = ? WHERE id = ?',
  logChange: `INSERT INTO configuration_changes (configuration_id, change_type, change_description, old_value, new_value, changed_at)
    VALUES (?, 'headers', ?, ?, ?, ?)`,
  headers: 'SELECT file_headers FROM brokerage_configurations WHERE id = ?',
} as const;

export interface ConfigurationSecrets {
  brokerageName: string;
  configurationName: string;
  mappings: Record<string, string>;
  authType: AuthType;
  baseUrl: string;
  apiKey: string | null;
  bearerToken: string | null;
}

/** A configuration's credentials, or null when it no longer exists. */
export function readConfigurationSecrets(db: Database, id: number): ConfigurationSecrets | null {
  const row = selectRows<{
    brokerage_name: string;
    configuration_name: string;
    field_mappings: string;
    auth_type: AuthType;
    api_credentials: string;
    bearer_token: string | null;
  }>(db, SQL.secrets, [id])[0];
  if (!row) return null;
  const credentials = readCredentials(row.api_credentials);
  const bearer = row.bearer_token?.trim() ? row.bearer_token : null;
  return {
    brokerageName: row.brokerage_name,
    configurationName: row.configuration_name,
    mappings: readMappings(row.field_mappings),
    authType: row.auth_type,
    baseUrl: credentials.baseUrl,
    apiKey: credentials.apiKey,
    bearerToken: bearer,
  };
}

/** Saves a file's normalised headers as the configuration's `file_headers`, with a change-log row. */
export function saveConfigurationHeaders(db: Database, id: number, headers: readonly string[], now: string): void {
  const before = selectRows<{ file_headers: string | null }>(db, SQL.headers, [id])[0]?.file_headers ?? null;
  const after = JSON.stringify(headers);
  db.run(SQL.setHeaders, [after, now, now, id]);
  db.run(SQL.logChange, [id, `File headers saved (${headers.length} columns)`, before, after, now]);
}

/** Records that a configuration was used now. */
export function touchConfiguration(db: Database, id: number, now: string): void {
  db.run(SQL.touch, [now, id]);
}
