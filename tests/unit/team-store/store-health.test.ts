import { describe, expect, it } from 'vitest';
import { assessStoreHealth, type LocationStatus } from '../../../src/core/team-store/store-health';

/** Health per location, with the team store's Critical and Warning rules. */

const NOW = new Date('2026-12-07T18:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

function store(change: Partial<LocationStatus> = {}): LocationStatus {
  return {
    location: 'store',
    configured: true,
    newestGoodCopyAt: hoursAgo(2),
    lastCheckAt: hoursAgo(2),
    failures: [],
    connectedAt: hoursAgo(500),
    unreachableSince: null,
    ...change,
  };
}
const browser: LocationStatus = {
  location: 'browser',
  configured: true,
  newestGoodCopyAt: hoursAgo(1),
  lastCheckAt: hoursAgo(1),
  failures: [],
};
const folder: LocationStatus = {
  location: 'folder',
  configured: false,
  newestGoodCopyAt: null,
  lastCheckAt: null,
  failures: [],
};

describe('store health', () => {
  it.each<[string, string | null, Partial<LocationStatus>, string, string]>([
    ['a fresh store copy', hoursAgo(1), {}, 'Good', 'Good'],
    ['no copy for 25 h but no changes since', hoursAgo(30), { newestGoodCopyAt: hoursAgo(25) }, 'Good', 'Good'],
    ['no copy for 23 h with changes', hoursAgo(1), { newestGoodCopyAt: hoursAgo(23) }, 'Good', 'Good'],
    ['no copy for 25 h with changes', hoursAgo(1), { newestGoodCopyAt: hoursAgo(25) }, 'Critical', 'Critical'],
    [
      'never a copy, connected 25 h ago, with changes',
      hoursAgo(1),
      { newestGoodCopyAt: null, connectedAt: hoursAgo(25) },
      'Critical',
      'Critical',
    ],
    [
      'never a copy, connected an hour ago',
      hoursAgo(0.5),
      { newestGoodCopyAt: null, connectedAt: hoursAgo(1) },
      'Good',
      'Good',
    ],
    ['unreachable for 23 h', null, { unreachableSince: hoursAgo(23) }, 'Good', 'Good'],
    ['unreachable for 25 h', null, { unreachableSince: hoursAgo(25) }, 'Warning', 'Warning'],
    [
      'unreachable for 2 days with changes and an old copy',
      hoursAgo(1),
      { unreachableSince: hoursAgo(49), newestGoodCopyAt: hoursAgo(50) },
      'Critical',
      'Critical',
    ],
    ['not connected at all', hoursAgo(1), { configured: false, newestGoodCopyAt: null }, 'Good', 'Good'],
  ])('%s', (_, lastChangeAt, change, level, storeLevel) => {
    const health = assessStoreHealth({ now: NOW, lastChangeAt, locations: [browser, folder, store(change)] });
    expect(health.level).toBe(level);
    expect(health.perLocation.find((l) => l.location === 'store')?.level).toBe(storeLevel);
  });

  it('Critical says what happened, the last failure, and what to do; Warning comes after it', () => {
    const failures = [{ at: hoursAgo(3), message: 'The team store refused these credentials.' }];
    const health = assessStoreHealth({
      now: NOW,
      lastChangeAt: hoursAgo(1),
      locations: [store({ newestGoodCopyAt: hoursAgo(50), unreachableSince: hoursAgo(30), failures })],
    });
    expect(health.findings.map((f) => f.level)).toEqual(['Critical', 'Warning']);
    expect(health.findings[0]?.text).toMatch(/no good copy .* more than a day.*refused these credentials/);
    expect(health.findings[0]?.clears).toMatch(/copied into the team store clears this.*download a backup now/);
    expect(health.findings[1]?.text).toMatch(/has not answered for 1 day/);
    expect(health.perLocation[0]?.failureCount).toBe(1);
  });

  it('the recovery point is the newest good copy anywhere, the store included', () => {
    const health = assessStoreHealth({
      now: NOW,
      lastChangeAt: null,
      locations: [{ ...browser, newestGoodCopyAt: hoursAgo(10) }, folder, store({ newestGoodCopyAt: hoursAgo(3) })],
    });
    expect(health.recoveryPointAt).toBe(hoursAgo(3));
    expect(health.perLocation.map((l) => [l.location, l.newestGoodCopyAt])).toEqual([
      ['browser', hoursAgo(10)],
      ['folder', null],
      ['store', hoursAgo(3)],
    ]);
  });
});
