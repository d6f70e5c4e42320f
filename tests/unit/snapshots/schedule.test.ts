import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock';
import { dueScheduledSnapshot, hasChangesSinceSnapshot } from '../../../src/core/snapshots/schedule';
import {
  isEndOfDayDue,
  isEndOfDayFileMissing,
  latestEndOfDay,
  parseTimeOfDay,
} from '../../../src/core/snapshots/end-of-day';

const MIN = 60_000;

/** A fake app: writes move lastChangeAt, snapshots move `newest`; the clock is a fixed one moved by hand. */
function simulation(start: string) {
  const clock = fixedClock(start);
  let lastChangeAt: string | null = null;
  let newest: { takenAt: string; dataChangedAt: string | null } | null = null;
  let pendingSince: string | null = null;
  const taken: { at: string; trigger: string }[] = [];
  return {
    clock,
    taken,
    write: () => {
      lastChangeAt = clock.now().toISOString();
    },
    /** What the page's minute tick does: ask, and take what is due. */
    tick: () => {
      // As the worker does: remember when changes were first seen waiting.
      if (pendingSince === null && hasChangesSinceSnapshot({ lastChangeAt, newest }))
        pendingSince = clock.now().toISOString();
      const due = dueScheduledSnapshot({ now: clock.now(), lastChangeAt, newest, pendingSince });
      if (due) {
        pendingSince = null;
        newest = { takenAt: clock.now().toISOString(), dataChangedAt: lastChangeAt };
        taken.push({ at: clock.now().toISOString(), trigger: due });
      }
      return due;
    },
    minutes: (n: number, each?: () => void) => {
      for (let i = 0; i < n; i++) {
        clock.set(new Date(clock.now().getTime() + MIN));
        each?.();
      }
    },
  };
}

describe('automatic snapshot triggers, driven by a fake clock', () => {
  it('takes nothing while nothing changed', () => {
    const app = simulation('2026-11-22T08:00:00.000Z');
    app.minutes(600, app.tick);
    expect(app.taken).toEqual([]);
  });

  it('a change, then a pause: an After changes snapshot two minutes later, then nothing more', () => {
    const app = simulation('2026-11-22T08:00:00.000Z');
    app.write();
    app.minutes(1, app.tick);
    expect(app.taken).toEqual([]);
    app.minutes(30, app.tick);
    expect(app.taken).toEqual([{ at: '2026-11-22T08:02:00.000Z', trigger: 'after-changes' }]);
  });

  it('at most one After changes every 30 minutes', () => {
    const app = simulation('2026-11-22T08:00:00.000Z');
    // A change every 5 minutes for two hours, the tick every minute.
    app.minutes(120, () => {
      if (app.clock.now().getUTCMinutes() % 5 === 0) app.write();
      app.tick();
    });
    const times = app.taken.map((t) => Date.parse(t.at));
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(30 * MIN);
    expect(app.taken.every((t) => t.trigger === 'after-changes')).toBe(true);
    expect(app.taken.length).toBeGreaterThanOrEqual(3);
  });

  it('editing without a pause still gets an Hourly snapshot every hour', () => {
    const app = simulation('2026-11-22T08:00:00.000Z');
    app.minutes(180, () => {
      app.write();
      app.tick();
    });
    expect(app.taken.map((t) => t.trigger)).toEqual(['hourly', 'hourly']);
    expect(app.taken[0]?.at).toBe('2026-11-22T09:01:00.000Z');
    expect(app.taken[1]?.at).toBe('2026-11-22T10:02:00.000Z');
  });
});

describe('end of day', () => {
  const at = { hour: 17, minute: 0 };
  it.each([
    ['17:00', { hour: 17, minute: 0 }],
    ['7:05', { hour: 7, minute: 5 }],
    [' 23:59 ', { hour: 23, minute: 59 }],
    ['24:00', null],
    ['17', null],
    ['5 pm', null],
    ['17:60', null],
    ['', null],
  ])('parses %j', (text, expected) => {
    expect(parseTimeOfDay(text)).toEqual(expected);
  });

  it('is due once the moment passed, once per day, and catches up a missed one', () => {
    const created = new Date(2026, 10, 22, 8, 0).toISOString();
    const due = (now: Date, lastRunAt: string | null) =>
      isEndOfDayDue({ now, at, lastRunAt, createdAt: created, hasData: true });
    expect(due(new Date(2026, 10, 22, 16, 59), null)).toBe(false);
    expect(due(new Date(2026, 10, 22, 17, 0), null)).toBe(true);
    const ranAt = new Date(2026, 10, 22, 17, 1).toISOString();
    expect(due(new Date(2026, 10, 22, 23, 0), ranAt)).toBe(false);
    expect(due(new Date(2026, 10, 23, 9, 0), ranAt)).toBe(false);
    expect(due(new Date(2026, 10, 23, 17, 0), ranAt)).toBe(true);
    // Shut at 16:30 yesterday, opened this morning: yesterday's end of day is caught up.
    expect(due(new Date(2026, 10, 24, 9, 0), ranAt)).toBe(true);
    expect(latestEndOfDay(new Date(2026, 10, 24, 9, 0), at)).toEqual(new Date(2026, 10, 23, 17, 0));
    expect(
      isEndOfDayDue({ now: new Date(2026, 10, 22, 18, 0), at, lastRunAt: null, createdAt: created, hasData: false }),
    ).toBe(false);
  });

  it('asks for the daily file after the moment until a backup file is made', () => {
    const missing = (now: Date, lastBackupAt: string | null, hasChangesSinceBackup = true) =>
      isEndOfDayFileMissing({ now, at, lastBackupAt, hasChangesSinceBackup });
    expect(missing(new Date(2026, 10, 22, 16, 0), null)).toBe(false);
    expect(missing(new Date(2026, 10, 22, 17, 30), null)).toBe(true);
    expect(missing(new Date(2026, 10, 22, 17, 30), new Date(2026, 10, 22, 12, 0).toISOString())).toBe(true);
    expect(missing(new Date(2026, 10, 22, 17, 30), new Date(2026, 10, 22, 17, 10).toISOString())).toBe(false);
    expect(missing(new Date(2026, 10, 22, 17, 30), null, false)).toBe(false);
  });
});
