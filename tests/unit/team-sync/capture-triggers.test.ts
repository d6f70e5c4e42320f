import { describe, expect, it } from 'vitest';
import { createBrokerage, deleteBrokerage, renameBrokerage } from '../../../src/core/db/brokerages';
import { saveConfiguration } from '../../../src/core/db/configuration-save';
import { openDatabase } from '../../../src/core/db/open';
import { selectRows } from '../../../src/core/db/transaction';
import { installCapture, withoutCapture } from '../../../src/core/team-sync/capture-triggers';
import { slotRange } from '../../../src/core/team-sync/id-range';
import { loadSqlJs } from '../../support/sqljs';

const NOW = '2026-12-07T10:00:00.000Z';
const RANGE = slotRange(7);

async function teamDatabase() {
  const db = openDatabase(await loadSqlJs());
  installCapture(db, RANGE);
  return db;
}

const outbox = (db: Awaited<ReturnType<typeof teamDatabase>>) =>
  selectRows<{ tbl: string; row_id: number; op: string }>(
    db,
    'SELECT tbl, row_id, op FROM team_sync_outbox ORDER BY seq',
  );

/** The outbox's notes as sorted text (the order triggers fire in is SQLite's business). */
const notes = (db: Awaited<ReturnType<typeof teamDatabase>>) =>
  outbox(db)
    .map((r) => `${r.tbl} ${r.row_id} ${r.op}`)
    .sort();

describe('change capture triggers', () => {
  it('gives a new row the next id of this browser’s range, and the code that inserted it that id', async () => {
    const db = await teamDatabase();
    const acme = createBrokerage(db, 'Acme', NOW);
    const beta = createBrokerage(db, 'Beta', NOW);
    expect(acme.ok && acme.value.id).toBe(RANGE.low);
    expect(beta.ok && beta.value.id).toBe(RANGE.low + 1);
    const saved = saveConfiguration(
      db,
      {
        brokerage_name: 'Acme',
        configuration_name: 'Default',
        field_mappings: { 'load.loadNumber': 'Load' },
        auth_type: 'api_key',
        base_url: 'https://api.example.com',
        api_key: 'k-1',
        bearer_token: '',
        description: '',
      },
      NOW,
    );
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.id).toBe(RANGE.low);
    // The change log row points at the configuration's final id.
    expect(selectRows(db, 'SELECT configuration_id FROM configuration_changes')).toEqual([
      { configuration_id: RANGE.low },
    ]);
  });

  it('notes each touched row once, renames cascaded to configurations included, deletes too', async () => {
    const db = await teamDatabase();
    createBrokerage(db, 'Acme', NOW);
    db.exec('DELETE FROM team_sync_outbox');
    db.run("INSERT INTO brokerage_configurations (brokerage_name, configuration_name) VALUES ('Acme', 'A')");
    db.exec('DELETE FROM team_sync_outbox');
    renameBrokerage(db, RANGE.low, 'Acme Inc', NOW);
    renameBrokerage(db, RANGE.low, 'Acme Ltd', NOW);
    expect(notes(db)).toEqual([`brokerage_configurations ${RANGE.low} update`, `brokerages ${RANGE.low} update`]);
    db.exec('DELETE FROM team_sync_outbox');
    deleteBrokerage(db, RANGE.low, NOW);
    expect(notes(db)).toEqual([
      `brokerage_configurations ${RANGE.low} delete`,
      `brokerages ${RANGE.low} delete`,
      `configuration_changes ${RANGE.low} insert`,
    ]);
  });

  it('keeps what a history row held before its first change', async () => {
    const db = await teamDatabase();
    createBrokerage(db, 'Acme', NOW);
    db.run("INSERT INTO upload_history (brokerage_name, filename, upload_timestamp) VALUES ('Acme', 'a.csv', ?)", [
      NOW,
    ]);
    db.exec('DELETE FROM team_sync_outbox');
    db.run('UPDATE upload_history SET successful_records = 5');
    db.run('UPDATE upload_history SET successful_records = 6');
    const [note] = selectRows<{ old: string }>(db, 'SELECT old FROM team_sync_outbox');
    expect(JSON.parse(note?.old ?? 'null')).toEqual(['Acme', null, 'a.csv', 0, 0, 0, null, null, null, NOW, null, 0]);
  });

  it('notes nothing while the engine applies the team’s changes', async () => {
    const db = await teamDatabase();
    withoutCapture(db, () =>
      db.run("INSERT INTO brokerages (id, name, created_at, updated_at) VALUES (5, 'X', ?, ?)", [NOW, NOW]),
    );
    expect(outbox(db)).toEqual([]);
    expect(selectRows(db, 'SELECT id FROM brokerages')).toEqual([{ id: 5 }]);
  });
});
