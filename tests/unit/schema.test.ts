import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/open';
import { readSchemaVersion, SCHEMA_VERSION, DATA_TABLES, NewerSchemaError } from '../../src/core/db/schema';
import { TABLE_COLUMNS } from '../../src/core/db/rows';
import { loadSqlJs } from '../support/sqljs';

describe('schema migrations', () => {
  it('creates every table at the current version with foreign keys on', async () => {
    const SQL = await loadSqlJs();
    const db = openDatabase(SQL);
    expect(readSchemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.exec('PRAGMA foreign_keys')[0]?.values[0]?.[0]).toBe(1);
    for (const table of DATA_TABLES) {
      const columns = db.exec(`PRAGMA table_info(${table})`)[0]?.values.map((row) => row[1]);
      expect(columns).toEqual([...TABLE_COLUMNS[table]]);
    }
  });

  it('reopens stored bytes without re-running migrations and re-asserts foreign keys', async () => {
    const SQL = await loadSqlJs();
    const db = openDatabase(SQL);
    db.run("INSERT INTO brokerages (name) VALUES ('Acme, Inc.')");
    const reopened = openDatabase(SQL, db.export());
    expect(reopened.exec('SELECT name FROM brokerages')[0]?.values).toEqual([['Acme, Inc.']]);
    expect(reopened.exec('PRAGMA foreign_keys')[0]?.values[0]?.[0]).toBe(1);
    expect(() =>
      reopened.run(
        "INSERT INTO brokerage_configurations (brokerage_name, configuration_name) VALUES ('Nobody', 'Main')",
      ),
    ).toThrow(/FOREIGN KEY/);
  });

  it('refuses a database written by a newer schema', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => openDatabase(SQL, db.export())).toThrow(NewerSchemaError);
  });
});
