import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../src/core/backup/write/file-name';

describe('backup file names', () => {
  it.each([
    ['manual', new Date(2026, 10, 22, 17, 0, 3), 'ff2api_backup_20261122_170003.json'],
    ['emergency', new Date(2026, 0, 5, 8, 4, 9), 'ff2api_emergency_backup_20260105_080409.json'],
    ['manual', new Date(2026, 11, 31, 23, 59, 59), 'ff2api_backup_20261231_235959.json'],
  ] as const)('%s at %s → %s (local time)', (trigger, at, expected) => {
    expect(backupFileName(trigger, at)).toBe(expected);
  });
});
