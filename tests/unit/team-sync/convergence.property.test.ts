import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renameBrokerage } from '../../../src/core/db/brokerages';
import { exportDatabase, openDatabase } from '../../../src/core/db/open';
import { DATA_TABLES } from '../../../src/core/db/schema';
import { loadSqlJs } from '../../support/sqljs';
import type { DataTables } from '../../../src/core/db/rows';
import type { TeamKey } from '../../../src/core/team-store/team-keys';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { applyLocalEdit, type LocalEdit } from './team-actions';
import { countedSync, SimBrowser, STATS, syncOk } from './sync-support';

/**
 * The team database's law, over random histories of 2–4 browsers sharing one in-memory store
 * (real sql.js, real sealing): edits of every kind (renames, mappings, credentials, deletes),
 * processing runs, captures now or later, syncs with listings that lag, restarts, logs read
 * again, a browser offline for days while the others compact, browsers joining with data of
 * their own, databases put back to older copies of themselves — and rounds of edits made
 * offline at the same time. When all changes are exchanged,
 * every database has the same backup checksum (core/backup/checksum), the same conflicts, and
 * nothing waits to be shared; every edit that lost a round has a conflict entry everywhere.
 * TEAM_SYNC_RUNS and TEAM_SYNC_OPS make the run longer.
 */

const RUNS = Number(process.env.TEAM_SYNC_RUNS ?? 12);
const OPS = Number(process.env.TEAM_SYNC_OPS ?? 30);
const SEED = Number(process.env.TEAM_SYNC_SEED ?? 20261207);

const column = fc.constantFrom('Load', 'Load #', 'Ref', 'PRO', 'Shipment');
const pick = fc.nat(7);
const nameIndex = fc.nat(5);
const editArb: fc.Arbitrary<LocalEdit> = fc.oneof(
  fc.record({ kind: fc.constant('create-brokerage' as const), name: nameIndex }),
  fc.record({ kind: fc.constant('rename-brokerage' as const), pick, name: nameIndex }),
  fc.record({ kind: fc.constant('delete-brokerage' as const), pick }),
  fc.record({ kind: fc.constant('create-configuration' as const), pick, name: nameIndex, column }),
  fc.record({ kind: fc.constant('edit-mappings' as const), pick, column }),
  fc.record({
    kind: fc.constant('edit-credentials' as const),
    pick,
    key: fc.constantFrom('alpha', 'bravo', 'charlie'),
  }),
  fc.record({
    kind: fc.constant('edit-description' as const),
    pick,
    text: fc.constantFrom('Day', 'Night', 'Weekend', ''),
  }),
  fc.record({ kind: fc.constant('rename-configuration' as const), pick, name: nameIndex }),
  fc.record({ kind: fc.constant('delete-configuration' as const), pick }),
  fc.record({ kind: fc.constant('start-run' as const), pick, file: fc.constantFrom('a.csv', 'b.csv', 'c.xlsx') }),
  fc.record({ kind: fc.constant('finish-run' as const), pick }),
);

type Op =
  | { t: 'edit'; b: number; edit: LocalEdit; capture: boolean }
  | { t: 'sync'; b: number }
  | { t: 'lagged-sync'; b: number; hide: number }
  | { t: 'restart'; b: number }
  | { t: 'redeliver'; b: number; device: number }
  | { t: 'offline'; b: number; isOffline: boolean }
  | { t: 'away'; b: number; days: number }
  | { t: 'join'; b: number }
  | { t: 'keep-copy'; b: number }
  | { t: 'roll-back'; b: number }
  | { t: 'round'; who: number[]; field: RoundField; pick: number };

type RoundField = 'mappings' | 'description' | 'credentials' | 'delete' | 'rename';

const browserIndex = fc.nat(3);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({ t: fc.constant('edit' as const), b: browserIndex, edit: editArb, capture: fc.boolean() }),
  },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('sync' as const), b: browserIndex }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('lagged-sync' as const), b: browserIndex, hide: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restart' as const), b: browserIndex }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('redeliver' as const), b: browserIndex, device: browserIndex }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), b: browserIndex, isOffline: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('away' as const), b: browserIndex, days: fc.integer({ min: 1, max: 5 }) }),
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('join' as const), b: browserIndex }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('keep-copy' as const), b: browserIndex }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('roll-back' as const), b: browserIndex }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('round' as const),
      who: fc.uniqueArray(browserIndex, { minLength: 2, maxLength: 4 }),
      field: fc.constantFrom<RoundField>('mappings', 'description', 'credentials', 'delete', 'rename'),
      pick,
    }),
  },
);

/** One simulated team: browsers, their shared store, and the time they all live in. */
class Team {
  readonly joined = new Set<number>();
  /** Copies of browsers' databases kept to put back later (a database rolled back). */
  private readonly copies = new Map<number, Uint8Array>();
  private rounds = 0;

  constructor(
    readonly browsers: SimBrowser[],
    readonly store: LaggingStore,
  ) {}

  static async start(
    count: number,
    seeds: LocalEdit[][],
    joinsEarly: boolean[],
    key: TeamKey,
    racingStart = false,
  ): Promise<Team> {
    const store = new LaggingStore();
    const browsers: SimBrowser[] = [];
    for (let i = 0; i < count; i++) {
      const browser = await SimBrowser.open(store.forBrowser(i), key, `Person ${i}`, {
        deviceId: (i + 10).toString(16).repeat(32).slice(0, 32),
        compaction: { activeDays: 2, snapshotAfterLogs: 4 },
        maxChangesPerLog: 7,
      });
      browser.advance(i * 1700); // skewed clocks
      const first: LocalEdit[] =
        i === 0
          ? [
              { kind: 'create-brokerage', name: 0 },
              { kind: 'create-configuration', pick: 0, name: 0, column: 'Load' },
            ]
          : [];
      for (const edit of [...first, ...(seeds[i] ?? [])])
        await browser.local((db, now) => applyLocalEdit(db, edit, now), false);
      browsers.push(browser);
    }
    const team = new Team(browsers, store);
    // Racing: a second browser presses `Join the team database` at the same moment on the empty store.
    const racer = racingStart ? browsers[1] : undefined;
    const brokerages = (b: SimBrowser | undefined) =>
      b ? b.rows<{ name: string }>('SELECT name FROM brokerages').map((r) => r.name) : [];
    const before = new Set([...brokerages(browsers[0]), ...brokerages(racer)]);
    const [started, raced] = await Promise.all([
      browsers[0] ? countedSync(browsers[0].sync.startTeam()) : undefined,
      racer ? countedSync(racer.sync.startTeam()) : undefined,
    ]);
    if (!started?.ok) throw new Error(`start: ${JSON.stringify(started)}`);
    team.joined.add(0);
    if (racer && raced && !raced.ok && raced.error.code === 'team-exists')
      await expectOk(countedSync(racer.sync.join()), racer);
    else if (racer && !raced?.ok) throw new Error(`racing start: ${JSON.stringify(raced)}`);
    if (racer && raced?.ok) STATS.racingStarts++;
    if (racer) {
      team.joined.add(1);
      await team.expectRaceKeptBoth(racer, before);
    }
    for (const [i, browser] of browsers.entries()) {
      if (team.joined.has(i) || !joinsEarly[i]) continue;
      await expectOk(countedSync(browser.sync.join()), browser);
      team.joined.add(i);
    }
    return team;
  }

  /** After two starts at once, both browsers hold every brokerage either had: one team, the other's data joined in. */
  async expectRaceKeptBoth(racer: SimBrowser, before: ReadonlySet<string>): Promise<void> {
    const first = this.browsers[0];
    if (!first) return;
    for (let round = 0; round < 3; round++) for (const b of [first, racer]) await syncOk(b);
    for (const b of [first, racer]) {
      const names = new Set(b.rows<{ name: string }>('SELECT name FROM brokerages').map((r) => r.name));
      expect(names, `${b.person} after the race`).toEqual(before);
    }
  }

  async run(op: Op): Promise<void> {
    for (const browser of this.browsers) browser.advance(1000 + (op.t === 'edit' ? 500 : 0));
    const browser = this.browsers[('b' in op ? op.b : 0) % this.browsers.length] as SimBrowser;
    const index = this.browsers.indexOf(browser);
    switch (op.t) {
      case 'edit':
        await browser.local((db, now) => applyLocalEdit(db, op.edit, now), op.capture && this.joined.has(index));
        return;
      case 'sync':
        if (this.joined.has(index)) await syncOk(browser);
        return;
      case 'lagged-sync':
        if (!this.joined.has(index)) return;
        this.store.hideNewest = op.hide;
        try {
          await syncOk(browser);
        } finally {
          this.store.hideNewest = 0;
        }
        return;
      case 'restart':
        browser.restart();
        return;
      case 'redeliver': {
        const device = this.browsers[op.device % this.browsers.length]?.deviceId ?? '';
        browser.db.run('UPDATE team_sync_positions SET sequence = 0 WHERE device = ? AND device <> ?', [
          device,
          browser.deviceId,
        ]);
        return;
      }
      case 'offline':
        browser.isOffline = op.isOffline;
        return;
      case 'away':
        return this.away(index, op.days);
      case 'join':
        if (this.joined.has(index)) return;
        if (browser.isOffline) return;
        await expectOk(countedSync(browser.sync.join()), browser);
        this.joined.add(index);
        return;
      case 'round':
        return this.round(op);
      case 'keep-copy':
        if (this.joined.has(index)) this.copies.set(index, exportDatabase(browser.db));
        return;
      case 'roll-back': {
        const copy = this.copies.get(index);
        if (!copy) return;
        browser.db.close();
        browser.db = openDatabase(await loadSqlJs(), copy);
        browser.restart();
        return;
      }
    }
  }

  /** One browser offline for days while the others go on working (and compacting). */
  private async away(index: number, days: number): Promise<void> {
    const away = this.browsers[index] as SimBrowser;
    away.isOffline = true;
    for (let day = 0; day < days; day++) {
      for (const browser of this.browsers) browser.advance(86_400_000);
      for (const [i, browser] of this.browsers.entries()) {
        if (i === index || !this.joined.has(i) || browser.isOffline) continue;
        await browser.local((db, now) =>
          applyLocalEdit(db, { kind: 'edit-description', pick: day, text: `Day ${day}` }, now),
        );
        await syncOk(browser);
        await syncOk(browser);
      }
    }
    away.isOffline = false;
  }

  /**
   * Browsers edit one configuration (or rename its brokerage, whose history rows follow) offline
   * at once; everything is exchanged and checked: the same data everywhere, every value that lost
   * listed as a conflict. Then one of them edits the field again, having seen all: that value
   * holds everywhere, and the field's conflicts are gone.
   */
  private async round(op: Extract<Op, { t: 'round' }>): Promise<void> {
    const joined = [...this.joined].filter((i) => !(this.browsers[i] as SimBrowser).isOffline);
    const who = [...new Set(op.who.map((i) => joined[i % joined.length] as number))];
    if (who.length < 2) return;
    await this.exchangeAll();
    const first = this.browsers[who[0] as number] as SimBrowser;
    if (first.rows('SELECT 1 FROM brokerage_configurations').length === 0) {
      await first.local((db, now) => applyLocalEdit(db, { kind: 'create-brokerage', name: op.pick }, now));
      await first.local((db, now) =>
        applyLocalEdit(db, { kind: 'create-configuration', pick: 0, name: op.pick, column: 'Round' }, now),
      );
    }
    const configs = first.rows<{ id: number }>('SELECT id FROM brokerage_configurations ORDER BY id');
    const target = configs[op.pick % Math.max(1, configs.length)]?.id ?? 0;
    if (op.field === 'rename') {
      await first.local((db, now) =>
        applyLocalEdit(
          db,
          { kind: 'start-run', pick: configs.findIndex((c) => c.id === target), file: 'round.csv' },
          now,
        ),
      );
      await first.local((db, now) => applyLocalEdit(db, { kind: 'finish-run', pick: 0 }, now));
    }
    await this.exchangeAll();
    const round = ++this.rounds;
    const written: string[] = [];
    for (const [n, i] of who.entries()) {
      const browser = this.browsers[i] as SimBrowser;
      browser.isOffline = true;
      const value = `round ${round} by ${i}`;
      if (op.field === 'delete' && n === 0)
        await browser.local((db) => db.run('DELETE FROM brokerage_configurations WHERE id = ?', [target]));
      else if (editField(browser, op.field, target, value)) written.push(value);
      await browser.sync.captureLocalWrites();
    }
    for (const i of who) (this.browsers[i] as SimBrowser).isOffline = false;
    if (written.length > 1) STATS.rounds++;
    await this.exchangeAll();
    await this.expectConverged();
    this.expectLostListed(target, written);
    const last = `round ${round} settled`;
    if (!editField(first, op.field, target, last)) return;
    await first.sync.captureLocalWrites();
    await this.exchangeAll();
    await this.expectConverged();
    for (const browser of this.online()) {
      expect(fieldText(browser, target), `the edit made after seeing the round holds for ${browser.person}`).toContain(
        last,
      );
      const open = browser.sync
        .conflicts()
        .filter((c) => c.kind === 'edit' && written.some((v) => String(c.other.value).includes(v)));
      expect(open, `an edit over the round's conflicts settles them for ${browser.person}`).toEqual([]);
    }
  }

  /** Every value written in a round and not kept is a conflict in every browser online. */
  private expectLostListed(target: number, written: readonly string[]): void {
    for (const browser of this.online()) {
      const final = fieldText(browser, target);
      const conflicts = browser.sync.conflicts();
      for (const value of written) {
        if (final.includes(value)) continue;
        STATS.conflictsChecked++;
        const listed = conflicts.some((c) => String(c.other.value).includes(value));
        expect(listed, `the lost edit "${value}" is a conflict for ${browser.person}`).toBe(true);
      }
    }
  }

  private online(): SimBrowser[] {
    return [...this.joined].map((i) => this.browsers[i] as SimBrowser).filter((b) => !b.isOffline);
  }

  /** Every run finished, everyone online, joined and synced until nothing moves. */
  async settle(): Promise<void> {
    for (const [i, browser] of this.browsers.entries()) {
      browser.isOffline = false;
      // Runs in progress stay local by design; their rows are changes once the run ends.
      const finish: LocalEdit = { kind: 'finish-run', pick: 0 };
      while (browser.rows("SELECT 1 FROM processing_runs WHERE state = 'sending'").length > 0) {
        await browser.local((db, now) => applyLocalEdit(db, finish, now), this.joined.has(i));
      }
      if (!this.joined.has(i)) {
        await expectOk(countedSync(browser.sync.join()), browser);
        this.joined.add(i);
      }
    }
    await this.exchangeAll();
  }

  async exchangeAll(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      for (const i of this.joined) {
        const browser = this.browsers[i] as SimBrowser;
        if (!browser.isOffline) await syncOk(browser);
      }
    }
  }

  async expectConverged(): Promise<void> {
    const joined = [...this.joined].map((i) => this.browsers[i] as SimBrowser).filter((b) => !b.isOffline);
    const [first, ...others] = joined;
    if (!first) return;
    const checksum = await first.sharedChecksum();
    const conflicts = JSON.stringify(first.sync.conflicts().map((c) => [c.id, c.other.value, c.kept?.value]));
    for (const other of others) {
      if ((await other.sharedChecksum()) !== checksum) {
        throw new Error(
          `${other.person} differs from ${first.person}: ${firstDifference(await first.sharedTables(), await other.sharedTables())}`,
        );
      }
      expect(JSON.stringify(other.sync.conflicts().map((c) => [c.id, c.other.value, c.kept?.value]))).toBe(conflicts);
    }
  }
}

/** The shared store, as each browser sees it: its listings may lag (the newest logs not listed yet). */
class LaggingStore extends MemoryObjectStore {
  hideNewest = 0;

  forBrowser(_index: number): MemoryObjectStore {
    return this;
  }

  override async list(prefix: string, options = {}) {
    const page = await super.list(prefix, options);
    if (!page.ok || this.hideNewest === 0) return page;
    const logs = page.value.objects.filter((o) => o.name.includes('/log/'));
    const hidden = new Set(logs.slice(-this.hideNewest).map((o) => o.name));
    return {
      ok: true as const,
      value: { ...page.value, objects: page.value.objects.filter((o) => !hidden.has(o.name)) },
    };
  }
}

/**
 * Writes one field of a configuration (its brokerage's name for `rename`) as the app's forms do;
 * false when the row is not here.
 */
function editField(browser: SimBrowser, field: RoundField, target: number, value: string): boolean {
  const [row] = browser.rows<{ brokerage_name: string }>(
    `SELECT brokerage_name FROM brokerage_configurations WHERE id = ${target}`,
  );
  if (!row) return false;
  const db = browser.db;
  const now = browser.clock.now().toISOString();
  if (field === 'rename') {
    const [brokerage] = browser.rows<{ id: number }>(
      `SELECT id FROM brokerages WHERE name = '${row.brokerage_name.replaceAll("'", "''")}'`,
    );
    return brokerage !== undefined && renameBrokerage(db, brokerage.id, value, now).ok;
  }
  if (field === 'description')
    db.run('UPDATE brokerage_configurations SET description = ? WHERE id = ?', [value, target]);
  else if (field === 'credentials') {
    db.run('UPDATE brokerage_configurations SET api_credentials = ? WHERE id = ?', [
      JSON.stringify({ base_url: 'https://x.example.com', api_key: value }),
      target,
    ]);
  } else
    db.run('UPDATE brokerage_configurations SET field_mappings = ? WHERE id = ?', [
      JSON.stringify({ 'load.loadNumber': value }),
      target,
    ]);
  return true;
}

/** The fields a round writes, as one text (and the brokerage's name, and its uploads' brokerage names). */
function fieldText(browser: SimBrowser, target: number): string {
  const [row] = browser.rows<Record<string, string>>(
    `SELECT description, field_mappings, api_credentials, brokerage_name FROM brokerage_configurations WHERE id = ${target}`,
  );
  return row ? Object.values(row).join('|') : '';
}

/** The first row two browsers hold differently, for a readable failure. */
function firstDifference(left: DataTables, right: DataTables): string {
  for (const table of DATA_TABLES) {
    const l = left[table].map((r) => JSON.stringify(r));
    const r = right[table].map((row) => JSON.stringify(row));
    for (let i = 0; i < Math.max(l.length, r.length); i++) {
      if (l[i] !== r[i]) return `${table} row ${i}:\n  ${l[i] ?? '(none)'}\n  ${r[i] ?? '(none)'}`;
    }
  }
  return 'no row differs';
}

async function expectOk(
  result: Promise<{ ok: boolean; error?: { code: string; message: string; detail?: string } }>,
  browser: SimBrowser,
): Promise<void> {
  const done = await result;
  if (!done.ok)
    throw new Error(`${browser.person}: ${done.error?.code} ${done.error?.message} ${done.error?.detail ?? ''}`);
}

describe('team database convergence (property)', () => {
  it(
    'browsers that exchanged every change hold the same data, and every lost concurrent edit is a conflict',
    { timeout: 600_000 },
    async () => {
      const key = await testTeamKey();
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 4 }),
          fc.array(fc.array(editArb, { minLength: 2, maxLength: 8 }), { minLength: 4, maxLength: 4 }),
          fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
          fc.array(opArb, { minLength: Math.ceil(OPS / 2), maxLength: OPS }),
          fc.boolean(), // two browsers start the team at once
          async (count, seeds, joinsEarly, ops, racingStart) => {
            const team = await Team.start(count, seeds, joinsEarly, key, racingStart);
            for (const op of ops) await team.run(op);
            await team.settle();
            await team.expectConverged();
            for (const browser of team.browsers) {
              expect(browser.sync.pendingCount(), `${browser.person} has nothing left to share`).toBe(0);
              // Two starts at once: the one that lost joins the other, nothing of it reported lost.
              if (racingStart) expect(browser.sync.lostChanges(), `${browser.person} lost nothing`).toEqual([]);
            }
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
      if (process.env.TEAM_SYNC_RUNS) console.log(`exercised: ${JSON.stringify(STATS)}`);
    },
  );
});
