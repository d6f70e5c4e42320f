import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings/app-settings';
import { readSettings } from '../../src/core/settings/settings-schema';
import { applySettingsChange } from '../../src/core/settings/settings-changes';
import { createTestApi, type TestApi } from '../support/test-api';

const PASSPHRASE = 'correct horse battery staple';

async function backupOf(api: TestApi, secrets: 'plain' | 'encrypted' = 'plain'): Promise<Uint8Array> {
  const file = await api.createBackup({
    trigger: 'manual',
    secrets,
    ...(secrets === 'encrypted' ? { passphrase: PASSPHRASE } : {}),
  });
  if (!file.ok) throw new Error(file.error.message);
  return new Uint8Array(await file.value.blob.arrayBuffer());
}

function headerOf(bytes: Uint8Array): Record<string, unknown> {
  const firstLine = new TextDecoder().decode(bytes).split('\n')[0] ?? '';
  const parsed = JSON.parse(`${firstLine.replace(/,$/, '')}}`) as { backup_info: Record<string, unknown> };
  return parsed.backup_info;
}

async function restore(api: TestApi, bytes: Uint8Array, mode: 'replace' | 'merge', isRecovery = false) {
  const preview = await api.inspectBackup({ name: 'ff2api_backup_20261122_170000.json', contents: bytes });
  if (!preview.ok) throw new Error(preview.error.message);
  const outcome = await api.applyRestore(preview.value.previewId, mode, { isRecovery });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return { preview: preview.value, outcome: outcome.value };
}

describe('the app’s settings', () => {
  it('start at the defaults: end of day 17:00, the seeds’ retention tiers, a 5-minute recovery target', async () => {
    const api = await createTestApi();
    expect(await api.getAppSettings()).toEqual({
      endOfDay: '17:00',
      retention: { hourlyDays: 7, dailyDays: 30, weeklyWeeks: 12, monthlyMonths: 12 },
      recoveryTargetMinutes: 5,
      operatorName: '',
    });
  });

  it.each([
    [
      'an hourly tier of 0 days',
      { retention: { hourlyDays: 0 } },
      'Hourly snapshots kept must be a whole number from 1 to 14 days',
    ],
    [
      'a daily tier of 400 days',
      { retention: { dailyDays: 400 } },
      'Daily snapshots kept must be a whole number from 7 to 90 days',
    ],
    ['half a week', { retention: { weeklyWeeks: 4.5 } }, 'Weekly snapshots kept must be a whole number'],
    ['a recovery target of 0 minutes', { recoveryTargetMinutes: 0 }, 'from 1 to 240'],
    ['an end of day of 25:00', { endOfDay: '25:00' }, 'a time such as 17:00'],
  ] as const)('refuse %s as a whole, saying the bounds, and change nothing', async (_name, change, message) => {
    const api = await createTestApi();
    const refused = await api.updateAppSettings({ endOfDay: '18:00', ...change });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain(message);
    expect(await api.getAppSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await api.listActivity(10)).filter((e) => e.kind === 'settings')).toHaveLength(0);
  });

  it('audit every change with its old value and who made it; an unchanged value adds no entry', async () => {
    const api = await createTestApi();
    expect((await api.updateAppSettings({ operatorName: '  Dana   Ortiz ' })).ok).toBe(true);
    expect((await api.updateAppSettings({ endOfDay: '18:30', retention: { hourlyDays: 3 } })).ok).toBe(true);
    expect((await api.updateAppSettings({ endOfDay: '18:30' })).ok).toBe(true);
    const entries = (await api.listActivity(10)).filter((e) => e.kind === 'settings');
    expect(entries.map((e) => e.summary)).toEqual([
      'Settings changed: End of day: 17:00 → 18:30; Hourly snapshots kept: 7 days → 3 days (by Dana Ortiz)',
      'Settings changed: Your name: (none) → Dana Ortiz (by Dana Ortiz)',
    ]);
    expect(await api.getAppSettings()).toMatchObject({
      endOfDay: '18:30',
      operatorName: 'Dana Ortiz',
      retention: { hourlyDays: 3, dailyDays: 30 },
    });
  });

  it('read back one key at a time: a damaged key costs only itself', () => {
    expect(
      readSettings({
        endOfDay: '9:05',
        recoveryTargetMinutes: 'five',
        retention: { hourlyDays: 99 },
        operatorName: 'Sam',
      }),
    ).toEqual({
      endOfDay: '9:05',
      operatorName: 'Sam',
    });
    expect(readSettings('not an object')).toEqual({});
    const applied = applySettingsChange({}, { endOfDay: '9:05' });
    expect(applied.ok && applied.value.next.endOfDay).toBe('09:05');
  });

  it('carry over the preferences an earlier version kept in the browser, only where nothing was set', async () => {
    const api = await createTestApi();
    await api.updateAppSettings({ endOfDay: '16:00' });
    const adopted = await api.adoptEarlierPreferences({ endOfDay: '18:00', operatorName: 'Sam' });
    expect(adopted.ok && adopted.value).toMatchObject({ endOfDay: '16:00', operatorName: 'Sam' });
    const [entry] = await api.listActivity(1);
    expect(entry?.summary).toContain('carried over from this browser’s earlier preferences');
  });
});

describe('the app’s settings in backup files', () => {
  it('a plain file carries the settings someone set (not the defaults), in backup_info.app_settings', async () => {
    const api = await createTestApi();
    await api.createBrokerage('Acme');
    await api.updateAppSettings({ endOfDay: '18:00', operatorName: 'Dana', recoveryTargetMinutes: 10 });
    expect(headerOf(await backupOf(api)).app_settings).toEqual({
      endOfDay: '18:00',
      operatorName: 'Dana',
      recoveryTargetMinutes: 10,
    });
    const untouched = await createTestApi();
    await untouched.createBrokerage('Acme');
    expect(headerOf(await backupOf(untouched))).not.toHaveProperty('app_settings');
  });

  it('an encrypted file leaves the person’s name out of its readable header; the rest is authenticated with it', async () => {
    const api = await createTestApi();
    await api.createBrokerage('Acme');
    await api.updateAppSettings({ endOfDay: '18:00', operatorName: 'Dana' });
    const bytes = await backupOf(api, 'encrypted');
    expect(headerOf(bytes).app_settings).toEqual({ endOfDay: '18:00' });
    // An edit of the settings in the clear header makes the file unreadable: AES-GCM binds it.
    const edited = new TextEncoder().encode(
      new TextDecoder().decode(bytes).replace('"endOfDay":"18:00"', '"endOfDay":"19:00"'),
    );
    const target = await createTestApi();
    const preview = await target.inspectBackup({ name: 'edited.json', contents: edited }, { passphrase: PASSPHRASE });
    expect(preview.ok).toBe(false);
  });

  it('a replace takes the team’s settings from the file, keeps the name set here, says so in the preview and the trail', async () => {
    const source = await createTestApi();
    await source.createBrokerage('Acme');
    await source.updateAppSettings({ endOfDay: '18:00', operatorName: 'Dana', retention: { dailyDays: 60 } });
    const file = await backupOf(source);
    const target = await createTestApi();
    await target.updateAppSettings({ operatorName: 'Sam', endOfDay: '16:00' });
    const { preview, outcome } = await restore(target, file, 'replace');
    expect(preview.settingChanges.replace.map((c) => c.label)).toEqual(['End of day', 'Daily snapshots kept']);
    // A merge fills in only what was never set here: the retention tier, not the end of day.
    expect(preview.settingChanges.merge.map((c) => c.label)).toEqual(['Daily snapshots kept']);
    expect(outcome.settingChanges?.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual([
      'End of day: 16:00 → 18:00',
      'Daily snapshots kept: 30 days → 60 days',
    ]);
    expect(await target.getAppSettings()).toMatchObject({
      endOfDay: '18:00',
      operatorName: 'Sam',
      retention: { dailyDays: 60 },
    });
    const [last] = await target.listActivity(1);
    expect(last?.summary).toBe(
      'Settings taken from ff2api_backup_20261122_170000.json: End of day: 16:00 → 18:00; Daily snapshots kept: 30 days → 60 days (by Sam)',
    );
  });

  it('a browser that lost its data gets every setting back, the name included', async () => {
    const source = await createTestApi();
    await source.createBrokerage('Acme');
    await source.updateAppSettings({ endOfDay: '18:00', operatorName: 'Dana' });
    const target = await createTestApi();
    await restore(target, await backupOf(source), 'replace', true);
    expect(await target.getAppSettings()).toMatchObject({ endOfDay: '18:00', operatorName: 'Dana' });
  });

  it('a colleague’s new browser takes the team’s settings but never the name (the trail must not name Dana)', async () => {
    const source = await createTestApi();
    await source.createBrokerage('Acme');
    await source.updateAppSettings({ endOfDay: '18:00', operatorName: 'Dana' });
    const target = await createTestApi();
    await restore(target, await backupOf(source), 'replace');
    expect(await target.getAppSettings()).toMatchObject({ endOfDay: '18:00', operatorName: '' });
  });

  it('a merge keeps every setting made here and fills in only those never set', async () => {
    const source = await createTestApi();
    await source.createBrokerage('Acme');
    await source.updateAppSettings({ endOfDay: '18:00', recoveryTargetMinutes: 15 });
    const target = await createTestApi();
    await target.updateAppSettings({ endOfDay: '16:00' });
    await restore(target, await backupOf(source), 'merge');
    expect(await target.getAppSettings()).toMatchObject({ endOfDay: '16:00', recoveryTargetMinutes: 15 });
  });
});
