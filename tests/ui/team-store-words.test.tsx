import { describe, expect, it } from 'vitest';
import { initialStoreForm, withPreset, withRegion, withRemembered } from '../../src/ui/team/store-form';
import { describeStoreCopy } from '../../src/ui/common/store-copy';
import { lastUnsharedChange } from '../../src/ui/health/store-health-rules';

/**
 * The Team store form's presets, the words a backup's copy adds to the sidebar's message, and what
 * health counts as unshared.
 */

describe('the Team store form', () => {
  it('a preset fills the endpoint pattern, region and addressing; a new region moves a pattern endpoint', () => {
    const aws = initialStoreForm({ browserName: 'Desk 1', person: 'Dana' });
    expect(aws).toMatchObject({
      endpoint: 'https://s3.us-east-1.amazonaws.com',
      region: 'us-east-1',
      addressing: 'virtual-host',
      browserName: 'Desk 1',
    });
    expect(withRegion(aws, 'eu-west-1').endpoint).toBe('https://s3.eu-west-1.amazonaws.com');
    const typed = { ...aws, endpoint: 'https://s3.example.internal' };
    expect(withRegion(typed, 'eu-west-1').endpoint).toBe('https://s3.example.internal');
    const r2 = withPreset(aws, 'r2');
    expect(r2).toMatchObject({
      endpoint: 'https://ACCOUNT_ID.r2.cloudflarestorage.com',
      region: 'auto',
      addressing: 'path',
    });
    expect(withPreset(aws, 'b2')).toMatchObject({
      endpoint: 'https://s3.us-west-004.backblazeb2.com',
      addressing: 'path',
    });
  });

  it('after an eviction, the store this browser used is filled in — unless someone started typing another', () => {
    const marker = {
      hadDataAt: '2026-11-20T10:00:00.000Z',
      lastBackup: null,
      teamStore: {
        endpoint: 'https://minio.team.example',
        region: 'us-east-1',
        bucket: 'team-backups',
        prefix: 'ff2api/',
      },
    };
    const form = initialStoreForm({ browserName: null, person: null });
    expect(withRemembered(form, marker)).toMatchObject({
      endpoint: 'https://minio.team.example',
      bucket: 'team-backups',
      prefix: 'ff2api/',
      preset: 'minio',
    });
    expect(withRemembered({ ...form, bucket: 'other' }, marker).bucket).toBe('other');
    expect(withRemembered(form, null)).toBe(form);
  });
});

describe('the sidebar message after a backup', () => {
  it('says "… and in the team store" only once the copy was checked, and what waits otherwise', () => {
    expect(
      describeStoreCopy({ state: 'checked', retention: 'Team store retention: 0 old backups removed, 3 kept.' }),
    ).toBe(' Saved here and in the team store (read back and checked).');
    expect(
      describeStoreCopy({ state: 'checked', retention: 'Team store retention: 2 old backups removed, 3 kept.' }),
    ).toContain('2 old backups removed');
    const waiting = describeStoreCopy({
      state: 'waiting',
      message: 'Could not reach the team store.',
      nextAttemptAt: '2026-11-22T08:01:00.000Z',
      isKept: true,
    });
    expect(waiting).toMatch(/^ The team store copy is waiting: Could not reach the team store\. It will be tried/);
    expect(waiting).toMatch(/again at .+\. Nothing is lost/);
    expect(waiting).not.toContain('and in the team store');
    expect(describeStoreCopy({ state: 'not-connected' })).toBe('');
  });
});

describe('changes health counts as not in the store yet', () => {
  it('none when empty or right after a restore; the last change otherwise', () => {
    const times = {
      createdAt: '2026-11-01T00:00:00.000Z',
      restoredAt: '2026-11-20T10:00:00.000Z',
      lastBackupAt: null,
      lastChangeAt: '2026-11-20T10:00:00.000Z',
    };
    expect(lastUnsharedChange(times, true)).toBeNull();
    expect(lastUnsharedChange({ ...times, lastChangeAt: '2026-11-21T09:00:00.000Z' }, true)).toBe(
      '2026-11-21T09:00:00.000Z',
    );
    expect(lastUnsharedChange({ ...times, restoredAt: null }, false)).toBeNull();
  });
});
