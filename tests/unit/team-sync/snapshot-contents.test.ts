import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { exportDatabase, openDatabase } from '../../../src/core/db/open';
import { writeTeamConnection, writeTeamIdentity } from '../../../src/core/db/team-store-settings';
import { buildSnapshot, openSnapshot } from '../../../src/core/team-sync/snapshot-db';
import { loadSqlJs } from '../../support/sqljs';

/** A team snapshot holds the team's data, never what is one browser's own: its store keys above all. */
describe('team snapshot contents', () => {
  it('carries the data but not the browser’s team store row (its secret, the team key, its identity)', async () => {
    const SQL = await loadSqlJs();
    const db = openDatabase(SQL);
    createBrokerage(db, 'Acme', '2026-12-07T09:00:00.000Z');
    writeTeamIdentity(db, { deviceId: 'a'.repeat(32), browserName: 'Desk 1', person: 'Dana' });
    writeTeamConnection(db, {
      endpoint: 'https://s3.example.com',
      region: 'us-east-1',
      bucket: 'team',
      prefix: 'ff2api/',
      addressing: 'path',
      accessKeyId: 'AKIA-SNAPSHOT-TEST',
      secretAccessKey: 'secret-that-stays-here',
      teamId: 'b'.repeat(32),
      teamKey: new Uint8Array(32).fill(7),
      connectedAt: '2026-12-07T09:00:00.000Z',
    });
    const file = await buildSnapshot(SQL, exportDatabase(db));
    const text = new TextDecoder('latin1').decode(file.bytes);
    expect(text).not.toContain('secret-that-stays-here');
    expect(text).not.toContain('AKIA-SNAPSHOT-TEST');
    const opened = await openSnapshot(SQL, file.bytes, file.checksum);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.exec('SELECT COUNT(*) FROM team_store')[0]?.values[0]?.[0]).toBe(0);
    expect(opened.value.exec('SELECT name FROM brokerages')[0]?.values).toEqual([['Acme']]);
  });
});
