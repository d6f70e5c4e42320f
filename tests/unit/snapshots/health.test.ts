import { describe, expect, it } from 'vitest';
import {
  assessBackupHealth,
  unbackedChangesSince,
  type BackupCheck,
  type BackupFileRecord,
  type HealthInput,
} from '../../../src/core/snapshots/health';
import { browserLocation, downloadsLocation, folderLocation } from '../../../src/core/snapshots/health-locations';
import type { FolderState } from '../../../src/core/snapshots/health';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const counts = (configurations: number, uploads = 40, brokerages = 5) => ({
  brokerages,
  brokerage_configurations: configurations,
  upload_history: uploads,
  processing_errors: 0,
  configuration_changes: configurations,
});

function file(name: string, ageHours: number, rows = counts(12), where = 'downloads'): BackupFileRecord {
  return { at: hoursAgo(ageHours), fileName: name, where, counts: rows };
}

/** What the page and the worker know, in plain terms; `input()` turns it into the rules' input. */
interface Facts {
  hasData: boolean;
  times: HealthInput['times'];
  firstChangeSinceBackupAt: string | null;
  dataDeleted: HealthInput['dataDeleted'];
  files: BackupFileRecord[];
  lastCheck: BackupCheck | null;
  lastPassedCheckAt: string | null;
  snapshots: { at: string; counts: ReturnType<typeof counts> }[];
  snapshotFailure: { at: string; message: string } | null;
  storage: { usageBytes: number; quotaBytes: number } | null;
  folder: FolderState;
  folderFailure: { at: string; message: string } | null;
}

const GOOD: Facts = {
  hasData: true,
  times: { createdAt: hoursAgo(100), restoredAt: null, lastBackupAt: hoursAgo(2), lastChangeAt: hoursAgo(3) },
  firstChangeSinceBackupAt: null,
  dataDeleted: null,
  files: [file('ff2api_backup_20261122_100000.json', 2)],
  lastCheck: {
    at: hoursAgo(24),
    kind: 'drill',
    fileName: 'ff2api_backup_20261121_120000.json',
    outcome: 'passed',
    problem: '',
  },
  lastPassedCheckAt: hoursAgo(24),
  snapshots: [
    { at: hoursAgo(1), counts: counts(12) },
    { at: hoursAgo(2), counts: counts(12) },
  ],
  snapshotFailure: null,
  storage: { usageBytes: 10, quotaBytes: 1000 },
  folder: 'connected',
  folderFailure: null,
};

function input(facts: Facts): HealthInput {
  const folderFiles = facts.files.filter((f) => f.where.startsWith('backup folder'));
  return {
    now: NOW,
    hasData: facts.hasData,
    times: facts.times,
    firstChangeSinceBackupAt: facts.firstChangeSinceBackupAt,
    dataDeleted: facts.dataDeleted,
    backupFiles: facts.files,
    lastCheck: facts.lastCheck,
    lastPassedCheckAt: facts.lastPassedCheckAt,
    locations: [
      browserLocation({
        newestVerified: facts.snapshots[0] ? { at: facts.snapshots[0].at, name: 'snapshot' } : null,
        failure: facts.snapshotFailure,
        recentCopies: facts.snapshots,
        storage: facts.storage,
      }),
      downloadsLocation(facts.files),
      folderLocation({
        state: facts.folder,
        folderName: 'ff2api_backups',
        lastWrite: folderFiles[0] ? { at: folderFiles[0].at, path: folderFiles[0].fileName } : null,
        failure: facts.folderFailure,
        recentCopies: folderFiles.map((f) => ({ at: f.at, counts: f.counts ?? {} })),
      }),
    ],
  };
}

const assess = (facts: Partial<Facts>) => assessBackupHealth(input({ ...GOOD, ...facts }));

/** A backup file made just now, as "Download backup" records it. */
function afterBackup(facts: Facts, rows = counts(12)): Facts {
  return {
    ...facts,
    times: { ...facts.times, lastBackupAt: hoursAgo(0) },
    files: [file('ff2api_backup_20261122_120000.json', 0, rows), ...facts.files],
  };
}

/** A drill that passed just now. */
function afterPassedDrill(facts: Facts): Facts {
  const at = hoursAgo(0);
  return {
    ...facts,
    lastCheck: { at, kind: 'drill', fileName: 'ff2api_backup_20261122_100000.json', outcome: 'passed', problem: '' },
    lastPassedCheckAt: at,
  };
}

describe('backup health', () => {
  it('is Good when a backup file holds everything and nothing failed', () => {
    expect(assessBackupHealth(input(GOOD))).toEqual({ level: 'Good', findings: [] });
  });

  /**
   * Each finding: the facts that raise it, its level and words, what it says clears it, and the
   * facts after doing exactly that — the finding must be gone.
   */
  it.each<[string, Partial<Facts>, 'Warning' | 'Critical', RegExp, RegExp, (f: Facts) => Facts]>([
    [
      'changes, the last backup file 25 h old',
      {
        times: { createdAt: hoursAgo(100), restoredAt: null, lastBackupAt: hoursAgo(25), lastChangeAt: hoursAgo(1) },
        files: [file('old.json', 25)],
      },
      'Critical',
      /no backup file for 24 hours/,
      /Download backup/,
      afterBackup,
    ],
    [
      'no backup file ever, first change 25 h ago',
      {
        times: { createdAt: hoursAgo(200), restoredAt: null, lastBackupAt: null, lastChangeAt: hoursAgo(1) },
        firstChangeSinceBackupAt: hoursAgo(25),
        files: [],
      },
      'Critical',
      /no backup file/,
      /Download backup/,
      afterBackup,
    ],
    [
      'a snapshot failed',
      { snapshotFailure: { at: hoursAgo(0.5), message: 'Browser storage is full.' } },
      'Critical',
      /last snapshot failed: Browser storage is full/,
      /Take snapshot now/,
      (f) => ({ ...f, snapshotFailure: null, snapshots: [{ at: hoursAgo(0), counts: counts(12) }, ...f.snapshots] }),
    ],
    [
      'a folder write failed',
      { folderFailure: { at: hoursAgo(1), message: 'The folder is gone.' } },
      'Critical',
      /write into the backup folder failed: The folder is gone/,
      /written there and checked clears this/,
      (f) => ({ ...afterBackup(f), folderFailure: null }),
    ],
    [
      'a backup that does not restore (checked by a drill)',
      {
        lastCheck: {
          at: hoursAgo(1),
          kind: 'drill',
          fileName: 'x.json',
          outcome: 'damaged',
          problem: 'its checksum does not match.',
        },
      },
      'Critical',
      /x\.json — its checksum does not match/,
      /new backup file clears this/,
      afterBackup,
    ],
    [
      'a backup that does not restore: a drill that passes clears it too',
      {
        lastCheck: {
          at: hoursAgo(1),
          kind: 'verification',
          fileName: 'x.json',
          outcome: 'damaged',
          problem: 'cut off.',
        },
      },
      'Critical',
      /The last verification found a backup that does not restore/,
      /a drill that passes/,
      afterPassedDrill,
    ],
    [
      'a drill over the recovery-time target',
      {
        lastCheck: {
          at: hoursAgo(1),
          kind: 'drill',
          fileName: 'x.json',
          outcome: 'failed',
          problem: 'restoring took 7.0 minutes, over the 5-minute target.',
        },
      },
      'Warning',
      /The last drill did not pass: x\.json — restoring took 7\.0 minutes/,
      /A drill that passes clears this/,
      afterPassedDrill,
    ],
    [
      'the newest file holds under half the configurations of the one before',
      { files: [file('b.json', 2, counts(5)), file('a.json', 30, counts(12))] },
      'Warning',
      /b\.json\) holds 5 configurations, less than half of the 12/,
      /the next backup clears this/,
      (f) => afterBackup(f, counts(5)),
    ],
    [
      'the newest snapshot holds under half the upload history of the one before',
      {
        snapshots: [
          { at: hoursAgo(1), counts: counts(12, 10) },
          { at: hoursAgo(2), counts: counts(12, 40) },
        ],
      },
      'Warning',
      /newest copy holds 10 upload history rows, less than half of the 40/,
      /the next copy clears this/,
      (f) => ({ ...f, snapshots: [{ at: hoursAgo(0), counts: counts(12, 10) }, ...f.snapshots] }),
    ],
    [
      'no drill passed for 31 days',
      {
        lastCheck: { at: hoursAgo(31 * 24), kind: 'drill', fileName: 'x.json', outcome: 'passed', problem: '' },
        lastPassedCheckAt: hoursAgo(31 * 24),
      },
      'Warning',
      /No drill has passed in 30 days/,
      /Run a drill/,
      afterPassedDrill,
    ],
    [
      'never checked, database 31 days old',
      {
        lastCheck: null,
        lastPassedCheckAt: null,
        times: { createdAt: hoursAgo(31 * 24), restoredAt: null, lastBackupAt: hoursAgo(2), lastChangeAt: hoursAgo(3) },
      },
      'Warning',
      /monthly test restore/,
      /Run a drill/,
      afterPassedDrill,
    ],
    [
      'storage over 80 %',
      { storage: { usageBytes: 801, quotaBytes: 1000 } },
      'Warning',
      /over 80 % full/,
      /Deleting old snapshots/,
      (f) => ({ ...f, storage: { usageBytes: 700, quotaBytes: 1000 } }),
    ],
    [
      'the folder needs reconnecting',
      { folder: 'needs-reconnect' },
      'Warning',
      /ff2api_backups needs to be reconnected/,
      /Reconnect backup folder/,
      (f) => ({ ...f, folder: 'connected' }),
    ],
    [
      'the browser deleted the data',
      {
        hasData: false,
        dataDeleted: { lastSeenAt: hoursAgo(10), lastBackupName: 'ff2api_backup_20261121_170000.json' },
        times: { createdAt: hoursAgo(0.1), restoredAt: null, lastBackupAt: null, lastChangeAt: null },
        files: [],
      },
      'Critical',
      /The browser deleted this app’s data/,
      /ff2api_backup_20261121_170000\.json.*Restore from backup/,
      (f) => ({
        ...f,
        hasData: true,
        dataDeleted: null,
        times: { ...f.times, restoredAt: hoursAgo(0), lastChangeAt: hoursAgo(0) },
      }),
    ],
  ])('%s → %s, says what clears it, and doing that clears it', (_name, facts, level, text, clears, act) => {
    const before = { ...GOOD, ...facts };
    const assessment = assessBackupHealth(input(before));
    expect(assessment.level).toBe(level);
    const finding = assessment.findings.find((f) => text.test(f.text));
    expect(finding, assessment.findings.map((f) => f.text).join('\n')).toBeDefined();
    expect(finding?.clears).toMatch(clears);
    const after = assessBackupHealth(input(act(before)));
    expect(after.findings.filter((f) => text.test(f.text))).toEqual([]);
  });

  describe('no false alarms', () => {
    it.each<[string, Partial<Facts>]>([
      [
        'changes, the last backup file 23 h old',
        {
          times: { createdAt: hoursAgo(100), restoredAt: null, lastBackupAt: hoursAgo(23), lastChangeAt: hoursAgo(1) },
        },
      ],
      [
        'no changes since a 100-hour-old backup file',
        {
          times: {
            createdAt: hoursAgo(200),
            restoredAt: null,
            lastBackupAt: hoursAgo(100),
            lastChangeAt: hoursAgo(101),
          },
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
        {
          hasData: false,
          times: { createdAt: hoursAgo(200), restoredAt: null, lastBackupAt: null, lastChangeAt: null },
        },
      ],
      ['storage unknown, folder not chosen', { storage: null, folder: 'not-chosen' }],
      // The first encrypted backup is a third of the plain one's bytes: rows are what is compared.
      [
        'an encrypted file after a plain one, same rows',
        { files: [file('enc.json', 2, counts(12)), file('plain.json', 30, counts(12))] },
      ],
      [
        'a file after a restore of a smaller file',
        {
          files: [file('b.json', 2, counts(2)), file('a.json', 30, counts(12))],
          times: {
            createdAt: hoursAgo(100),
            restoredAt: hoursAgo(10),
            lastBackupAt: hoursAgo(2),
            lastChangeAt: hoursAgo(3),
          },
        },
      ],
      [
        'three configurations down to one (too few to mean anything)',
        { files: [file('b.json', 2, counts(1)), file('a.json', 30, counts(3))] },
      ],
      [
        'a failed verification, then a new backup file',
        {
          lastCheck: {
            at: hoursAgo(5),
            kind: 'verification',
            fileName: 'x.json',
            outcome: 'damaged',
            problem: 'cut off.',
          },
        },
      ],
      [
        'a first visit: no data, nothing deleted',
        {
          hasData: false,
          dataDeleted: null,
          files: [],
          times: { createdAt: hoursAgo(0), restoredAt: null, lastBackupAt: null, lastChangeAt: null },
        },
      ],
    ])('%s → Good', (_name, facts) => {
      const assessment = assess(facts);
      expect(assessment.findings.map((f) => f.text)).toEqual([]);
      expect(assessment.level).toBe('Good');
    });
  });

  it('every finding names its location and what clears it', () => {
    const assessment = assess({
      folder: 'needs-reconnect',
      snapshotFailure: { at: hoursAgo(1), message: 'x' },
      storage: { usageBytes: 900, quotaBytes: 1000 },
      lastCheck: { at: hoursAgo(1), kind: 'drill', fileName: 'x.json', outcome: 'failed', problem: 'slow' },
    });
    expect(assessment.findings.map((f) => [f.level, f.location])).toEqual([
      ['Critical', 'browser'],
      ['Warning', 'general'],
      ['Warning', 'browser'],
      ['Warning', 'folder'],
    ]);
    for (const finding of assessment.findings) expect(finding.clears).toMatch(/clears this/);
  });

  it('counts unbacked changes from the last backup file, else from the first change after the restore', () => {
    const times = (t: Partial<HealthInput['times']>) => ({
      createdAt: hoursAgo(9),
      restoredAt: null,
      lastBackupAt: null,
      lastChangeAt: hoursAgo(1),
      ...t,
    });
    expect(
      unbackedChangesSince({
        hasData: true,
        times: times({ lastBackupAt: hoursAgo(5) }),
        firstChangeSinceBackupAt: hoursAgo(3),
      }),
    ).toBe(hoursAgo(5));
    expect(
      unbackedChangesSince({
        hasData: true,
        times: times({ restoredAt: hoursAgo(5), lastBackupAt: hoursAgo(8) }),
        firstChangeSinceBackupAt: hoursAgo(3),
      }),
    ).toBe(hoursAgo(3));
    // A first-change time from before the restore (carried over) is not used.
    expect(
      unbackedChangesSince({
        hasData: true,
        times: times({ restoredAt: hoursAgo(5) }),
        firstChangeSinceBackupAt: hoursAgo(7),
      }),
    ).toBe(hoursAgo(1));
    expect(
      unbackedChangesSince({
        hasData: true,
        times: times({ restoredAt: hoursAgo(5), lastChangeAt: hoursAgo(5) }),
        firstChangeSinceBackupAt: null,
      }),
    ).toBeNull();
  });
});
