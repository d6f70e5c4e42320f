import type { SettingsChange } from '../../core/settings/settings-changes';
import type { FeatureCalls } from '../feature-calls';
import type { AppSettingsFeature } from './app-settings-feature';

/** The app's settings: end of day, snapshot retention, the recovery-time target, the person's name. */
export const settingsCalls = {
  reads: {
    /** The settings in effect. */
    getAppSettings: (settings: AppSettingsFeature) => settings.current(),
  },
  actions: {
    /** Changes settings within their bounds (refused whole otherwise); each change is audited. */
    updateAppSettings: (settings: AppSettingsFeature, change: SettingsChange, origin?: string) =>
      settings.update(change, origin),
    /** Moves preferences an earlier version kept in localStorage into the settings, where none was made. */
    adoptEarlierPreferences: (settings: AppSettingsFeature, preferences: SettingsChange) =>
      settings.adoptEarlier(preferences),
  },
} satisfies FeatureCalls<AppSettingsFeature>;
