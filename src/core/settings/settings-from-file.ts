import type { SecretsMode } from '../backup/format/format';
import type { AppSettings } from './app-settings';
import { applySettingsChange, type SettingChange, type SettingsChange } from './settings-changes';

/**
 * The app's settings in backup files (`backup_info.app_settings`, docs/backup-format.md): what a
 * file carries, and what a restore takes from it.
 *
 * A file carries the settings someone set in the browser that made it (defaults are not written,
 * so they never override a choice made elsewhere). The header of an encrypted file is readable
 * without the passphrase, so there the person's name is left out.
 *
 * A replace takes the team's settings from the file — end of day, snapshot retention, recovery
 * target — because the database becomes the file's; the person's name only when this browser has
 * none (a morning restore of a colleague's file must not make the trail say it was them). A merge
 * keeps every setting made here and fills in only those never set.
 */

/** The settings a file made now should carry. */
export function settingsForFile(explicit: Partial<AppSettings>, secrets: SecretsMode): Partial<AppSettings> {
  if (secrets !== 'encrypted') return { ...explicit };
  const { operatorName: _name, ...rest } = explicit;
  return rest;
}

/** What a restore changes in this browser's settings, given the file's; empty when nothing. */
export function settingsToTake(
  fromFile: Partial<AppSettings>,
  here: Partial<AppSettings>,
  mode: 'replace' | 'merge',
): SettingsChange {
  const take: SettingsChange = {};
  const isTeamSetting = (key: keyof AppSettings) => key !== 'operatorName';
  for (const key of Object.keys(fromFile) as (keyof AppSettings)[]) {
    const isSetHere = here[key] !== undefined && here[key] !== '';
    const takes = mode === 'replace' && isTeamSetting(key) ? true : !isSetHere;
    if (takes) Object.assign(take, { [key]: fromFile[key] });
  }
  return take;
}

/** What a restore in `mode` would change in this browser's settings, in words (the preview's line). */
export function previewFileSettings(
  fromFile: Partial<AppSettings> | undefined,
  here: Partial<AppSettings>,
  mode: 'replace' | 'merge',
): SettingChange[] {
  if (!fromFile) return [];
  const applied = applySettingsChange(here, settingsToTake(fromFile, here, mode));
  return applied.ok ? applied.value.changes : [];
}
