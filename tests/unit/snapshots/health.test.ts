import { describe, expect, it } from 'vitest';
import { assessBackupHealth, unbackedChangesSince, type HealthInput } from '../../../src/core/snapshots/health';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

function input(overrides: Partial<HealthInput> = {}): HealthInput {
  return {
    now: NOW,
    hasData: true,
    times: { createdAt: hoursAgo(100), restoredAt: null, lastBackupAt: hoursAgo(2), lastChangeAt: hoursAgo(3) },
    firstChangeSinceBackupAt: null,
    backupFiles: [
      { at: hoursAgo(2), fileName: 'ff2api_backup_20261122_100000.json', where: 'downloads', sizeBytes: 50_000 },
    ],
    snapshotSizes: [400_000, 390_000],
    snapshotFailure: null,
    folderFailure: null,
    lastFileVerification: { at: hoursAgo(24), ok: true, fileName: 'ff2api_backup_20261121_120000.json' },
    storage: { usageBytes: 10, quotaBytes: 1000 },
    folder: 'connected',
    ...overrides,
  };
}

describe('backup health', () => {
  it('is Good when a backup file holds everything and nothing failed', () => {
    expect(assessBackupHealth(input())).toEqual({ level: 'Good', findings: [] });
  });

  it.each<[string, Partial<HealthInput>, 'Warning' | 'Critical', RegExp]>([
    [
      'changes, the last backup file 25 h old',
      { times: { createdAt: hoursAgo(100), restoredAt: null, lastBackupAt: hoursAgo(25), lastChangeAt: hoursAgo(1) } },
      'Critical',
      /no backup file for 24 hours/,
    ],
    [
      'no backup file ever, first change 25 h ago',
      {
        times: { createdAt: hoursAgo(200), restoredAt: null, lastBackupAt: null, lastChangeAt: hoursAgo(1) },
        firstChangeSinceBackupAt: hoursAgo(25),
      },
      'Critical',
      /no backup file/,
    ],
    [
      'a snapshot failed',
      { snapshotFailure: { at: hoursAgo(1), message: 'Browser storage is full.' } },
      'Critical',
      /last snapshot failed: Browser storage is full/,
    ],
    [
      'a folder write failed',
      { folderFailure: { at: hoursAgo(1), message: 'The folder is gone.' } },
      'Critical',
      /backup folder failed/,
    ],
    [
      'a verified file failed its check',
      { lastFileVerification: { at: hoursAgo(1), ok: false, fileName: 'x.json' } },
      'Critical',
      /x\.json.*failed its check/,
    ],
    [
      'the newest file is under half the size of the one before',
      {
        backupFiles: [
          { at: hoursAgo(2), fileName: 'b.json', where: 'downloads', sizeBytes: 20_000 },
          { at: hoursAgo(30), fileName: 'a.json', where: 'downloads', sizeBytes: 50_000 },
        ],
      },
      'Warning',
      /less than half the size/,
    ],
    [
      'the newest snapshot is under half the size',
      { snapshotSizes: [100, 300] },
      'Warning',
      /newest snapshot is less than half/,
    ],
    [
      'no verified file for 31 days',
      { lastFileVerification: { at: hoursAgo(31 * 24), ok: true, fileName: 'x.json' } },
      'Warning',
      /restore drill/,
    ],
    [
      'never verified, database 31 days old',
      {
        lastFileVerification: null,
        times: { createdAt: hoursAgo(31 * 24), restoredAt: null, lastBackupAt: hoursAgo(2), lastChangeAt: hoursAgo(3) },
      },
      'Warning',
      /restore drill/,
    ],
    ['storage over 80 %', { storage: { usageBytes: 801, quotaBytes: 1000 } }, 'Warning', /over 80 %/],
    ['the folder needs reconnecting', { folder: 'needs-reconnect' }, 'Warning', /Reconnect backup folder/],
  ])('%s → %s', (_name, overrides, level, text) => {
    const assessment = assessBackupHealth(input(overrides));
    expect(assessment.level).toBe(level);
    expect(assessment.findings.map((f) => f.text).join(' ')).toMatch(text);
  });

  it.each<[string, Partial<HealthInput>]>([
    [
      'changes, the last backup file 23 h old',
      { times: { createdAt: hoursAgo(100), restoredAt: null, lastBackupAt: hoursAgo(23), lastChangeAt: hoursAgo(1) } },
    ],
    [
      'no changes since a 100-hour-old backup file',
      {
        times: { createdAt: hoursAgo(200), restoredAt: null, lastBackupAt: hoursAgo(100), lastChangeAt: hoursAgo(101) },
      },
    ],
    [
      'restored 30 h ago from a file, first change 5 h ago',
      {
        times: { createdAt: hoursAgo(200), restoredAt: hoursAgo(30), lastBackupAt: null, lastChangeAt: hoursAgo(2) },
        firstChangeSinceBackupAt: hoursAgo(5),
      },
    ],
    [
      'an empty database never backed up',
      { hasData: false, times: { createdAt: hoursAgo(200), restoredAt: null, lastBackupAt: null, lastChangeAt: null } },
    ],
    ['storage unknown, folder not chosen', { storage: null, folder: 'not-chosen' }],
  ])('%s → Good', (_name, overrides) => {
    expect(assessBackupHealth(input(overrides)).level).toBe('Good');
  });

  it('lists Critical findings before Warnings', () => {
    const assessment = assessBackupHealth(
      input({ folder: 'needs-reconnect', snapshotFailure: { at: hoursAgo(1), message: 'x' } }),
    );
    expect(assessment.findings.map((f) => f.level)).toEqual(['Critical', 'Warning']);
  });

  it('counts unbacked changes from the last backup file, else from the first change after the restore', () => {
    expect(
      unbackedChangesSince({
        hasData: true,
        times: { createdAt: hoursAgo(9), restoredAt: null, lastBackupAt: hoursAgo(5), lastChangeAt: hoursAgo(1) },
        firstChangeSinceBackupAt: hoursAgo(3),
      }),
    ).toBe(hoursAgo(5));
    expect(
      unbackedChangesSince({
        hasData: true,
        times: {
          createdAt: hoursAgo(9),
          restoredAt: hoursAgo(5),
          lastBackupAt: hoursAgo(8),
          lastChangeAt: hoursAgo(1),
        },
        firstChangeSinceBackupAt: hoursAgo(3),
      }),
    ).toBe(hoursAgo(3));
    // A first-change time from before the restore (carried over) is not used.
    expect(
      unbackedChangesSince({
        hasData: true,
        times: { createdAt: hoursAgo(9), restoredAt: hoursAgo(5), lastBackupAt: null, lastChangeAt: hoursAgo(1) },
        firstChangeSinceBackupAt: hoursAgo(7),
      }),
    ).toBe(hoursAgo(1));
    expect(
      unbackedChangesSince({
        hasData: true,
        times: { createdAt: hoursAgo(9), restoredAt: hoursAgo(5), lastBackupAt: null, lastChangeAt: hoursAgo(5) },
        firstChangeSinceBackupAt: null,
      }),
    ).toBeNull();
  });
});
