import { createBrokerage, deleteBrokerage, renameBrokerage } from '../../../src/core/db/brokerages';
import { saveConfiguration } from '../../../src/core/db/configuration-save';
import { deleteConfiguration } from '../../../src/core/db/configurations';
import { createRun, refreshRunCounts, setRunState } from '../../../src/core/db/processing-runs';
import { inTransaction } from '../../../src/core/db/transaction';
import type { Database } from '../../../src/core/db/sql-types';
import { configurationInput } from './peers';

/**
 * What a dispatcher does, as the app's own write functions do it, against any browser's
 * database: brokerages and configurations created, renamed, edited (mappings, credentials,
 * description) and deleted; processing runs started (their rows stay local) and finished.
 * `pick` chooses among what exists (a number the property test draws); a choice that does not
 * apply (nothing to rename yet) does nothing.
 */

export const BROKERAGE_NAMES = ['Acme', 'Beta Freight', 'Gamma'];
export const CONFIGURATION_NAMES = ['Default', 'Night shift'];

export type LocalEdit =
  | { kind: 'create-brokerage'; name: number }
  | { kind: 'rename-brokerage'; pick: number; name: number }
  | { kind: 'delete-brokerage'; pick: number }
  | { kind: 'create-configuration'; pick: number; name: number; column: string }
  | { kind: 'edit-mappings'; pick: number; column: string }
  | { kind: 'edit-credentials'; pick: number; key: string }
  | { kind: 'edit-description'; pick: number; text: string }
  | { kind: 'rename-configuration'; pick: number; name: number }
  | { kind: 'delete-configuration'; pick: number }
  | { kind: 'start-run'; pick: number; file: string }
  | { kind: 'finish-run'; pick: number };

interface ConfigRow {
  id: number;
  brokerage_name: string;
  configuration_name: string;
  field_mappings: string;
  description: string | null;
}

export function applyLocalEdit(db: Database, edit: LocalEdit, now: string): void {
  const brokerages = rows<{ id: number; name: string }>(db, 'SELECT id, name FROM brokerages ORDER BY id');
  const configurations = rows<ConfigRow>(
    db,
    'SELECT id, brokerage_name, configuration_name, field_mappings, description FROM brokerage_configurations ORDER BY id',
  );
  const brokerage = brokerages.length > 0 && 'pick' in edit ? brokerages[edit.pick % brokerages.length] : undefined;
  const config =
    configurations.length > 0 && 'pick' in edit ? configurations[edit.pick % configurations.length] : undefined;
  const save = (c: ConfigRow, change: Partial<ReturnType<typeof configurationInput>>) =>
    saveConfiguration(
      db,
      {
        ...configurationInput(
          c.brokerage_name,
          c.configuration_name,
          JSON.parse(c.field_mappings) as Record<string, string>,
          c.id,
        ),
        description: c.description ?? '',
        ...change,
      },
      now,
    );
  switch (edit.kind) {
    case 'create-brokerage':
      createBrokerage(db, BROKERAGE_NAMES[edit.name % BROKERAGE_NAMES.length] ?? 'Acme', now);
      return;
    case 'rename-brokerage':
      if (brokerage)
        renameBrokerage(db, brokerage.id, `${BROKERAGE_NAMES[edit.name % BROKERAGE_NAMES.length] ?? 'Acme'}`, now);
      return;
    case 'delete-brokerage':
      if (brokerage) deleteBrokerage(db, brokerage.id, now);
      return;
    case 'create-configuration':
      if (brokerage) {
        const name = CONFIGURATION_NAMES[edit.name % CONFIGURATION_NAMES.length] ?? 'Default';
        saveConfiguration(db, configurationInput(brokerage.name, name, { 'load.loadNumber': edit.column }), now);
      }
      return;
    case 'edit-mappings':
      if (config)
        save(config, { field_mappings: { 'load.loadNumber': edit.column, 'load.weight': `${edit.column} weight` } });
      return;
    case 'edit-credentials':
      if (config) save(config, { base_url: `https://${edit.key}.example.com`, api_key: `key-${edit.key}` });
      return;
    case 'edit-description':
      if (config) save(config, { description: edit.text });
      return;
    case 'rename-configuration':
      if (config)
        save(config, { configuration_name: CONFIGURATION_NAMES[edit.name % CONFIGURATION_NAMES.length] ?? 'Default' });
      return;
    case 'delete-configuration':
      if (config) deleteConfiguration(db, config.id, now);
      return;
    case 'start-run':
      if (config) startRun(db, config, edit.file, now);
      return;
    case 'finish-run': {
      const sending = rows<{ id: number }>(
        db,
        "SELECT upload_history_id AS id FROM processing_runs WHERE state = 'sending' ORDER BY upload_history_id",
      );
      const run = sending[edit.pick % Math.max(1, sending.length)];
      if (run) {
        inTransaction(db, () => {
          db.run("UPDATE processing_loads SET state = 'sent' WHERE upload_history_id = ? AND state = 'claimed'", [
            run.id,
          ]);
          refreshRunCounts(db, run.id, 1.5);
          setRunState(db, run.id, 'finished', null, null, now);
        });
      }
      return;
    }
  }
}

/** A run as processing starts one: its upload row, its state row, a validation error and two loads. */
function startRun(db: Database, config: ConfigRow, file: string, now: string): void {
  inTransaction(db, () => {
    const id = createRun(
      db,
      {
        brokerageName: config.brokerage_name,
        configurationName: config.configuration_name,
        configurationId: config.id,
        fileName: file,
        totalRows: 3,
        headers: ['Load', 'Weight'],
        sessionId: `session-${file}`,
        fingerprint: 'f'.repeat(64),
        fileSize: 100,
        mappings: { 'load.loadNumber': 'Load' },
        problems: [
          { row: 3, field: 'load.weight', value: 'x', expected: 'a number', message: 'Weight is not a number' },
        ],
        invalidRows: [{ row: 3, loadNumber: 'L3', message: 'Weight is not a number' }],
        owner: 'tab',
      },
      now,
    );
    db.run(
      "INSERT INTO processing_loads (upload_history_id, row_number, load_number, state, updated_at) VALUES (?, 1, 'L1', 'claimed', ?), (?, 2, 'L2', 'claimed', ?)",
      [id, now, id, now],
    );
  });
}

function rows<T>(db: Database, sql: string): T[] {
  const stmt = db.prepare(sql);
  const out: T[] = [];
  try {
    while (stmt.step()) out.push(stmt.getAsObject() as T);
  } finally {
    stmt.free();
  }
  return out;
}
