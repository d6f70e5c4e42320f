import type { Database } from '../db/sql-types';
import { applyChanges, clockOf } from './apply';
import type { AuthoredChange, LogBody, RestoreChange, RestoreRecord } from './changes';
import { dispositionOf, knownRestores, recordLost, recordRestore, type LostChange } from './epochs';
import { laterClock, type Hlc } from './hlc';
import { writePosition } from './local-queue';
import { readClock, readEpoch, writeClock } from './sync-meta';

/**
 * Applies log objects read from the store, device by device in sequence order, inside one
 * transaction of the caller's. A device's log object counts as read (its position moves) once
 * every change in it was applied, found replaced or lost by a team restore, or was itself a
 * restore. Two things stop a device for now: a change of an epoch not known yet (its restore is
 * in a log not read yet — another device's, read in the next round), and a newer team restore,
 * which the caller applies (it needs the store and the safety snapshot) before calling again.
 */

export interface FetchedLog {
  device: string;
  sequence: number;
  body: LogBody;
}

/** Where reading one device's fetched logs stands. */
export interface LogCursor {
  logs: FetchedLog[];
  /** The log object being read. */
  next: number;
  /** The first change of it not handled yet. */
  change: number;
}

export interface FoundRestore {
  change: RestoreChange;
  device: string;
  person: string;
  clock: string;
}

export interface ProcessOutcome {
  applied: number;
  rowsChanged: number;
  logsDone: number;
  lost: LostChange[];
  /** Restores found older than the current one (replaced at once). */
  replacedRestores: RestoreRecord[];
  /** A newer restore to apply before going on, or null when every log that can be read was. */
  restore: FoundRestore | null;
}

/** Applies what can be applied of `cursors`; moves them on. */
export function processLogs(db: Database, cursors: Map<string, LogCursor>): ProcessOutcome {
  const outcome: ProcessOutcome = {
    applied: 0,
    rowsChanged: 0,
    logsDone: 0,
    lost: [],
    replacedRestores: [],
    restore: null,
  };
  const epoch = readEpoch(db);
  const restores = knownRestores(db);
  let clock: Hlc = readClock(db);
  for (let progress = true; progress && !outcome.restore;) {
    progress = false;
    for (const [device, cursor] of cursors) {
      const log = cursor.logs[cursor.next];
      if (!log || outcome.restore) continue;
      const ready: AuthoredChange[] = [];
      let blocked = false;
      for (; cursor.change < log.body.changes.length; cursor.change++) {
        const change = log.body.changes[cursor.change];
        if (!change) break;
        clock = laterClock(clock, { wall: change.h[0], counter: change.h[1] });
        const changeClock = clockOf(change, device);
        if (change.k === 'restore') {
          if (restores.has(change.r.id)) continue;
          if (changeClock > epoch.clock) {
            outcome.restore = { change, device, person: log.body.person, clock: changeClock };
            break;
          }
          recordRestore(db, change.r, changeClock);
          restores.set(change.r.id, { record: change.r, clock: changeClock, device });
          outcome.replacedRestores.push(change.r);
          continue;
        }
        const disposition = dispositionOf(change, epoch.id, restores, device, log.sequence);
        if (disposition === 'wait') {
          blocked = true;
          break;
        }
        if (disposition === 'apply') ready.push({ change, device, person: log.body.person });
        if (disposition === 'lost') {
          outcome.lost.push(recordLost(db, epoch.id, change, changeClock, log.body.person));
        }
      }
      if (ready.length > 0) {
        outcome.rowsChanged += applyChanges(db, ready).rowsChanged;
        outcome.applied += ready.length;
      }
      if (blocked || outcome.restore) continue;
      writePosition(db, device, log.sequence);
      cursor.next++;
      cursor.change = 0;
      outcome.logsDone++;
      progress = true;
    }
  }
  writeClock(db, clock);
  return outcome;
}
