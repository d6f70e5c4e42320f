import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import {
  deletableLogs,
  deletableSnapshots,
  isSnapshotDue,
  newestSnapshot,
  type CompactionPolicy,
  type CountedSnapshot,
} from '../../../src/core/team-sync/compaction';
import { STATE_FORMAT, type DeviceState } from '../../../src/core/team-sync/device-state';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { SimBrowser, syncOk } from './sync-support';

const ME = 'a'.repeat(32);
const BOB = 'b'.repeat(32);
const CAROL = 'c'.repeat(32);
const NOW = Date.parse('2026-12-20T12:00:00Z');
const POLICY: CompactionPolicy = { activeDays: 14, snapshotAfterLogs: 10 };

function state(
  device: string,
  positions: Record<string, number>,
  lastSeen = '2026-12-20T11:00:00.000Z',
  snapshots: DeviceState['snapshots'] = [],
): DeviceState {
  return {
    format: STATE_FORMAT,
    version: 1,
    team: 'f'.repeat(32),
    device,
    slot: 1,
    browserName: device,
    person: device,
    lastSeen,
    joinedAt: '2026-12-01T00:00:00.000Z',
    epoch: 'e'.repeat(32),
    positions,
    lastSequence: positions[device] ?? 0,
    pending: 0,
    lastBackupAt: null,
    snapshots,
  };
}

const snapshot = (
  positions: Record<string, number>,
  createdAt = '2026-12-20T10:00:00.000Z',
  epoch = 'e'.repeat(32),
): CountedSnapshot => ({
  device: BOB,
  objectId: '1'.repeat(32),
  epoch,
  epochClock: '',
  positions,
  checksum: '0'.repeat(64),
  createdAt,
});

describe('compaction rules', () => {
  it.each<[string, CountedSnapshot | null, DeviceState[], number[]]>([
    ['no snapshot: nothing goes', null, [state(BOB, { [ME]: 9 })], []],
    [
      'covered and read by everyone: all but the newest go',
      snapshot({ [ME]: 9 }),
      [state(BOB, { [ME]: 9 }), state(CAROL, { [ME]: 9 })],
      [1, 2, 3, 4, 5, 6, 7, 8],
    ],
    ['the snapshot covers less: only what it covers', snapshot({ [ME]: 4 }), [state(BOB, { [ME]: 9 })], [1, 2, 3, 4]],
    [
      'an active browser read less: only what it read',
      snapshot({ [ME]: 9 }),
      [state(BOB, { [ME]: 9 }), state(CAROL, { [ME]: 2 })],
      [1, 2],
    ],
    [
      'a browser away longer than the active days holds nothing back',
      snapshot({ [ME]: 9 }),
      [state(BOB, { [ME]: 9 }), state(CAROL, { [ME]: 0 }, '2026-11-01T00:00:00.000Z')],
      [1, 2, 3, 4, 5, 6, 7, 8],
    ],
    ['a browser that never read me holds everything back', snapshot({ [ME]: 9 }), [state(BOB, {})], []],
  ])('%s', (_title, counted, others, expected) => {
    expect(deletableLogs(ME, [1, 2, 3, 4, 5, 6, 7, 8, 9], counted, others, NOW, POLICY)).toEqual(expected);
  });

  it('a snapshot goes once a newer counted one of the current epoch exists', () => {
    const mine = [
      { objectId: '2'.repeat(32), createdAt: '2026-12-19T00:00:00.000Z' },
      { objectId: '3'.repeat(32), createdAt: '2026-12-21T00:00:00.000Z' },
      { objectId: '4'.repeat(32), createdAt: null },
    ];
    expect(deletableSnapshots(mine, snapshot({}, '2026-12-20T00:00:00.000Z'))).toEqual([
      '2'.repeat(32),
      '4'.repeat(32),
    ]);
    expect(deletableSnapshots(mine, null)).toEqual([]);
  });

  it('writers’ clocks differ: the snapshot covering more is the newest, and its writer never deletes it', () => {
    const start = { ...snapshot({}, '2026-12-20T10:00:01.700Z'), objectId: '5'.repeat(32) };
    const later = { ...snapshot({ [ME]: 4, [BOB]: 2 }, '2026-12-20T10:00:00.000Z'), objectId: '6'.repeat(32) };
    const newest = newestSnapshot(
      [state(BOB, {}, undefined, [start]), state(ME, {}, undefined, [later])],
      'e'.repeat(32),
    );
    expect(newest?.objectId).toBe(later.objectId);
    const mine = [{ objectId: later.objectId, createdAt: later.createdAt, positions: later.positions }];
    expect(deletableSnapshots(mine, { ...start, device: BOB })).toEqual([]);
  });

  it('the newest counted snapshot is of the current epoch only', () => {
    const old = { ...snapshot({}, '2026-12-21T00:00:00.000Z', 'd'.repeat(32)) };
    const current = snapshot({}, '2026-12-19T00:00:00.000Z');
    const states = [state(BOB, {}, undefined, [old, current])];
    expect(newestSnapshot(states, 'e'.repeat(32))?.createdAt).toBe('2026-12-19T00:00:00.000Z');
  });

  it('the active browser with the lowest id writes snapshots, once enough logs piled up', () => {
    expect(isSnapshotDue(ME, [state(BOB, {})], NOW, POLICY, 10)).toBe(true);
    expect(isSnapshotDue(ME, [state(BOB, {})], NOW, POLICY, 9)).toBe(false);
    expect(isSnapshotDue(BOB, [state(ME, {})], NOW, POLICY, 10)).toBe(false);
    expect(isSnapshotDue(BOB, [state(ME, {}, '2026-11-01T00:00:00.000Z')], NOW, POLICY, 10)).toBe(true);
  });
});

describe('compaction in the store', () => {
  it('a browser away past the active days catches up from a snapshot and shares its own changes on top', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const policy = { compaction: { activeDays: 2, snapshotAfterLogs: 2 } };
    const alice = await SimBrowser.open(store, key, 'Alice', { ...policy, deviceId: '1'.repeat(32) });
    const bob = await SimBrowser.open(store, key, 'Bob', { ...policy, deviceId: '2'.repeat(32) });
    await alice.sync.startTeam();
    await bob.sync.join();
    bob.isOffline = true;
    await bob.local((db, now) => createBrokerage(db, 'Made while away', now));
    for (let day = 1; day <= 4; day++) {
      alice.advance(86_400_000);
      bob.advance(86_400_000);
      await alice.local((db, now) => createBrokerage(db, `Day ${day}`, now));
      await syncOk(alice);
    }
    const aliceLogs = [...store.objects.keys()].filter((name) => name.includes(`${alice.deviceId}/log/`));
    expect(aliceLogs.length, 'Alice deleted the logs Bob had not read').toBeLessThan(4);
    bob.isOffline = false;
    const report = await syncOk(bob);
    expect(report.loadedSnapshot).toBe(true);
    await syncOk(alice);
    expect(alice.rows('SELECT name FROM brokerages ORDER BY name').map((r) => r.name)).toEqual([
      'Day 1',
      'Day 2',
      'Day 3',
      'Day 4',
      'Made while away',
    ]);
    expect(await bob.checksum()).toBe(await alice.checksum());
    expect(bob.sync.pendingCount()).toBe(0);
  });

  it('logs stay while an active teammate has not read them', async () => {
    const store = new MemoryObjectStore();
    const key = await testTeamKey();
    const policy = { compaction: { activeDays: 14, snapshotAfterLogs: 2 } };
    const alice = await SimBrowser.open(store, key, 'Alice', { ...policy, deviceId: '1'.repeat(32) });
    const bob = await SimBrowser.open(store, key, 'Bob', { ...policy, deviceId: '2'.repeat(32) });
    await alice.sync.startTeam();
    await bob.sync.join();
    bob.isOffline = true;
    for (let i = 0; i < 5; i++) {
      await alice.local((db, now) => createBrokerage(db, `B${i}`, now));
      await syncOk(alice);
    }
    const logs = () => [...store.objects.keys()].filter((name) => name.includes(`${alice.deviceId}/log/`)).length;
    expect(logs(), 'the five Bob has not read stay (the one he read at joining went)').toBe(5);
    bob.isOffline = false;
    await syncOk(bob);
    await syncOk(alice);
    await syncOk(alice);
    expect(logs(), 'once Bob read them, they go (the newest stays)').toBe(1);
    expect(await bob.checksum()).toBe(await alice.checksum());
  });
});
