import { describe, expect, it } from 'vitest';
import { parseObjectName } from '../../../src/core/team-store/object-names';
import { localCalendar } from '../../../src/core/snapshots/calendar';
import {
  backUpToStore,
  connectRequest,
  createTeam,
  newMemoryStore,
  seedBrokerage,
  teamBrowser,
} from '../../support/team-store-support';

/**
 * Retention in the store over a year of weekly backups (plus one emergency backup), run by the
 * feature after each checked upload: exactly this browser's objects past every period go; another
 * browser's backup, a foreign name under this browser's folder and another prefix are never
 * touched; a delete the bucket refuses (Object Lock) is reported and the others still happen.
 */

const DAY = 86_400_000;

describe('retention in the store over a simulated year', () => {
  it('keeps the last 30 days, the first of each month for 12 months and of each year; never a foreign object', async () => {
    const store = newMemoryStore();
    const me = await teamBrowser(store, { start: '2026-01-01T12:00:00.000Z' });
    await createTeam(me);
    await seedBrokerage(me.api, 'Acme', 'sk-1');
    const teammate = await teamBrowser(store, { start: '2026-01-01T12:00:00.000Z' });
    expect((await teammate.api.connectTeamStore(connectRequest({ browserName: 'Desk 2' }))).ok).toBe(true);
    await seedBrokerage(teammate.api, 'Other', 'sk-2');
    await backUpToStore(teammate.api);
    const status = await me.api.getTeamStoreStatus();
    if (!status.connected) throw new Error('connected');
    const foreign = [
      `ff2api/devices/${status.deviceId}/backups/notes.txt`,
      'other-team/devices/x/backups/y',
      'ff2api/readme',
    ];
    for (const key of foreign) await store.put(key, new TextEncoder().encode('not ours'));

    const made: { key: string; at: number; kind: 'manual' | 'emergency' }[] = [];
    const ownKeys = () =>
      new Set(
        [...store.objects.keys()].filter(
          (k) => k.startsWith(`ff2api/devices/${status.deviceId}/backups/`) && parseObjectName('ff2api/', k),
        ),
      );
    let lockedKey = '';
    for (let at = Date.parse('2026-01-01T12:00:00.000Z'); at <= Date.parse('2026-12-31T12:00:00.000Z'); at += 7 * DAY) {
      me.clock.set(new Date(at));
      const kind = at === Date.parse('2026-07-23T12:00:00.000Z') ? 'emergency' : 'manual';
      const before = ownKeys();
      const { outcome } = await backUpToStore(me.api, kind);
      expect(outcome.state).toBe('checked');
      const key = [...ownKeys()].find((k) => !before.has(k));
      if (!key) throw new Error('no new object');
      made.push({ key, at, kind });
      // The second backup of the year is under Object Lock: its delete will be refused.
      if (made.length === 2) {
        lockedKey = key;
        store.locked.add(key);
      }
    }

    const now = made[made.length - 1]?.at ?? 0;
    const day = (ms: number) => localCalendar.dayIndex(ms);
    const month = (ms: number) => localCalendar.monthIndex(ms);
    const firstOfMonth = new Set<number>();
    const expected = made.filter(({ at, kind }) => {
      const isFirstOfMonth = !firstOfMonth.has(month(at));
      firstOfMonth.add(month(at));
      const keptDays = kind === 'emergency' ? 90 : 30;
      return day(now) - day(at) < keptDays || (isFirstOfMonth && month(now) - month(at) < 12) || at === made[0]?.at;
    });
    expect([...ownKeys()].sort()).toEqual([...new Set([...expected.map((m) => m.key), lockedKey])].sort());
    expect(expected.length).toBeGreaterThan(12);
    expect(made.length - expected.length).toBeGreaterThan(25);
    for (const key of foreign) expect(store.objects.has(key)).toBe(true);
    const theirs = [...store.objects.keys()].filter(
      (k) => k.includes('/backups/') && !k.includes(status.deviceId) && k.startsWith('ff2api/'),
    );
    expect(theirs).toHaveLength(1);
    const after = await me.api.getTeamStoreStatus();
    expect(after.connected && after.lastRetention?.summary).toMatch(
      /1 could not be removed \(the bucket refused: Object Lock or a key without delete permission\)/,
    );
    expect(
      store.calls.filter(
        (c) => c.startsWith('delete') && (foreign.some((f) => c.endsWith(f)) || theirs.some((t) => c.endsWith(t))),
      ),
    ).toEqual([]);
  });
});
