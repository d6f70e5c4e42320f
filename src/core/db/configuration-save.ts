/**
 * Creating and editing brokerage configurations (./configurations.ts reads and deletes them):
 * the input checks against the API's field list, the insert or update, and the change logged
 * with the old and new mappings. A module of its own so that opening the app does not load the
 * field list and the checks: the worker loads it when a configuration is first saved.
 */
import type { ConfigurationInput } from './configuration-input';
import type { ConfigurationView } from './configuration-view';
import { normalizeName } from '../names';
import { fail, ok, type Result } from '../result';
import { checkConfigurationInput, type CheckedConfiguration } from './configuration-input';
import { readCredentials, toConfigurationView, writeCredentials } from './configuration-view';
import { describeUpdate } from './configuration-changes';
import { CONFIGURATION_MESSAGES, CONFIGURATION_SQL, findConfigurationRow } from './configurations';
import type { ConfigurationRow } from './rows';
import { insertedRowId } from './inserted-id';
import type { Database } from './sql-types';
import { selectValue } from './transaction';
import { runWrite } from './write';

const SQL = {
  idByName: 'SELECT id FROM brokerage_configurations WHERE brokerage_name = ? AND configuration_name = ?',
  brokerageExists: 'SELECT 1 FROM brokerages WHERE name = ?',
  insert: `INSERT INTO brokerage_configurations (brokerage_name, configuration_name, field_mappings, api_credentials,
      auth_type, bearer_token, created_at, updated_at, last_used_at, version, is_active, description, needs_credentials)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, 0)`,
  update: `UPDATE brokerage_configurations SET configuration_name = ?, field_mappings = ?, api_credentials = ?,
      auth_type = ?, bearer_token = ?, updated_at = ?, last_used_at = ?, version = version + 1, description = ?,
      needs_credentials = 0
    WHERE id = ?`,
  logChange: CONFIGURATION_SQL.logChange,
} as const;

const MESSAGES = {
  duplicate: (name: string, brokerage: string) =>
    `A configuration named “${name}” already exists for “${brokerage}”. Choose another name or edit the existing one.`,
  noBrokerage: (brokerage: string) =>
    `The brokerage “${brokerage}” no longer exists, so the configuration was not saved. Choose or create a brokerage first.`,
  missing: CONFIGURATION_MESSAGES.missing,
} as const;

/**
 * Creates (no id: version 1) or updates (id: version + 1) a configuration, and logs the change
 * with the old and new mappings. On update an empty key or token keeps the stored one, as long as
 * the base URL keeps its origin (a secret is never paired with an address it was not saved for).
 */
export function saveConfiguration(db: Database, input: ConfigurationInput, now: string): Result<ConfigurationView> {
  const existing = input.id === undefined ? null : findConfigurationRow(db, input.id);
  if (input.id !== undefined && !existing) return fail('configuration-missing', MESSAGES.missing);
  const stored = existing ? readCredentials(existing.api_credentials) : null;
  const storedToken = existing?.bearer_token?.trim() ? existing.bearer_token : null;
  const secrets = stored
    ? { apiKey: stored.apiKey, bearerToken: storedToken, baseUrl: stored.baseUrl }
    : { apiKey: null, bearerToken: null, baseUrl: null };
  const checked = checkConfigurationInput(input, secrets);
  if (!checked.ok) return checked;
  // A configuration stays with its brokerage; moving one between brokerages is not offered.
  const brokerage = existing ? existing.brokerage_name : normalizeName(input.brokerage_name);
  return runWrite(db, now, () => {
    if (selectValue(db, SQL.brokerageExists, [brokerage]) === undefined)
      return fail('brokerage-missing', MESSAGES.noBrokerage(brokerage));
    const holder = selectValue(db, SQL.idByName, [brokerage, checked.value.name]);
    if (holder !== undefined && holder !== existing?.id) {
      return fail('duplicate-configuration', MESSAGES.duplicate(checked.value.name, brokerage));
    }
    const id = existing ? updateRow(db, existing, checked.value, now) : insertRow(db, brokerage, checked.value, now);
    const saved = findConfigurationRow(db, id);
    return saved ? ok(toConfigurationView(saved)) : fail('configuration-missing', MESSAGES.missing);
  });
}

/** Inserts a new configuration and logs its creation; returns its id. */
function insertRow(db: Database, brokerage: string, input: CheckedConfiguration, now: string): number {
  const mappings = JSON.stringify(input.mappings);
  db.run(SQL.insert, [
    brokerage,
    input.name,
    mappings,
    writeCredentials(input.authType, input.baseUrl, input.apiKey),
    input.authType,
    input.bearerToken,
    now,
    now,
    now,
    input.description,
  ]);
  const id = insertedRowId(db, 'brokerage_configurations');
  db.run(SQL.logChange, [id, 'created', `Created configuration “${input.name}”`, null, mappings, now]);
  return id;
}

/** Updates a configuration (version + 1) and logs what changed; returns its id. */
function updateRow(db: Database, existing: ConfigurationRow, input: CheckedConfiguration, now: string): number {
  const mappings = JSON.stringify(input.mappings);
  db.run(SQL.update, [
    input.name,
    mappings,
    writeCredentials(input.authType, input.baseUrl, input.apiKey),
    input.authType,
    input.bearerToken,
    now,
    now,
    input.description,
    existing.id,
  ]);
  db.run(SQL.logChange, [
    existing.id,
    'updated',
    describeUpdate(existing, input),
    existing.field_mappings,
    mappings,
    now,
  ]);
  return existing.id;
}
