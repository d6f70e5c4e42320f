import { describe, expect, it } from 'vitest';
import {
  newestBackupInFolder,
  planFolderRetention,
  timeInBackupName,
} from '../../../src/core/snapshots/folder-retention';

const NOW = new Date(2026, 10, 22, 17, 0, 0);

describe('backup folder names', () => {
  it.each([
    ['ff2api_backup_20261122_170000.json', 'daily', new Date(2026, 10, 22, 17, 0, 0)],
    ['ff2api_emergency_backup_20261122_170000.json', 'emergency', new Date(2026, 10, 22, 17, 0, 0)],
    // A backup of a database over 256 MB is written gzip-compressed.
    ['ff2api_backup_20261122_170000.json.gz', 'daily', new Date(2026, 10, 22, 17, 0, 0)],
    ['ff2api_emergency_backup_20261122_170000.json.gz', 'emergency', new Date(2026, 10, 22, 17, 0, 0)],
    ['ff2api_backup_20261122_170000.json.gz.tmp', 'daily', null],
    ['ff2api_backup_20261122_170000.gz', 'daily', null],
    ['ff2api_backup_20261122_170000 (1).json', 'daily', null],
    ['ff2api_backup_20261122_170000.json.bak', 'daily', null],
    ['FF2API_backup_20261122_170000.json', 'daily', null],
    ['ff2api_backup_2026112_170000.json', 'daily', null],
    ['ff2api_backup_20261340_170000.json', 'daily', null],
    ['ff2api_backup_20260230_170000.json', 'daily', null],
    ['ff2api_backup_20261122_250000.json', 'daily', null],
    ['my_ff2api_backup_20261122_170000.json', 'daily', null],
    ['ff2api_emergency_backup_20261122_170000.json', 'daily', null],
    ['ff2api_backup_20261122_170000.json', 'emergency', null],
  ] as const)('%s in %s/ → %s', (name, kind, expected) => {
    expect(timeInBackupName(name, kind)).toEqual(expected);
  });
});

describe('backup folder retention', () => {
  const daily = (daysAgo: number, hhmmss = '170000') => {
    const d = new Date(NOW.getTime() - daysAgo * 86_400_000);
    const two = (n: number) => String(n).padStart(2, '0');
    return `ff2api_backup_${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}_${hhmmss}.json`;
  };
  const emergency = (daysAgo: number) => daily(daysAgo).replace('ff2api_backup_', 'ff2api_emergency_backup_');

  it('removes daily files past 30 days and emergency files past 90, only exact names', () => {
    const listing = {
      daily: [daily(0), daily(29), daily(31), daily(45), `${daily(45).slice(0, -5)} (1).json`, 'notes.txt'],
      emergency: [emergency(60), emergency(91), `${emergency(120)}.bak`],
      archive: [daily(45), daily(400)],
    };
    const plan = planFolderRetention(listing, NOW);
    expect(plan.remove).toEqual([
      { dir: 'daily', name: daily(31) },
      { dir: 'daily', name: daily(45) },
      { dir: 'emergency', name: emergency(91) },
    ]);
  });

  it('copies the first daily file of each month without an archived copy into archive/', () => {
    const firstOfNovember = 'ff2api_backup_20261101_090000.json';
    const listing = {
      daily: [
        'ff2api_backup_20261122_170000.json',
        firstOfNovember,
        'ff2api_backup_20261102_090000.json',
        'ff2api_backup_20261015_170000.json',
        'ff2api_backup_20261001_080000.json',
      ],
      emergency: [],
      archive: ['ff2api_backup_20261003_170000.json'],
    };
    expect(planFolderRetention(listing, NOW).archive).toEqual([firstOfNovember]);
  });

  it('never removes anything in archive/ and keeps files of the future alone', () => {
    const plan = planFolderRetention(
      { daily: ['ff2api_backup_20301122_170000.json'], emergency: [], archive: ['ff2api_backup_20101122_170000.json'] },
      NOW,
    );
    expect(plan.remove).toEqual([]);
  });

  it('finds the newest exact-named file of daily/ and emergency/', () => {
    const newest = newestBackupInFolder({
      daily: ['ff2api_backup_20261122_170000.json', 'ff2api_backup_20261123_090000 (1).json'],
      emergency: ['ff2api_emergency_backup_20261122_180000.json'],
    });
    expect(newest).toMatchObject({ dir: 'emergency', name: 'ff2api_emergency_backup_20261122_180000.json' });
    expect(newestBackupInFolder({ daily: ['x.json'], emergency: [] })).toBeNull();
    // A compressed file counts like any other (its time is in its name).
    expect(
      newestBackupInFolder({
        daily: ['ff2api_backup_20261122_170000.json', 'ff2api_backup_20261124_170000.json.gz'],
        emergency: [],
      }),
    ).toMatchObject({ dir: 'daily', name: 'ff2api_backup_20261124_170000.json.gz' });
  });
});
