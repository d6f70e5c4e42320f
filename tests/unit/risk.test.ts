import { describe, expect, it } from 'vitest';
import { ageLevelFor, assessDatabase, countRiskLevel, timeRiskLevel } from '../../src/core/risk/assess';
import type { DatabaseTimes } from '../../src/core/db/meta';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const times = (t: Partial<DatabaseTimes>): DatabaseTimes => ({
  createdAt: null,
  restoredAt: null,
  lastBackupAt: null,
  lastChangeAt: null,
  ...t,
});

describe('age level at every boundary', () => {
  it.each([
    [0, 'Stable'],
    [11.99, 'Stable'],
    [12, 'Reminder'],
    [23.99, 'Reminder'],
    [24, 'Warning'],
    [72, 'Warning'],
    [72.01, 'Critical'],
    [500, 'Critical'],
  ])('%s h → %s', (hours, level) => {
    expect(ageLevelFor(hours)).toBe(level);
  });
});

describe('time risk level at every boundary', () => {
  it.each([
    [0, 'Low'],
    [11.99, 'Low'],
    [12, 'Medium'],
    [23.99, 'Medium'],
    [24, 'High'],
    [72, 'High'],
    [72.01, 'Critical'],
    [Infinity, 'Critical'],
  ])('%s h → %s', (hours, level) => {
    expect(timeRiskLevel(hours)).toBe(level);
  });
});

describe('configuration count risk level at every boundary', () => {
  it.each([
    [0, 'Low'],
    [4, 'Low'],
    [5, 'Medium'],
    [20, 'Medium'],
    [21, 'High'],
    [50, 'High'],
    [51, 'Critical'],
  ])('%s configs → %s', (count, level) => {
    expect(countRiskLevel(count)).toBe(level);
  });
});

describe('assessDatabase', () => {
  it('an empty new database is stable, low risk, with nothing to back up', () => {
    const a = assessDatabase({
      times: times({ createdAt: hoursAgo(1) }),
      configurationCount: 0,
      hasData: false,
      now: NOW,
    });
    expect(a).toMatchObject({
      ageLevel: 'Stable',
      riskLevel: 'Low',
      hasChangesSinceBackup: false,
      backupPoint: null,
      showsUrgentBanner: false,
    });
  });

  it('data with no backup point counts as changed; risk is the lower of time (∞ → Critical) and count', () => {
    const a = assessDatabase({
      times: times({ createdAt: hoursAgo(2), lastChangeAt: hoursAgo(1) }),
      configurationCount: 30,
      hasData: true,
      now: NOW,
    });
    expect(a.hasChangesSinceBackup).toBe(true);
    expect(a.riskLevel).toBe('High');
    expect(a.showsUrgentBanner).toBe(true);
    expect(a.ageAction).toBe('Normal operation');
  });

  it('is Low risk whatever the age when nothing changed since the last backup', () => {
    const a = assessDatabase({
      times: times({ createdAt: hoursAgo(100), lastChangeAt: hoursAgo(50), lastBackupAt: hoursAgo(40) }),
      configurationCount: 80,
      hasData: true,
      now: NOW,
    });
    expect(a).toMatchObject({
      ageLevel: 'Critical',
      riskLevel: 'Low',
      hasChangesSinceBackup: false,
      showsUrgentBanner: false,
    });
    expect(a.ageAction).toMatch(/latest backup already holds everything/);
  });

  it('a restore is a backup point and restarts the age', () => {
    const a = assessDatabase({
      times: times({
        createdAt: hoursAgo(200),
        restoredAt: hoursAgo(3),
        lastChangeAt: hoursAgo(3),
        lastBackupAt: hoursAgo(100),
      }),
      configurationCount: 10,
      hasData: true,
      now: NOW,
    });
    expect(a.ageHours).toBeCloseTo(3);
    expect(a.backupPoint).toBe(hoursAgo(3));
    expect(a.hasChangesSinceBackup).toBe(false);
  });

  it('shows the urgent banner at Warning age with changes even when risk is low', () => {
    const a = assessDatabase({
      times: times({ createdAt: hoursAgo(30), lastBackupAt: hoursAgo(2), lastChangeAt: hoursAgo(1) }),
      configurationCount: 1,
      hasData: true,
      now: NOW,
    });
    expect(a).toMatchObject({
      ageLevel: 'Warning',
      riskLevel: 'Low',
      showsUrgentBanner: true,
      ageAction: 'Backup recommended',
    });
  });

  it('does not show the urgent banner at Reminder age with medium risk', () => {
    const a = assessDatabase({
      times: times({ createdAt: hoursAgo(13), lastBackupAt: hoursAgo(13), lastChangeAt: hoursAgo(1) }),
      configurationCount: 6,
      hasData: true,
      now: NOW,
    });
    expect(a).toMatchObject({
      ageLevel: 'Reminder',
      riskLevel: 'Medium',
      showsUrgentBanner: false,
      ageAction: 'Consider backup',
    });
  });
});
