import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcCalendar } from '../../../src/core/snapshots/calendar';
import { newObjectId, objectKey } from '../../../src/core/team-store/object-names';
import { runStoreRetention } from '../../../src/core/team-store/store-retention-run';
import {
  describeDecision,
  planStoreRetention,
  type StoreBackupItem,
  type StoreBackupKind,
} from '../../../src/core/team-store/store-retention';
import { MemoryObjectStore } from '../../support/memory-object-store';

/**
 * Retention in the team store: table-driven rules, then a simulated year of backups day by day
 * with the laws that must hold every day (newest verified kept, one per month for a year,
 * nothing foreign or another browser's ever deleted), then the run against a store that refuses.
 */

const PREFIX = 'ff2api/';
const ME = '11111111111111111111111111111111';
const TEAMMATE = '22222222222222222222222222222222';
const NOW = new Date('2026-12-07T18:00:00.000Z');
const DAY = 86_400_000;

function backup(daysAgo: number, kind: StoreBackupKind = 'daily', verified = true, device = ME): StoreBackupItem {
  const createdAt = new Date(NOW.getTime() - daysAgo * DAY).toISOString();
  return {
    key: objectKey(PREFIX, { kind: 'backup', deviceId: device, objectId: newObjectId() }),
    metadata: { kind, createdAt, deviceId: device },
    verified,
  };
}

function plan(items: StoreBackupItem[], now = NOW) {
  return new Map(
    planStoreRetention({ items, prefix: PREFIX, deviceId: ME, now, calendar: utcCalendar }).map((d) => [
      d.key,
      d.keptFor,
    ]),
  );
}

describe('store retention rules', () => {
  // The first backups of 2026 (and January), of September and of November 2026: the cases below
  // are then about their own rule, not about being the first of a month or year.
  const firsts = () => [backup(340), backup(97), backup(35), backup(0)];
  it.each<[string, StoreBackupItem, StoreBackupItem[], string[]]>([
    ['a daily backup 29 days old is kept', backup(29), firsts(), ['daily']],
    ['a daily backup 31 days old is deleted', backup(31), firsts(), []],
    ['a manual download counts as daily', backup(31, 'manual'), firsts(), []],
    ['an emergency backup 89 days old is kept', backup(89, 'emergency'), firsts(), ['emergency']],
    ['an emergency backup 91 days old is deleted', backup(91, 'emergency'), firsts(), []],
    ['the newest verified is kept however old', backup(400), [], ['newest', 'yearly']],
    [
      'an old one stays while no newer one was verified',
      backup(60, 'daily', false),
      [backup(0, 'daily', false)],
      ['no-newer-verified'],
    ],
    ['an old unverified one goes once a newer one was verified', backup(60, 'daily', false), firsts(), []],
    ['a teammate’s backup is never deleted here', backup(300, 'daily', true, TEAMMATE), firsts(), ['other-browser']],
  ])('%s', (_, subject, others, expected) => {
    expect(plan([subject, ...others]).get(subject.key)).toEqual(expected);
  });

  it('the first verified backup of each month is kept 12 months, of each year 7 years', () => {
    const items = [backup(0), backup(40), backup(38), backup(300), backup(6 * 365), backup(8 * 365)];
    const decisions = plan(items);
    // 40 days ago is 2026-10-28, the first of October here; 38 days ago is later in October;
    // 300 days ago (February 2026) is the first of this year.
    expect(decisions.get(items[1]?.key ?? '')).toEqual(['monthly']);
    expect(decisions.get(items[2]?.key ?? '')).toEqual([]);
    expect(decisions.get(items[4]?.key ?? '')).toEqual(['yearly']);
    expect(decisions.get(items[5]?.key ?? '')).toEqual([]);
  });

  it('foreign names and objects that did not open with the team key are never deleted', () => {
    const foreign: StoreBackupItem = {
      key: `${PREFIX}devices/${ME}/backups/ff2api_backup_2020.json`,
      metadata: { kind: 'daily', createdAt: '2020-01-01T00:00:00.000Z', deviceId: ME },
      verified: true,
    };
    const otherPrefix: StoreBackupItem = { ...backup(900), key: backup(900).key.replace(PREFIX, 'other-team/') };
    const unreadable: StoreBackupItem = { ...backup(900), metadata: null };
    const decisions = plan([foreign, otherPrefix, unreadable, backup(0)]);
    expect(decisions.get(foreign.key)).toEqual(['not-ours']);
    expect(decisions.get(otherPrefix.key)).toEqual(['not-ours']);
    expect(decisions.get(unreadable.key)).toEqual(['unreadable']);
  });

  it('each decision says why in plain words', () => {
    expect(describeDecision({ key: 'k', keptFor: ['monthly', 'yearly'] })).toBe(
      'kept: first of its month, kept 12 months; first of its year, kept 7 years',
    );
    expect(describeDecision({ key: 'k', keptFor: [] })).toMatch(/^deleted: .*newer backup was checked/);
  });
});

describe('a simulated year of store backups, day by day', () => {
  it('never deletes the newest verified, keeps one a month for a year, and nothing foreign', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ emergency: fc.boolean(), manual: fc.boolean(), fails: fc.nat({ max: 9 }) }), {
          minLength: 400,
          maxLength: 400,
        }),
        (days) => {
          let stored: StoreBackupItem[] = [
            { key: `${PREFIX}notes.txt`, metadata: null, verified: false },
            {
              ...backup(0, 'daily', true, TEAMMATE),
              key: objectKey(PREFIX, { kind: 'backup', deviceId: TEAMMATE, objectId: newObjectId() }),
            },
          ];
          const foreign = new Set(stored.map((s) => s.key));
          const start = Date.parse('2025-11-01T17:00:00.000Z');
          for (const [day, today] of days.entries()) {
            const now = new Date(start + day * DAY);
            const make = (kind: StoreBackupKind, verified: boolean): StoreBackupItem => ({
              key: objectKey(PREFIX, { kind: 'backup', deviceId: ME, objectId: newObjectId() }),
              metadata: { kind, createdAt: now.toISOString(), deviceId: ME },
              verified,
            });
            stored.push(make('daily', today.fails !== 0));
            if (today.emergency) stored.push(make('emergency', true));
            if (today.manual) stored.push(make('manual', true));
            const decisions = planStoreRetention({
              items: stored,
              prefix: PREFIX,
              deviceId: ME,
              now,
              calendar: utcCalendar,
            });
            const deleted = new Set(decisions.filter((d) => d.keptFor.length === 0).map((d) => d.key));
            const newestVerified = stored.filter((s) => s.verified && s.metadata?.deviceId === ME).at(-1);
            expect(newestVerified && deleted.has(newestVerified.key)).toBeFalsy();
            expect([...foreign].some((k) => deleted.has(k))).toBe(false);
            stored = stored.filter((s) => !deleted.has(s.key));
            // Every month of the last 12 that had a verified backup still has one.
            for (let back = 0; back < 12; back++) {
              const month = utcCalendar.monthIndex(now.getTime()) - back;
              const hadOne = days
                .slice(0, day + 1)
                .some((d, i) => d.fails !== 0 && utcCalendar.monthIndex(start + i * DAY) === month);
              const hasOne = stored.some(
                (s) => s.verified && s.metadata && utcCalendar.monthIndex(Date.parse(s.metadata.createdAt)) === month,
              );
              if (hadOne) expect(hasOne).toBe(true);
            }
          }
          // After ~13 months: about 30 dailies, the emergencies of 90 days, a dozen monthlies.
          const mine = stored.filter((s) => s.metadata?.deviceId === ME);
          expect(mine.length).toBeLessThan(30 * 3 + 90 + 14);
        },
      ),
      { numRuns: 3, seed: 20261207 },
    );
  });
});

describe('carrying out retention against a store', () => {
  it('deletes what the plan says, keeps going past a refused delete, and says so', async () => {
    const store = new MemoryObjectStore();
    const items = [backup(0), backup(100), backup(101), backup(102)];
    for (const item of items) await store.put(item.key, new Uint8Array([1]));
    const decisions = planStoreRetention({ items, prefix: PREFIX, deviceId: ME, now: NOW, calendar: utcCalendar });
    const doomed = decisions.filter((d) => d.keptFor.length === 0).map((d) => d.key);
    expect(doomed.length).toBeGreaterThanOrEqual(2);
    store.locked.add(doomed[0] ?? '');
    const report = await runStoreRetention(store, decisions);
    expect(report.refused.map((r) => r.key)).toEqual([doomed[0]]);
    expect(report.deleted).toEqual(doomed.slice(1));
    expect(store.objects.has(doomed[0] ?? '')).toBe(true);
    expect(report.summary).toMatch(/could not be removed \(the bucket refused: Object Lock/);
  });

  it('stops trying once the store is unreachable, and reports what was not tried', async () => {
    const store = new MemoryObjectStore();
    const items = [backup(0), backup(100), backup(101), backup(102)];
    const decisions = planStoreRetention({ items, prefix: PREFIX, deviceId: ME, now: NOW, calendar: utcCalendar });
    store.failNext('unreachable', (op) => op === 'delete', Infinity);
    const report = await runStoreRetention(store, decisions);
    expect(store.calls.filter((c) => c.startsWith('delete'))).toHaveLength(1);
    expect(report.notTried.length).toBe(decisions.filter((d) => d.keptFor.length === 0).length - 1);
  });
});
