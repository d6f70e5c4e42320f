import { DATA_TABLES } from '../db/schema';
import type { Database } from '../db/sql-types';
import { selectRows } from '../db/transaction';
import { applyChanges } from './apply';
import { captureAppendRow, type OutboxNote } from './capture-append';
import { captureEditableRow } from './capture-editable';
import type { Change, ClockPair } from './changes';
import { resolveEditable } from './editable-groups';
import { readEditableWrites } from './editable-state';
import { tickClock, type Hlc } from './hlc';
import { isEditable } from './sync-tables';

/**
 * Capture: the rows local writes touched (team_sync_outbox, filled by the triggers) become
 * changes, recorded here as the team's would be and returned for the next log object. Rows of a
 * processing run still sending stay local (their notes wait) until the run ends: a run in
 * progress is this browser's business; its upload and errors are shared once it stopped.
 */

export interface CaptureContext {
  device: string;
  person: string;
  epoch: string;
  nowMs: number;
  /** The latest clock this browser has made or seen. */
  clock: Hlc;
}

export interface Captured {
  changes: Change[];
  clock: Hlc;
}

const SQL = {
  notes: 'SELECT seq, tbl, row_id, op, old FROM team_sync_outbox ORDER BY seq',
  sendingUploads: "SELECT upload_history_id AS id FROM processing_runs WHERE state = 'sending'",
  errorUpload: 'SELECT upload_history_id FROM processing_errors WHERE id = ?',
  forget: 'DELETE FROM team_sync_outbox WHERE seq = ?',
  forgetMoves: 'DELETE FROM team_sync_new_ids',
} as const;

interface NoteRow {
  seq: number;
  tbl: string;
  row_id: number;
  op: OutboxNote['op'];
  old: string | null;
}

/** Turns every note not held back into changes, records them, and forgets those notes. */
export function captureLocalWrites(db: Database, context: CaptureContext): Captured {
  const notes = selectRows<NoteRow>(db, SQL.notes);
  if (notes.length === 0) return { changes: [], clock: context.clock };
  const sending = new Set(selectRows<{ id: number }>(db, SQL.sendingUploads).map((r) => r.id));
  let clock = context.clock;
  const nextClock = (): ClockPair => {
    clock = tickClock(clock, context.nowMs);
    return [clock.wall, clock.counter];
  };
  const resolved = resolveEditable(readEditableWrites(db));
  const changes: Change[] = [];
  for (const table of DATA_TABLES) {
    for (const note of notes.filter((n) => n.tbl === table)) {
      if (isHeld(db, table, note.row_id, sending)) continue;
      db.run(SQL.forget, [note.seq]);
      if (isEditable(table)) {
        changes.push(...captureEditableRow(db, resolved, table, note.row_id, context.epoch, nextClock));
      } else {
        const captured = captureAppendRow(
          db,
          { table: table, rowId: note.row_id, op: note.op, old: note.old },
          context.epoch,
          nextClock,
        );
        if (captured) changes.push(captured);
      }
    }
  }
  db.exec(SQL.forgetMoves);
  linkNewChanges(db, changes);
  applyChanges(
    db,
    changes.map((change) => ({ change, device: context.device, person: context.person })),
  );
  return { changes, clock };
}

/**
 * Notes the rows of runs still sending as new (a database that just became a team's: its runs
 * started before the triggers), so they are shared when the run ends.
 */
export function noteSendingRuns(db: Database): void {
  db.exec(`INSERT INTO team_sync_outbox (tbl, row_id, op)
      SELECT 'upload_history', upload_history_id, 'insert' FROM processing_runs WHERE state = 'sending'
        AND upload_history_id NOT IN (SELECT row_id FROM team_sync_outbox WHERE tbl = 'upload_history');
    INSERT INTO team_sync_outbox (tbl, row_id, op)
      SELECT 'processing_errors', id, 'insert' FROM processing_errors
      WHERE upload_history_id IN (SELECT upload_history_id FROM processing_runs WHERE state = 'sending')
        AND id NOT IN (SELECT row_id FROM team_sync_outbox WHERE tbl = 'processing_errors');`);
}

/** Notes of rows held back (a run still sending), which capture leaves for later. */
export function heldNoteCount(db: Database, counts: (table: string) => boolean = () => true): number {
  const sending = new Set(selectRows<{ id: number }>(db, SQL.sendingUploads).map((r) => r.id));
  return selectRows<NoteRow>(db, SQL.notes).filter((n) => counts(n.tbl) && isHeld(db, n.tbl, n.row_id, sending)).length;
}

function isHeld(db: Database, table: string, rowId: number, sending: ReadonlySet<number>): boolean {
  if (table === 'upload_history') return sending.has(rowId);
  if (table !== 'processing_errors') return false;
  const upload = selectRows<{ upload_history_id: number | null }>(db, SQL.errorUpload, [rowId])[0]?.upload_history_id;
  return typeof upload === 'number' && sending.has(upload);
}

/** A configuration change shared for the first time keeps the configuration it was written for. */
function linkNewChanges(db: Database, changes: readonly Change[]): void {
  for (const change of changes) {
    if (change.k !== 'row' || change.t !== 'configuration_changes' || change.c !== null) continue;
    db.run(
      'INSERT INTO team_sync_links (row_id, configuration_id) VALUES (?, ?) ON CONFLICT DO UPDATE SET configuration_id = excluded.configuration_id',
      [change.id, change.v[0] ?? null],
    );
  }
}
