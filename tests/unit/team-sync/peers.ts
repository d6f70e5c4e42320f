import { databaseChecksum } from '../../../src/core/backup/checksum/database-rows';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { saveConfiguration } from '../../../src/core/db/configuration-save';
import type { ConfigurationInput } from '../../../src/core/db/configuration-input';
import { exportDatabase, openDatabase } from '../../../src/core/db/open';
import type { Database, SqlJsStatic } from '../../../src/core/db/sql-types';
import { selectRows } from '../../../src/core/db/transaction';
import { applyChanges } from '../../../src/core/team-sync/apply';
import { installCapture } from '../../../src/core/team-sync/capture-triggers';
import { captureLocalWrites } from '../../../src/core/team-sync/capture';
import type { Change } from '../../../src/core/team-sync/changes';
import { resolutionChanges, type ConflictChoice } from '../../../src/core/team-sync/conflict-resolution';
import { findConflicts, type Conflict } from '../../../src/core/team-sync/conflicts';
import { resolveEditable } from '../../../src/core/team-sync/editable-groups';
import { readEditableWrites } from '../../../src/core/team-sync/editable-state';
import { clockText, laterClock, tickClock, type Hlc } from '../../../src/core/team-sync/hlc';
import { slotRange } from '../../../src/core/team-sync/id-range';
import { adoptAsBase } from '../../../src/core/team-sync/team-base';
import { loadSqlJs } from '../../support/sqljs';

/**
 * Browsers of one team exchanging changes by hand (no store): each has a real sql.js database
 * with the capture triggers, a clock it moves itself, and passes its captured changes to others.
 * For the merge rules' tests; the protocol over a store has its own (sync-support.ts).
 */
export class Peer {
  clock: Hlc = { wall: 0, counter: 0 };

  constructor(
    readonly db: Database,
    readonly device: string,
    readonly person: string,
    public nowMs: number,
  ) {}

  /** `count` browsers holding the same base (made by `seed` in the first one), slots 1, 2, … */
  static async team(
    count: number,
    seed: (db: Database) => void = () => {},
    startMs = Date.parse('2026-12-07T09:00:00Z'),
  ): Promise<Peer[]> {
    const SQL: SqlJsStatic = await loadSqlJs();
    const first = openDatabase(SQL);
    seed(first);
    adoptAsBase(first, () => clockText({ wall: startMs - 1000, counter: 0 }, 'f'.repeat(32)), 'Founder');
    const bytes = exportDatabase(first);
    first.close();
    return Array.from({ length: count }, (_, i) => {
      const db = openDatabase(SQL, bytes);
      db.exec('PRAGMA foreign_keys = ON');
      installCapture(db, slotRange(i + 1));
      return new Peer(
        db,
        String(i + 1)
          .repeat(32)
          .slice(0, 32),
        `Person ${i + 1}`,
        startMs,
      );
    });
  }

  /** This browser's local writes since the last capture, as changes (moving its clock on by a second). */
  capture(): Change[] {
    this.nowMs += 1000;
    const captured = captureLocalWrites(this.db, {
      device: this.device,
      person: this.person,
      epoch: '',
      nowMs: this.nowMs,
      clock: this.clock,
    });
    this.clock = captured.clock;
    return captured.changes;
  }

  /** Applies another browser's changes. */
  receive(from: Peer, changes: readonly Change[]): void {
    for (const change of changes) this.clock = laterClock(this.clock, { wall: change.h[0], counter: change.h[1] });
    applyChanges(
      this.db,
      changes.map((change) => ({ change, device: from.device, person: from.person })),
    );
  }

  conflicts(): Conflict[] {
    return findConflicts(resolveEditable(readEditableWrites(this.db)));
  }

  /** Ends a conflict, as the Team view's buttons would; returns the changes to pass on. */
  resolve(conflictId: string, choice: ConflictChoice): Change[] {
    const conflict = this.conflicts().find((c) => c.id === conflictId);
    if (!conflict) throw new Error(`no conflict ${conflictId}`);
    this.nowMs += 1000;
    const changes = resolutionChanges(resolveEditable(readEditableWrites(this.db)), conflict, choice, '', () => {
      this.clock = tickClock(this.clock, this.nowMs);
      return [this.clock.wall, this.clock.counter];
    });
    this.receive(this, changes);
    return changes;
  }

  checksum(): Promise<string> {
    return databaseChecksum(this.db);
  }

  rows<T = Record<string, unknown>>(sql: string): T[] {
    return selectRows<T>(this.db, sql);
  }
}

export const NOW = '2026-12-07T09:00:00.000Z';

/** A configuration form's input, with its mappings. */
export function configurationInput(
  brokerage: string,
  name: string,
  mappings: Record<string, string>,
  id?: number,
): ConfigurationInput {
  return {
    ...(id === undefined ? {} : { id }),
    brokerage_name: brokerage,
    configuration_name: name,
    field_mappings: mappings,
    auth_type: 'api_key',
    base_url: 'https://api.example.com',
    api_key: id === undefined ? 'key-1' : '',
    bearer_token: '',
    description: '',
  };
}

/** Seeds a brokerage with one configuration. */
export function seedAcme(db: Database): void {
  createBrokerage(db, 'Acme', NOW);
  const saved = saveConfiguration(db, configurationInput('Acme', 'Default', { 'load.loadNumber': 'Load' }), NOW);
  if (!saved.ok) throw new Error(saved.error.message);
}
