import { logActivity } from '../db/activity';
import type { Database } from '../db/sql-types';
import { inTransaction } from '../db/transaction';
import type { AppSettings } from './app-settings';
import { applySettingsChange, describeSettingChanges, type SettingChange } from './settings-changes';
import { settingsToTake, type SettingsTaking } from './settings-from-file';
import { readExplicitSettings, writeStoredSettings } from './settings-record';

/**
 * Takes a restored file's settings into the database a restore is about to store (`next`, which
 * holds this browser's settings: restore/finish.ts), by the rules of settings-from-file.ts, and
 * audits what changed. Returns the changes (none when the file carries none, or the same).
 */
export function takeFileSettings(
  next: Database,
  fromFile: Partial<AppSettings> | undefined,
  args: SettingsTaking & { now: string; by: string | null; fileName: string },
): SettingChange[] {
  if (!fromFile || Object.keys(fromFile).length === 0) return [];
  const here = readExplicitSettings(next);
  const applied = applySettingsChange(here, settingsToTake(fromFile, here, args));
  // The file's values were read within the bounds; a refusal here would mean nothing to take.
  if (!applied.ok || applied.value.changes.length === 0) return [];
  const { next: settings, changes } = applied.value;
  inTransaction(next, () => {
    writeStoredSettings(next, settings);
    logActivity(next, {
      at: args.now,
      kind: 'settings',
      summary: `Settings taken from ${args.fileName}: ${describeSettingChanges(changes)}${args.by ? ` (by ${args.by})` : ''}`,
      details: { by: args.by, changes, origin: `restore of ${args.fileName}` },
    });
  });
  return changes;
}
