import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { TestApi } from '../support/test-api';
import { createTestApi } from '../support/test-api';

/**
 * What an edited header or activity log used to do through the service, and is now refused
 * before any preview: a later `created_at` silenced the "would lose N changes" warning of a
 * replace, and edited activity entries were imported into the team's log as if written here.
 */

async function backupText(api: TestApi): Promise<string> {
  const file = await api.createBackup({ trigger: 'manual', secrets: 'plain' });
  if (!file.ok) throw new Error(file.error.message);
  return new TextDecoder().decode(await file.value.blob.arrayBuffer());
}

async function olderFileAndNewerWork() {
  const clock = fixedClock('2026-11-22T08:00:00.000Z');
  const source = await createTestApi({ clock });
  expect((await source.createBrokerage('Acme')).ok).toBe(true);
  const file = await backupText(source);
  clock.advanceHours(2);
  const target = await createTestApi({ clock });
  expect((await target.createBrokerage('Newer work')).ok).toBe(true);
  return { file, target };
}

describe('an edited header or activity log, restored through the service', () => {
  it('the file as written previews with what a replace would lose', async () => {
    const { file, target } = await olderFileAndNewerWork();
    const preview = await target.inspectBackup({ name: 'old.json', contents: new TextEncoder().encode(file) });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.wouldLose.replace?.changes).toBeGreaterThanOrEqual(1);
    expect(preview.value.warnings).toEqual([]);
  });

  it('a later created_at, which would hide what a replace loses, is refused and nothing changes', async () => {
    const { file, target } = await olderFileAndNewerWork();
    const edited = file.replace(/"created_at":"[^"]+"/, '"created_at":"2026-11-23T08:00:00.000Z"');
    expect(edited).not.toBe(file);
    const before = target.exportLiveBytes();
    const preview = await target.inspectBackup({ name: 'old.json', contents: new TextEncoder().encode(edited) });
    expect(preview).toMatchObject({
      ok: false,
      error: { code: 'checksum-mismatch', message: expect.stringContaining('such as when it was made') },
    });
    expect(target.exportLiveBytes()).toEqual(before);
  });

  it('an edited activity entry is refused, and the log here gets nothing from the file', async () => {
    const { file, target } = await olderFileAndNewerWork();
    const edited = file.replace(
      '"summary":"New empty database created in this browser"',
      '"summary":"New empty database created in this browser (by the auditor)"',
    );
    expect(edited).not.toBe(file);
    const logBefore = await target.listActivity(100);
    const preview = await target.inspectBackup({ name: 'old.json', contents: new TextEncoder().encode(edited) });
    expect(preview).toMatchObject({ ok: false, error: { code: 'checksum-mismatch' } });
    expect(await target.listActivity(100)).toEqual(logBefore);
  });
});
