import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcCalendar } from '../../../src/core/snapshots/calendar';
import type { SnapshotPin, SnapshotVerification } from '../../../src/core/snapshots/manifest';
import { describeKeepReasons, planRetention, type RetentionItem } from '../../../src/core/snapshots/retention';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-22T12:30:00.000Z');
const MB = 1_000_000;
const verified: SnapshotVerification = { state: 'verified', at: NOW.toISOString() };

function item(id: string, ageMs: number, extra: Partial<RetentionItem> = {}): RetentionItem {
  return {
    id,
    takenAt: new Date(NOW.getTime() - ageMs).toISOString(),
    storedBytes: MB,
    verification: verified,
    pin: null,
    ...extra,
  };
}

function plan(items: RetentionItem[], budgetBytes = 10_000 * MB, now = NOW) {
  return Object.fromEntries(
    planRetention({ snapshots: items, now, budgetBytes, calendar: utcCalendar }).map((d) => [d.id, d]),
  );
}

describe('retention: what is kept, and why', () => {
  it.each([
    ['the newest verified snapshot', [item('a', 400 * DAY)], 'a', ['newest']],
    [
      'two automatic ones in one hour: only the newer fills the hourly slot',
      [item('new', 10 * 60_000, { trigger: 'after-changes' }), item('old', 20 * 60_000, { trigger: 'after-changes' })],
      'old',
      [],
    ],
    [
      'a manual one of the last 24 h is not thinned away',
      [item('new', 10 * 60_000, { trigger: 'after-changes' }), item('old', 20 * 60_000, { trigger: 'manual' })],
      'old',
      ['last-24h'],
    ],
    [
      'a manual one past 24 h is thinned like any',
      [item('new', 0), item('d2a', 2 * DAY, { trigger: 'manual' }), item('d2b', 2 * DAY + HOUR, { trigger: 'manual' })],
      'd2b',
      [],
    ],
    ['an hour-old one is its hour’s newest', [item('now', 0), item('hour', HOUR + 60_000)], 'hour', ['hourly']],
    ['three days old: the newest of its day', [item('now', 0), item('d3', 3 * DAY)], 'd3', ['daily']],
    [
      '40 days old: the newest of its week (within 12 weeks)',
      [item('now', 0), item('d40', 40 * DAY)],
      'd40',
      ['weekly', 'monthly'],
    ],
    ['200 days old: the newest of its month', [item('now', 0), item('d200', 200 * DAY)], 'd200', ['monthly']],
    ['400 days old: expired', [item('now', 0), item('d400', 400 * DAY)], 'd400', []],
    [
      '400 days old but pinned by a user',
      [item('now', 0), item('pin', 400 * DAY, { pin: { kind: 'user' } })],
      'pin',
      ['pinned'],
    ],
    [
      'a safety pin that ran out no longer holds',
      [
        item('now', 0),
        item('p', 400 * DAY, { pin: { kind: 'until', until: new Date(NOW.getTime() - DAY).toISOString() } }),
      ],
      'p',
      [],
    ],
    [
      'a safety pin still running',
      [
        item('now', 0),
        item('p', 400 * DAY, { pin: { kind: 'until', until: new Date(NOW.getTime() + DAY).toISOString() } }),
      ],
      'p',
      ['pinned'],
    ],
    ['not yet verified', [item('now', DAY), item('p', 0, { verification: { state: 'pending' } })], 'p', ['verifying']],
    [
      'failed, with a newer verified one, a week old: deleted',
      [item('now', 0), item('f', 8 * DAY, { verification: { state: 'failed', at: '', problem: 'x' } })],
      'f',
      [],
    ],
    [
      'failed, recent: kept for inspection',
      [item('now', 0), item('f', 2 * DAY, { verification: { state: 'failed', at: '', problem: 'x' } })],
      'f',
      ['failed'],
    ],
    [
      'failed, nothing newer verified: kept',
      [item('old', 20 * DAY), item('f', 9 * DAY, { verification: { state: 'failed', at: '', problem: 'x' } })],
      'f',
      ['failed'],
    ],
  ] as const)('%s', (_name, items, id, reasons) => {
    const decision = plan([...items])[id];
    expect(decision?.keptFor).toEqual(reasons);
    expect(decision?.deleteBecause).toBe(reasons.length === 0 ? 'expired' : null);
  });

  it('a failed snapshot never takes a slot: the verified one of that day is kept', () => {
    const result = plan([
      item('now', 0),
      item('good', 3 * DAY + HOUR),
      item('bad', 3 * DAY, { verification: { state: 'failed', at: '', problem: 'x' } }),
    ]);
    expect(result.good?.keptFor).toContain('daily');
  });

  it('over budget, the oldest go first; pinned, newest and unverified never', () => {
    const items = [
      item('now', 0, { storedBytes: 4 * MB }),
      item('pending', 60_000, { storedBytes: 4 * MB, verification: { state: 'pending' } }),
      item('d2', 2 * DAY, { storedBytes: 4 * MB }),
      item('d5', 5 * DAY, { storedBytes: 4 * MB }),
      item('pinned', 100 * DAY, { storedBytes: 4 * MB, pin: { kind: 'user' } }),
    ];
    const result = plan(items, 14 * MB);
    expect(result.d5?.deleteBecause).toBe('budget');
    expect(result.d2?.deleteBecause).toBe('budget');
    for (const id of ['now', 'pending', 'pinned']) expect(result[id]?.deleteBecause).toBeNull();
  });

  it('describes why it keeps a snapshot', () => {
    expect(describeKeepReasons(['pinned', 'daily'])).toBe('kept: pinned, daily');
    expect(describeKeepReasons([])).toBe('to be deleted');
  });
});

describe('retention across a simulated year (a snapshot every 30 minutes of a working day)', () => {
  it('keeps one an hour for a day, one a day for 30 days, one a week for 12 weeks, one a month for a year', () => {
    let kept: RetentionItem[] = [];
    const start = Date.parse('2025-11-24T00:00:00.000Z');
    let id = 0;
    let now = new Date(start);
    for (let day = 0; day < 366; day++) {
      for (let half = 16; half <= 34; half++) {
        now = new Date(start + day * DAY + half * 30 * 60_000);
        kept.push({
          id: String(id++),
          takenAt: now.toISOString(),
          trigger: 'after-changes',
          storedBytes: MB,
          verification: { state: 'verified', at: now.toISOString() },
          pin: null,
        });
        const decisions = planRetention({ snapshots: kept, now, budgetBytes: 10_000 * MB, calendar: utcCalendar });
        const keep = new Set(decisions.filter((d) => d.keptFor.length > 0).map((d) => d.id));
        kept = kept.filter((s) => keep.has(s.id));
      }
    }
    const decisions = planRetention({ snapshots: kept, now, budgetBytes: 10_000 * MB, calendar: utcCalendar });
    const count = (reason: string) => decisions.filter((d) => d.keptFor.includes(reason as never)).length;
    // Working hours 08:00–17:00: the last 24 h hold 10 hours with a snapshot (08:00 … 17:00).
    expect(count('hourly')).toBe(10);
    expect(count('daily')).toBe(30);
    expect(count('weekly')).toBe(12);
    expect(count('monthly')).toBe(12);
    expect(count('newest')).toBe(1);
    // Overlaps (today's newest is hourly, daily, weekly and monthly at once) keep the total small.
    expect(kept.length).toBeLessThan(10 + 30 + 12 + 12);
    expect(kept.length).toBeGreaterThan(40);
    // Nothing older than 12 months survives.
    const oldest = Math.min(...kept.map((s) => Date.parse(s.takenAt)));
    expect(now.getTime() - oldest).toBeLessThan(366 * DAY);
  });
});

describe('retention laws', () => {
  const arbItem = fc
    .record({
      id: fc.uuid(),
      ageMs: fc.integer({ min: 0, max: 500 * DAY }),
      storedBytes: fc.integer({ min: 1, max: 50 * MB }),
      state: fc.constantFrom('verified', 'verified', 'pending', 'failed'),
      pin: fc.constantFrom<SnapshotPin>(
        null,
        null,
        null,
        { kind: 'user' },
        { kind: 'until', until: new Date(NOW.getTime() + DAY).toISOString() },
      ),
    })
    .map(({ id, ageMs, storedBytes, state, pin }): RetentionItem => ({
      id,
      takenAt: new Date(NOW.getTime() - ageMs).toISOString(),
      storedBytes,
      pin,
      verification:
        state === 'verified'
          ? verified
          : state === 'pending'
            ? { state: 'pending' }
            : { state: 'failed', at: '', problem: 'x' },
    }));
  const arbSet = fc.uniqueArray(arbItem, { selector: (s) => s.id, maxLength: 40 });

  it('never deletes a pinned snapshot, the newest verified one, or one not yet verified', () => {
    fc.assert(
      fc.property(arbSet, fc.integer({ min: 0, max: 500 * MB }), (items, budget) => {
        const result = plan(items, budget);
        const verifiedItems = items
          .filter((s) => s.verification.state === 'verified')
          .sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt));
        for (const s of items) {
          const mustStay = s.pin !== null || s.verification.state === 'pending' || s.id === verifiedItems[0]?.id;
          if (mustStay) expect(result[s.id]?.keptFor.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('deletes a snapshot only when a newer one was verified', () => {
    fc.assert(
      fc.property(arbSet, fc.integer({ min: 0, max: 500 * MB }), (items, budget) => {
        const result = plan(items, budget);
        for (const s of items) {
          if (result[s.id]?.deleteBecause === null) continue;
          expect(
            items.some((o) => o.verification.state === 'verified' && Date.parse(o.takenAt) > Date.parse(s.takenAt)),
          ).toBe(true);
        }
      }),
    );
  });

  it('is stable: applying the plan and planning again deletes nothing more (without a budget squeeze)', () => {
    fc.assert(
      fc.property(arbSet, (items) => {
        const first = plan(items);
        const kept = items.filter((s) => first[s.id]?.deleteBecause === null);
        const second = plan(kept);
        expect(Object.values(second).every((d) => d.deleteBecause === null)).toBe(true);
      }),
    );
  });
});
