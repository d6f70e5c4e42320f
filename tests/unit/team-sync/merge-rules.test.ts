import { describe, expect, it } from 'vitest';
import { createBrokerage, deleteBrokerage, renameBrokerage } from '../../../src/core/db/brokerages';
import { saveConfiguration } from '../../../src/core/db/configuration-save';
import { deleteConfiguration } from '../../../src/core/db/configurations';
import type { Database } from '../../../src/core/db/sql-types';
import { configurationInput, NOW, Peer, seedAcme } from './peers';

/**
 * The merge rules, case by case, on real sql.js databases exchanging captured changes by hand:
 * every case ends with both browsers holding the same data (the backup checksum) and the same
 * conflicts, and says which write won.
 */

const BASE_CONFIG = 1; // the seeded configuration's id (the base keeps the ids it had)
const BASE_BROKERAGE = 1;

function saveMappings(db: Database, mappings: Record<string, string>, id = BASE_CONFIG): void {
  const saved = saveConfiguration(db, configurationInput('Acme', 'Default', mappings, id), NOW);
  if (!saved.ok) throw new Error(saved.error.message);
}

function mappingsOf(peer: Peer, id = BASE_CONFIG): unknown {
  const [row] = peer.rows<{ field_mappings: string }>(
    `SELECT field_mappings FROM brokerage_configurations WHERE id = ${id}`,
  );
  return row ? JSON.parse(row.field_mappings) : undefined;
}

/** Both capture, then each receives the other's changes (neither saw the other's: concurrent). */
function exchange(a: Peer, b: Peer): void {
  const fromA = a.capture();
  const fromB = b.capture();
  b.receive(a, fromA);
  a.receive(b, fromB);
}

async function expectSame(a: Peer, b: Peer): Promise<void> {
  expect(await a.checksum()).toBe(await b.checksum());
  expect(a.conflicts()).toEqual(b.conflicts());
}

describe('merge rules', () => {
  it('concurrent edits of different fields both stay, with no conflict', async () => {
    const [a, b] = (await Peer.team(2, seedAcme)) as [Peer, Peer];
    saveMappings(a.db, { 'load.loadNumber': 'Load #' });
    const described = saveConfiguration(
      b.db,
      { ...configurationInput('Acme', 'Default', { 'load.loadNumber': 'Load' }, BASE_CONFIG), description: 'From B' },
      NOW,
    );
    expect(described.ok).toBe(true);
    exchange(a, b);
    await expectSame(a, b);
    expect(mappingsOf(a)).toEqual({ 'load.loadNumber': 'Load #' });
    expect(a.rows('SELECT description FROM brokerage_configurations')).toEqual([{ description: 'From B' }]);
    expect(a.conflicts()).toEqual([]);
  });

  it('concurrent edits of one field: the later clock wins, the other is a conflict in both browsers', async () => {
    const [a, b] = (await Peer.team(2, seedAcme)) as [Peer, Peer];
    b.nowMs += 5000; // B's edit is later
    saveMappings(a.db, { 'load.loadNumber': 'From A' });
    saveMappings(b.db, { 'load.loadNumber': 'From B' });
    exchange(a, b);
    await expectSame(a, b);
    expect(mappingsOf(a)).toEqual({ 'load.loadNumber': 'From B' });
    const [conflict] = a.conflicts();
    expect(conflict).toMatchObject({
      kind: 'edit',
      brokerage: 'Acme',
      configuration: 'Default',
      field: 'field_mappings',
      other: { value: JSON.stringify({ 'load.loadNumber': 'From A' }), person: 'Person 1', device: a.device },
      kept: { value: JSON.stringify({ 'load.loadNumber': 'From B' }), person: 'Person 2', device: b.device },
    });
    expect(a.conflicts()).toHaveLength(1);
  });

  it('equal clocks are settled by device id, the same way in both browsers', async () => {
    const [a, b] = (await Peer.team(2, seedAcme)) as [Peer, Peer];
    saveMappings(a.db, { 'load.loadNumber': 'From A' });
    saveMappings(b.db, { 'load.loadNumber': 'From B' });
    exchange(a, b);
    await expectSame(a, b);
    expect(mappingsOf(a)).toEqual({ 'load.loadNumber': 'From B' }); // device "222…" sorts after "111…"
  });

  it('“take the other value” is a change that ends the conflict in every browser', async () => {
    const [a, b] = (await Peer.team(2, seedAcme)) as [Peer, Peer];
    saveMappings(a.db, { 'load.loadNumber': 'From A' });
    saveMappings(b.db, { 'load.loadNumber': 'From B' });
    exchange(a, b);
    const [conflict] = b.conflicts();
    a.receive(b, b.resolve(conflict?.id ?? '', 'other'));
    await expectSame(a, b);
    expect(mappingsOf(a)).toEqual({ 'load.loadNumber': 'From A' });
    expect(a.conflicts()).toEqual([]);
  });

  it('an edit made after seeing another is no conflict', async () => {
    const [a, b] = (await Peer.team(2, seedAcme)) as [Peer, Peer];
    saveMappings(a.db, { 'load.loadNumber': 'First' });
    b.receive(a, a.capture());
    saveMappings(b.db, { 'load.loadNumber': 'Second' });
    a.receive(b, b.capture());
    await expectSame(a, b);
    expect(mappingsOf(a)).toEqual({ 'load.loadNumber': 'Second' });
    expect(a.conflicts()).toEqual([]);
  });

  it('a delete wins against a concurrent edit; the edit is a conflict, and taking it brings the row back', async () => {
    const [a, b] = (await Peer.team(2, seedAcme)) as [Peer, Peer];
    b.nowMs += 60_000; // even a later edit loses to the delete
    expect(deleteConfiguration(a.db, BASE_CONFIG, NOW).ok).toBe(true);
    saveMappings(b.db, { 'load.loadNumber': 'Edited meanwhile' });
    exchange(a, b);
    await expectSame(a, b);
    expect(a.rows('SELECT id FROM brokerage_configurations')).toEqual([]);
    const [lost] = a.conflicts();
    expect(lost).toMatchObject({
      kind: 'deleted',
      field: 'field_mappings',
      configuration: 'Default',
      kept: { value: 0, person: 'Person 1' },
    });
    b.receive(a, a.resolve(lost?.id ?? '', 'other'));
    await expectSame(a, b);
    expect(mappingsOf(b)).toEqual({ 'load.loadNumber': 'Edited meanwhile' });
    expect(b.conflicts()).toEqual([]);
  });

  it('a configuration created while its brokerage was deleted is a conflict; taking it brings both back', async () => {
    const [a, b] = (await Peer.team(2, seedAcme)) as [Peer, Peer];
    expect(deleteBrokerage(a.db, BASE_BROKERAGE, NOW).ok).toBe(true);
    expect(saveConfiguration(b.db, configurationInput('Acme', 'Second', { 'load.loadNumber': 'L' }), NOW).ok).toBe(
      true,
    );
    exchange(a, b);
    await expectSame(a, b);
    expect(a.rows('SELECT name FROM brokerages')).toEqual([]);
    const [lost] = a.conflicts();
    expect(lost).toMatchObject({ kind: 'deleted', field: '~exists', configuration: 'Second', brokerage: 'Acme' });
    b.receive(a, a.resolve(lost?.id ?? '', 'other'));
    await expectSame(a, b);
    expect(
      b.rows(
        'SELECT b.name, c.configuration_name FROM brokerage_configurations c JOIN brokerages b ON b.name = c.brokerage_name',
      ),
    ).toEqual([{ name: 'Acme', configuration_name: 'Second' }]);
  });

  it('a brokerage renamed while another browser edits its configuration: both apply, nothing conflicts', async () => {
    const [a, b] = (await Peer.team(2, seedAcme)) as [Peer, Peer];
    expect(renameBrokerage(a.db, BASE_BROKERAGE, 'Acme Freight', NOW).ok).toBe(true);
    saveMappings(b.db, { 'load.loadNumber': 'Edited' });
    exchange(a, b);
    await expectSame(a, b);
    expect(b.rows('SELECT brokerage_name, configuration_name, field_mappings FROM brokerage_configurations')).toEqual([
      {
        brokerage_name: 'Acme Freight',
        configuration_name: 'Default',
        field_mappings: JSON.stringify({ 'load.loadNumber': 'Edited' }),
      },
    ]);
    expect(a.conflicts()).toEqual([]);
  });

  it('two browsers create "Acme" with a "Default" each: one Acme, one Default, the other mappings a conflict', async () => {
    const [a, b] = (await Peer.team(2)) as [Peer, Peer];
    seedAcme(a.db);
    b.nowMs += 1000;
    createBrokerage(b.db, 'Acme', NOW);
    saveConfiguration(b.db, configurationInput('Acme', 'Default', { 'load.loadNumber': 'B column' }), NOW);
    saveConfiguration(b.db, configurationInput('Acme', 'Only B', { 'load.loadNumber': 'X' }), NOW);
    exchange(a, b);
    await expectSame(a, b);
    expect(a.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme' }]);
    expect(a.rows('SELECT configuration_name FROM brokerage_configurations ORDER BY configuration_name')).toEqual([
      { configuration_name: 'Default' },
      { configuration_name: 'Only B' },
    ]);
    expect(a.conflicts().map((c) => [c.field, c.other.value])).toEqual([
      ['field_mappings', JSON.stringify({ 'load.loadNumber': 'Load' })],
    ]);
  });

  it('the merged row takes later edits as one: a rename moves every member, nothing pops back', async () => {
    const [a, b] = (await Peer.team(2)) as [Peer, Peer];
    createBrokerage(a.db, 'Acme', NOW);
    createBrokerage(b.db, 'Acme', NOW);
    exchange(a, b);
    const [shown] = a.rows<{ id: number }>('SELECT id FROM brokerages');
    expect(renameBrokerage(a.db, shown?.id ?? 0, 'Acme Two', NOW).ok).toBe(true);
    b.receive(a, a.capture());
    await expectSame(a, b);
    expect(b.rows('SELECT name FROM brokerages')).toEqual([{ name: 'Acme Two' }]);
  });

  it('history rows from both sides are all kept, and a column changed later is changed everywhere', async () => {
    const [a, b] = (await Peer.team(2, seedAcme)) as [Peer, Peer];
    const insert = "INSERT INTO upload_history (brokerage_name, filename, upload_timestamp) VALUES ('Acme', ?, ?)";
    a.db.run(insert, ['a.csv', NOW]);
    b.db.run(insert, ['b.csv', NOW]);
    exchange(a, b);
    a.db.run("UPDATE upload_history SET successful_records = 7 WHERE filename = 'a.csv'");
    b.receive(a, a.capture());
    await expectSame(a, b);
    expect(b.rows('SELECT filename, successful_records FROM upload_history ORDER BY filename')).toEqual([
      { filename: 'a.csv', successful_records: 7 },
      { filename: 'b.csv', successful_records: 0 },
    ]);
  });

  it('changes applied twice, or in another order, give the same data', async () => {
    const [a, b, c] = (await Peer.team(3, seedAcme)) as [Peer, Peer, Peer];
    saveMappings(a.db, { 'load.loadNumber': 'A' });
    const fromA = a.capture();
    renameBrokerage(b.db, BASE_BROKERAGE, 'Acme B', NOW);
    b.db.run("INSERT INTO upload_history (brokerage_name, filename, upload_timestamp) VALUES ('Acme B', 'b.csv', ?)", [
      NOW,
    ]);
    const fromB = b.capture();
    c.receive(b, fromB);
    c.receive(a, fromA);
    c.receive(a, fromA);
    a.receive(b, [...fromB].reverse());
    b.receive(a, fromA);
    await expectSame(a, c);
    await expectSame(b, c);
  });
});
