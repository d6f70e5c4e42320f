import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../../src/core/db/brokerages';
import { STATE_FORMAT, type DeviceState, type Removal } from '../../../src/core/team-sync/device-state';
import { memberStates, membershipActivity, membershipEnd } from '../../../src/core/team-sync/membership';
import { teamBrowsers } from '../../../src/core/team-sync/team-views';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { testTeamKey } from '../../support/team-keys';
import { SimBrowser, syncOk } from './sync-support';

/** Removing a browser from the team, and leaving: who is a member, and what each side sees. */

const ANN = 'a'.repeat(32);
const BEN = 'b'.repeat(32);
const CAT = 'c'.repeat(32);
const JOINED = '2026-12-01T00:00:00.000Z';
const REJOINED = '2026-12-05T00:00:00.000Z';

function state(device: string, extra: Partial<DeviceState> = {}): DeviceState {
  return {
    format: STATE_FORMAT,
    version: 1,
    team: 'f'.repeat(32),
    device,
    slot: 1,
    browserName: `${device.slice(0, 1)} laptop`,
    person: device.slice(0, 1),
    lastSeen: '2026-12-02T00:00:00.000Z',
    joinedAt: JOINED,
    epoch: '',
    positions: {},
    lastSequence: 0,
    pending: 3,
    lastBackupAt: null,
    snapshots: [],
    ...extra,
  };
}

const removal = (device: string, at: string, joinedAt = JOINED): Removal => ({
  device,
  joinedAt,
  at,
  browserName: `${device.slice(0, 1)} laptop`,
  person: device.slice(0, 1),
});

describe('membership from the states alone', () => {
  it.each<[string, DeviceState[], string | null]>([
    ['nobody removed Ben: a member', [state(ANN), state(BEN)], null],
    [
      'Ann removed Ben’s membership: removed by a',
      [state(ANN, { removed: [removal(BEN, '2026-12-03T00:00:00.000Z')] }), state(BEN)],
      'removed by a at 2026-12-03T00:00:00.000Z',
    ],
    [
      'two removals of the same membership: the earliest counts',
      [
        state(ANN, { removed: [removal(BEN, '2026-12-04T00:00:00.000Z')] }),
        state(CAT, { removed: [removal(BEN, '2026-12-03T00:00:00.000Z')] }),
        state(BEN),
      ],
      'removed by c at 2026-12-03T00:00:00.000Z',
    ],
    [
      'Ben joined again after the removal: the old removal no longer applies',
      [state(ANN, { removed: [removal(BEN, '2026-12-03T00:00:00.000Z')] }), state(BEN, { joinedAt: REJOINED })],
      null,
    ],
    [
      'Ben left: his own state says so',
      [state(ANN), state(BEN, { leftAt: '2026-12-03T10:00:00.000Z' })],
      'left by b at 2026-12-03T10:00:00.000Z',
    ],
    [
      'a browser cannot remove itself',
      [state(ANN), state(BEN, { removed: [removal(BEN, '2026-12-03T00:00:00.000Z')] })],
      null,
    ],
  ])('%s', (_title, states, expected) => {
    const ben = states.find((s) => s.device === BEN);
    if (!ben) throw new Error('no Ben');
    const end = membershipEnd(ben, states);
    expect(end ? `${end.kind} by ${end.person} at ${end.at}` : null).toBe(expected);
    expect(memberStates(states).some((s) => s.device === BEN)).toBe(expected === null);
  });

  it('a removed browser is no warning after 24 h, a silent member is; the activity says who removed whom', () => {
    const now = Date.parse('2026-12-09T00:00:00.000Z');
    const states = [
      state(ANN, { removed: [removal(BEN, '2026-12-03T00:00:00.000Z')], lastSeen: '2026-12-09T00:00:00.000Z' }),
      state(BEN),
      state(CAT),
    ];
    const browsers = teamBrowsers(states, ANN, now);
    expect(browsers.filter((b) => b.isSilentWithChanges).map((b) => b.device)).toEqual([CAT]);
    expect(browsers.find((b) => b.device === BEN)?.membershipEnd?.person).toBe('a');
    expect(membershipActivity(states)).toEqual([
      { at: '2026-12-03T00:00:00.000Z', text: 'a removed b’s browser “b laptop” from the team' },
    ]);
  });
});

async function team() {
  const store = new MemoryObjectStore();
  const key = await testTeamKey();
  const alice = await SimBrowser.open(store, key, 'Alice');
  const bob = await SimBrowser.open(store, key, 'Bob');
  await alice.local((db, now) => createBrokerage(db, 'Acme', now), false);
  expect((await alice.sync.startTeam()).ok).toBe(true);
  expect((await bob.sync.join()).ok).toBe(true);
  await syncOk(alice);
  return { alice, bob };
}

describe('removing a browser from the team', () => {
  it('the removed browser stops syncing when it next syncs, keeps its data and unshared change, and can join again', async () => {
    const { alice, bob } = await team();
    // The store refuses Bob's log objects: his change is packed into a log object never stored.
    bob.refusesLogWrites = true;
    await bob.local((db, now) => createBrokerage(db, 'Bob offline', now));
    await syncOk(bob);
    expect(bob.sync.pendingCount()).toBe(1);
    await syncOk(alice);
    expect(alice.sync.browsers().find((b) => b.device === bob.deviceId)?.pending, 'his state says so').toBe(1);
    bob.refusesLogWrites = false;
    bob.isOffline = true;

    alice.advance(60_000);
    const removed = await alice.sync.removeBrowser(bob.deviceId);
    expect(removed.ok && removed.value.announced).toBe(true);
    expect(alice.sync.browsers().find((b) => b.device === bob.deviceId)?.membershipEnd?.kind).toBe('removed');

    bob.isOffline = false;
    bob.advance(120_000);
    const next = await bob.sync.syncNow();
    expect(next.ok ? 'synced' : next.error.message).toMatch(/^Alice removed this browser from the team on 2026-12-07/);
    expect(bob.sync.isJoined()).toBe(false);
    expect(bob.sync.departure()).toMatchObject({ kind: 'removed', person: 'Alice', unshared: 1 });
    expect(bob.rows('SELECT name FROM brokerages ORDER BY name')).toEqual([{ name: 'Acme' }, { name: 'Bob offline' }]);
    await syncOk(alice);
    expect(alice.rows('SELECT name FROM brokerages ORDER BY name')).toEqual([{ name: 'Acme' }]);

    // Joining again is a new membership: the change kept here reaches the team.
    expect((await bob.sync.join()).ok).toBe(true);
    expect(bob.sync.isJoined()).toBe(true);
    expect(bob.sync.departure()).toBeNull();
    await syncOk(bob);
    await syncOk(alice);
    expect(alice.rows('SELECT name FROM brokerages ORDER BY name')).toEqual([
      { name: 'Acme' },
      { name: 'Bob offline' },
    ]);
    expect(alice.sync.browsers().find((b) => b.device === bob.deviceId)?.membershipEnd).toBeNull();
    expect(alice.sync.health(), 'no gap in Bob’s log').toEqual([]);
  });

  it('leaving is announced, then this browser stops syncing; teammates see it left and no longer wait for it', async () => {
    const { alice, bob } = await team();
    await bob.local((db, now) => createBrokerage(db, 'Bob shared', now));
    const left = await bob.sync.leave();
    expect(left.ok && left.value).toMatchObject({ kind: 'left', person: 'Bob', unshared: 0 });
    expect(bob.sync.isJoined()).toBe(false);
    await syncOk(alice);
    expect(alice.rows('SELECT name FROM brokerages ORDER BY name')).toEqual([{ name: 'Acme' }, { name: 'Bob shared' }]);
    const shown = alice.sync.browsers().find((b) => b.device === bob.deviceId);
    expect(shown?.membershipEnd?.kind).toBe('left');
  });

  it('leaving while the store cannot be reached changes nothing and says so', async () => {
    const { bob } = await team();
    bob.isOffline = true;
    const left = await bob.sync.leave();
    expect(left.ok ? 'left' : left.error.code).toBe('team-store-unreachable');
    expect(bob.sync.isJoined()).toBe(true);
  });
});
