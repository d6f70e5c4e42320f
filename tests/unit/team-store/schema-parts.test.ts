import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBackupDetails } from '../../../src/core/team-store/backup-object';
import { describeIssues, isoUtcTime, stringKeyed } from '../../../src/core/team-store/schema-parts';
import * as z from 'zod/mini';

describe('the team store schema parts', () => {
  it('a time is what toISOString writes, for any instant (law)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
        expect(isoUtcTime().safeParse(d.toISOString()).success).toBe(true);
      }),
    );
  });

  it.each([
    '2026-01-31 17:00:00Z',
    '2026-01-31T17:00:00+02:00',
    '2026-01-31T17:00Z',
    '2026-13-45T17:00:00Z',
    '2026-01-31T17:00:00.000Z\n',
    '',
  ])('refuses %j as a time', (text) => {
    expect(isoUtcTime().safeParse(text).success).toBe(false);
  });

  it('a map checks every value and keeps no prototype key', () => {
    const counts = stringKeyed(z.int());
    expect(counts.safeParse({ brokerages: 3, upload_history: 0 })).toMatchObject({
      success: true,
      data: { brokerages: 3, upload_history: 0 },
    });
    expect(counts.safeParse({ brokerages: 1.5 }).success).toBe(false);
    expect(counts.safeParse([1, 2]).success).toBe(false);
    const parsed = counts.safeParse(JSON.parse('{"__proto__": 1, "a": 2}'));
    expect(parsed.success && Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
  });

  it("a backup object's counts name tables of at most 64 characters", () => {
    const metadata = (counts: Record<string, number>) => ({
      kind: 'backup',
      createdAt: '2026-01-31T17:00:00.000Z',
      deviceId: '0'.repeat(32),
      person: 'Dana',
      details: {
        backupKind: 'daily',
        fileName: 'ff2api_backup_20260131_170000.json.gz',
        checksum: 'c',
        sha256: 'a'.repeat(64),
        sizeBytes: 10,
        counts,
        secrets: 'plain',
        browserName: 'Desk',
      },
    });
    expect(readBackupDetails(metadata({ brokerages: 2 }))?.counts).toEqual({ brokerages: 2 });
    expect(readBackupDetails(metadata({ ['t'.repeat(65)]: 2 }))).toBeNull();
    expect(readBackupDetails(metadata({ brokerages: -1 }))).toBeNull();
  });

  it('says each problem with where it was', () => {
    const parsed = z.object({ a: z.object({ b: z.int() }) }).safeParse({ a: { b: 'x' } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error)).toMatch(/^a\.b: /);
  });
});
