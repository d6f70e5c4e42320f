import { describe, expect, it } from 'vitest';
import { createBrokerage, renameBrokerage } from '../../../src/core/db/brokerages';
import { exportDatabase, openDatabase } from '../../../src/core/db/open';
import type { Database } from '../../../src/core/db/sql-types';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { loadSqlJs } from '../../support/sqljs';
import { testTeamKey } from '../../support/team-keys';
import { SimBrowser, syncOk } from './sync-support';

/**
 * The restore preview's "what teammates changed since this file": only changes with a clock
 * later than the file's time, only other browsers' (the restorer's own are its own to lose),
 * history rows the file lacks by the browser that made them; a file of unknown age counts all.
 */

type Step = (alice: SimBrowser, bob: SimBrowser) => Promise<void>;

const bobRenamesAcme: Step = async (_alice, bob) => {
  const [acme] = bob.rows<{ id: number }>("SELECT id FROM brokerages WHERE name = 'Acme'");
  await bob.local((db, now) => renameBrokerage(db, acme?.id ?? 0, 'Acme Freight', now));
};
const bobUploads: Step = async (_alice, bob) => {
  await bob.local((db, now) =>
    db.run("INSERT INTO upload_history (brokerage_name, filename, upload_timestamp) VALUES ('Acme', 'bob.csv', ?)", [
      now,
    ]),
  );
};
const aliceAddsBrokerage: Step = async (alice) => {
  await alice.local((db, now) => createBrokerage(db, 'Alice’s own', now));
};

interface Case {
  name: string;
  before: Step[];
  after: Step[];
  /** The file's time as its header says (undefined: the file's real time; null: unknown). */
  fileTime?: null;
  expected: { person: string; edited: number; added: number; examples: string[] }[];
}

const CASES: Case[] = [
  { name: 'nothing changed since the file', before: [], after: [], expected: [] },
  {
    name: 'a teammate’s edit after the file is named, with the configuration or brokerage',
    before: [],
    after: [bobRenamesAcme],
    expected: [{ person: 'Bob', edited: 1, added: 0, examples: ['brokerage “Acme Freight”'] }],
  },
  {
    name: 'a teammate’s edit the file already holds is not',
    before: [bobRenamesAcme],
    after: [],
    expected: [],
  },
  {
    name: 'an upload the file lacks counts for the browser that made it',
    before: [],
    after: [bobUploads],
    expected: [{ person: 'Bob', edited: 0, added: 1, examples: ['upload “bob.csv”'] }],
  },
  {
    name: 'the restorer’s own changes are not a teammate’s',
    before: [],
    after: [aliceAddsBrokerage],
    expected: [],
  },
  {
    name: 'a file of unknown age: every teammate edit counts',
    before: [bobRenamesAcme],
    after: [],
    fileTime: null,
    expected: [{ person: 'Bob', edited: 1, added: 0, examples: ['brokerage “Acme Freight”'] }],
  },
];

async function team(): Promise<[SimBrowser, SimBrowser]> {
  const store = new MemoryObjectStore();
  const key = await testTeamKey();
  const alice = await SimBrowser.open(store, key, 'Alice');
  const bob = await SimBrowser.open(store, key, 'Bob');
  await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
  await alice.sync.startTeam();
  await bob.sync.join();
  return [alice, bob];
}

async function run(steps: Step[], alice: SimBrowser, bob: SimBrowser): Promise<void> {
  for (const step of steps) {
    alice.advance(60_000);
    bob.advance(60_000);
    await step(alice, bob);
    await syncOk(bob);
    await syncOk(alice);
  }
}

describe('what teammates changed since a file (the team restore preview)', () => {
  it.each(CASES)('$name', async (c) => {
    const [alice, bob] = await team();
    await run(c.before, alice, bob);
    alice.advance(1_000);
    const fileTime = alice.clock.now().toISOString();
    const file: Database = openDatabase(await loadSqlJs(), exportDatabase(alice.db));
    alice.advance(1_000);
    bob.advance(1_000);
    await run(c.after, alice, bob);
    const changes = alice.sync.changesSince(file, c.fileTime === null ? null : fileTime);
    expect(changes.map(({ person, edited, added, examples }) => ({ person, edited, added, examples }))).toEqual(
      c.expected,
    );
  });
});
