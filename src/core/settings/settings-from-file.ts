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
 * target — because the database becomes the file's; the person's name only when the restore
 * recovers a browser that lost its data (see SettingsTaking). A merge keeps every setting made
 * here and fills in only those never set.
 */

/** How a restore treats the settings a file carries. */
export interface SettingsTaking {
  mode: 'replace' | 'merge';
  /**
   * The browser lost its data and this restore brings it back: the person's name comes back too.
   * Otherwise a name is never taken — a morning restore of a colleague's file into a new browser
   * must not make the audit trail name the colleague.
   */
  isRecovery: boolean;
}

/** What a restore changes in this browser's settings, given the file's; empty when nothing. */
export function settingsToTake(
  fromFile: Partial<AppSettings>,
  here: Partial<AppSettings>,
  taking: SettingsTaking,
): SettingsChange {
  const take: SettingsChange = {};
  for (const key of Object.keys(fromFile) as (keyof AppSettings)[]) {
    const isSetHere = here[key] !== undefined && here[key] !== '';
    const takes = key === 'operatorName' ? taking.isRecovery && !isSetHere : taking.mode === 'replace' || !isSetHere;
    if (takes) Object.assign(take, { [key]: fromFile[key] });
  }
  return take;
}

/** What a restore would change in this browser's settings (its team settings), in words (the preview's line). */
export function previewFileSettings(
  fromFile: Partial<AppSettings> | undefined,
  here: Partial<AppSettings>,
  mode: 'replace' | 'merge',
): SettingChange[] {
  if (!fromFile) return [];
  const applied = applySettingsChange(here, settingsToTake(fromFile, here, { mode, isRecovery: false }));
  return applied.ok ? applied.value.changes : [];
}
