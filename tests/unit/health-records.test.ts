import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { assessBackupHealth } from '../../src/core/snapshots/health';
import { healthInputOf } from '../../src/ui/health/health-input';
import { createTestApi, type TestApi } from '../support/test-api';

const PASSPHRASE = 'correct horse battery staple';

/** Health as the page would judge it now (folder not chosen, nothing deleted). */
async function healthOf(api: TestApi, now: Date) {
  const input = healthInputOf(await api.getStatus(), await api.getBackupOverview(), {
    now,
    folder: { state: 'not-chosen', name: null },
    dataDeleted: null,
  });
  return assessBackupHealth(input);
}

async function seed(api: TestApi, configurations: number) {
  await api.createBrokerage('Acme');
  for (let i = 1; i <= configurations; i++) {
    const saved = await api.saveConfiguration({
      brokerage_name: 'Acme',
      configuration_name: `Lane ${i}`,
      description: '',
      auth_type: 'api_key',
      base_url: 'https://api.example.com',
      api_key: `k-${i}`,
      bearer_token: '',
      field_mappings: {},
    });
    expect(saved.ok).toBe(true);
  }
}

async function backupBlob(api: TestApi, secrets: 'plain' | 'encrypted' = 'plain') {
  const file = await api.createBackup({
    trigger: 'manual',
    secrets,
    ...(secrets === 'encrypted' ? { passphrase: PASSPHRASE } : {}),
  });
  if (!file.ok) throw new Error(file.error.message);
  expect((await api.confirmBackupSaved(file.value.receipt)).ok).toBe(true);
  return file.value;
}

describe('backup health reads only this browser’s own records (the false alarms of issue reports)', () => {
  it.each([
    ['a CSV file', 'loads.csv', 'Load Number,Mode\nLD-1,FTL\n'],
    ['a photo', 'IMG_0042.jpg', '\u00ff\u00d8\u00ff\u00e0 not a backup'],
    ['an empty file', 'ff2api_backup_20261122_170000.json', ''],
    ['some other JSON', 'package.json', '{"name":"x","version":"1.0.0"}'],
  ])('verifying %s says it is not a backup and leaves health as it was', async (_name, fileName, text) => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const api = await createTestApi({ clock });
    await seed(api, 1);
    await backupBlob(api);
    const before = await healthOf(api, clock.now());
    const checked = await api.verifyBackupFile({ name: fileName, contents: new TextEncoder().encode(text) });
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.error.message).toMatch(/Backup health is not affected: this file is not a backup\.$/);
    expect(await healthOf(api, clock.now())).toEqual(before);
    expect(before.level).toBe('Good');
    // The check is in the audit trail all the same.
    const [entry] = await api.listActivity(1);
    expect(entry?.summary).toMatch(new RegExp(`^Checked ${fileName.replace(/\./g, '\\.')}: not a backup file`));
  });

  it('a backup that fails its check is Critical; a new backup file clears it, as the finding says', async () => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const api = await createTestApi({ clock });
    await seed(api, 1);
    const file = await backupBlob(api);
    const edited = (await file.blob.text()).replace('Lane 1', 'Lane 9');
    clock.set(new Date('2026-11-22T09:00:00.000Z'));
    await api.verifyBackupFile({ name: file.fileName, contents: new TextEncoder().encode(edited) });
    const critical = await healthOf(api, clock.now());
    expect(critical.level).toBe('Critical');
    expect(critical.findings[0]?.clears).toMatch(/new backup file clears this/);
    clock.set(new Date('2026-11-22T09:05:00.000Z'));
    await backupBlob(api);
    expect((await healthOf(api, clock.now())).level).toBe('Good');
  });

  it('nothing of another browser’s health arrives with its file: no failure, no "()" names, no file of its own', async () => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const dana = await createTestApi({ clock });
    await seed(dana, 2);
    const first = await backupBlob(dana);
    await dana.verifyBackupFile({
      name: 'ff2api_backup_20261122_080000.json',
      contents: new TextEncoder().encode((await first.blob.text()).slice(0, 300)),
    });
    expect((await healthOf(dana, clock.now())).level).toBe('Critical');
    const carried = await dana.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!carried.ok) throw new Error(carried.error.message);

    const sam = await createTestApi({ clock });
    const preview = await sam.inspectBackup({ name: carried.value.fileName, contents: carried.value.blob });
    if (!preview.ok) throw new Error(preview.error.message);
    expect((await sam.applyRestore(preview.value.previewId, 'replace')).ok).toBe(true);
    const overview = await sam.getBackupOverview();
    expect(overview.lastCheck).toBeNull();
    expect(overview.backupFiles).toEqual([]);
    const health = await healthOf(sam, clock.now());
    expect(health.level).toBe('Good');
    expect(JSON.stringify(health)).not.toMatch(/\(\)|\(downloads/);
    // Dana's entries are in Sam's audit trail, marked as coming from the file.
    const imported = (await sam.listActivity(20)).filter((e) => e.summary.includes(`(from ${carried.value.fileName})`));
    expect(imported.map((e) => e.kind)).toEqual(expect.arrayContaining(['verify', 'backup']));
  });

  it('the first encrypted backup after plain ones is no "less than half the size": rows are compared', async () => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const api = await createTestApi({ clock });
    await seed(api, 6);
    const plain = await backupBlob(api);
    clock.set(new Date('2026-11-22T09:00:00.000Z'));
    const encrypted = await backupBlob(api, 'encrypted');
    expect(encrypted.blob.size).toBeLessThan(plain.blob.size / 2);
    const health = await healthOf(api, clock.now());
    expect(health.findings).toEqual([]);
  });

  it('a real drop in rows between two backup files is a Warning that the next backup clears', async () => {
    const clock = fixedClock('2026-11-22T08:00:00.000Z');
    const api = await createTestApi({ clock });
    await seed(api, 8);
    await backupBlob(api);
    for (const configuration of (await api.listConfigurations('Acme')).slice(0, 6))
      await api.deleteConfiguration(configuration.id);
    clock.set(new Date('2026-11-22T09:00:00.000Z'));
    await backupBlob(api);
    const warned = await healthOf(api, clock.now());
    expect(warned.findings.map((f) => f.text).join()).toMatch(/holds 2 configurations, less than half of the 8/);
    clock.set(new Date('2026-11-22T10:00:00.000Z'));
    await backupBlob(api);
    expect((await healthOf(api, clock.now())).findings).toEqual([]);
  });
});
