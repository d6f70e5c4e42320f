import { describe, expect, it } from 'vitest';
import { assessBackupHealth, type HealthInput } from '../../../src/core/snapshots/health';
import { storeFindings, storeLocation, type StoreFacts } from '../../../src/core/team-store/store-health';

/** The team store as a location of backup health, with its own Critical and Warning rules. */

const NOW = new Date('2026-12-07T18:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

function store(change: Partial<StoreFacts> = {}): StoreFacts {
  return {
    connectedAt: hoursAgo(500),
    newestGoodCopy: { at: hoursAgo(2), fileName: 'ff2api_backup_20261207_160000.json' },
    failures: [],
    unreachableSince: null,
    waiting: 0,
    ...change,
  };
}
const copyAt = (h: number) => ({ at: hoursAgo(h), fileName: 'ff2api_backup.json' });

/** Health with a fresh backup file and nothing else to say, but the store. */
function healthWith(facts: StoreFacts, lastChangeAt: string | null) {
  const input: HealthInput = {
    now: NOW,
    hasData: true,
    times: { createdAt: hoursAgo(600), restoredAt: null, lastBackupAt: hoursAgo(1), lastChangeAt: hoursAgo(2) },
    firstChangeSinceBackupAt: null,
    dataDeleted: null,
    backupFiles: [],
    lastCheck: null,
    lastPassedCheckAt: hoursAgo(24),
    locations: [storeLocation(facts, { now: NOW, lastChangeAt })],
  };
  return assessBackupHealth(input);
}

describe('store health', () => {
  it.each<[string, string | null, Partial<StoreFacts>, string]>([
    ['a fresh store copy', hoursAgo(1), {}, 'Good'],
    ['no copy for 25 h but no changes since', hoursAgo(30), { newestGoodCopy: copyAt(25) }, 'Good'],
    ['no copy for 23 h with changes', hoursAgo(1), { newestGoodCopy: copyAt(23) }, 'Good'],
    ['no copy for 25 h with changes', hoursAgo(1), { newestGoodCopy: copyAt(25) }, 'Critical'],
    [
      'never a copy, connected 25 h ago, with changes',
      hoursAgo(1),
      { newestGoodCopy: null, connectedAt: hoursAgo(25) },
      'Critical',
    ],
    ['never a copy, connected an hour ago', hoursAgo(0.5), { newestGoodCopy: null, connectedAt: hoursAgo(1) }, 'Good'],
    ['unreachable for 23 h', null, { unreachableSince: hoursAgo(23) }, 'Good'],
    ['unreachable for 25 h', null, { unreachableSince: hoursAgo(25) }, 'Warning'],
    [
      'unreachable for 2 days with changes and an old copy',
      hoursAgo(1),
      { unreachableSince: hoursAgo(49), newestGoodCopy: copyAt(50) },
      'Critical',
    ],
    [
      'a copy that failed an hour ago and waits: no alarm, it goes again',
      hoursAgo(1),
      { failures: [{ at: hoursAgo(1), message: 'Could not reach the team store.' }], waiting: 1 },
      'Good',
    ],
  ])('%s: health is %s', (_, lastChangeAt, change, level) => {
    const health = healthWith(store(change), lastChangeAt);
    expect(health.level).toBe(level);
    expect(health.findings.every((f) => f.location === 'store')).toBe(true);
  });

  it('Critical says what happened, the last failure, and what clears it; Warning comes after it', () => {
    const failures = [{ at: hoursAgo(3), message: 'The team store refused these credentials.' }];
    const findings = storeFindings({
      now: NOW,
      lastChangeAt: hoursAgo(1),
      store: store({ newestGoodCopy: copyAt(50), unreachableSince: hoursAgo(30), failures }),
    });
    expect(findings.map((f) => f.level)).toEqual(['Critical', 'Warning']);
    expect(findings[0]?.text).toMatch(/no good copy .* more than a day.*refused these credentials/);
    expect(findings[0]?.clears).toMatch(/copied into the team store clears this.*download a backup now/);
    expect(findings[0]?.action).toBe('download-backup');
    expect(findings[1]?.text).toMatch(/has not answered for 1 day/);
    const health = healthWith(store({ newestGoodCopy: copyAt(50), unreachableSince: hoursAgo(30), failures }), null);
    expect(health.findings.map((f) => f.level)).toEqual(['Warning']);
  });

  it('as a location: its newest good copy, its last failure and the copies waiting are what the table shows', () => {
    const failure = { at: hoursAgo(1), message: 'The object failed its integrity check.' };
    const location = storeLocation(store({ failures: [failure], waiting: 2 }), { now: NOW, lastChangeAt: null });
    expect(location).toMatchObject({
      id: 'store',
      label: 'Team store',
      state: 'ready',
      newestCopy: { at: hoursAgo(2), name: 'ff2api_backup_20261207_160000.json' },
      failure: null,
      lastProblem: failure,
      waiting: 2,
    });
  });
});
