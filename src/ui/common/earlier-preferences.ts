import type { SettingsChange } from '../../core/settings/settings-changes';

/**
 * Preferences an earlier version of the app kept in this browser's localStorage (the end-of-day
 * time and the person's name). They now live with the app's settings in the database; these are
 * read once, handed over, and then removed.
 */
const KEYS = { endOfDay: 'ff2api-web.end-of-day', operatorName: 'ff2api-web.operator-name' } as const;

/** The earlier preferences found, with a way to remove them once taken; null when there are none. */
export function takeEarlierPreferences(): { preferences: SettingsChange; forget: () => void } | null {
  try {
    const endOfDay = localStorage.getItem(KEYS.endOfDay);
    const operatorName = localStorage.getItem(KEYS.operatorName);
    if (endOfDay === null && operatorName === null) return null;
    const preferences: SettingsChange = {
      ...(endOfDay ? { endOfDay } : {}),
      ...(operatorName ? { operatorName } : {}),
    };
    const forget = () => {
      localStorage.removeItem(KEYS.endOfDay);
      localStorage.removeItem(KEYS.operatorName);
    };
    return { preferences, forget };
  } catch {
    // Storage blocked: nothing to carry over.
    return null;
  }
}
