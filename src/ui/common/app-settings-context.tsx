import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Result } from '../../core/result';
import type { AppSettings } from '../../core/settings/app-settings';
import type { SettingsChange } from '../../core/settings/settings-changes';
import { useDatabase } from './database-context';
import { takeEarlierPreferences } from './earlier-preferences';

/**
 * The app's settings on the page (they live in the database: worker/settings): read again after
 * every change, changed through the worker (which checks the bounds and audits the change).
 */
interface AppSettingsValue {
  /** Null until read. */
  settings: AppSettings | null;
  updateSettings: (change: SettingsChange) => Promise<Result<AppSettings>>;
}

const AppSettingsContext = createContext<AppSettingsValue | null>(null);

/** Provides the settings; moves the preferences an earlier version kept in localStorage once. */
export function AppSettingsProvider({ children }: { children: ReactNode }) {
  const { api, revision, notifyChanged, status } = useDatabase();
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const hasAdopted = useRef(false);
  const isWriter = status?.isWriter === true;

  useEffect(() => {
    let isCurrent = true;
    void api.getAppSettings().then(
      (next) => {
        if (isCurrent) setSettings(next);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [api, revision]);

  useEffect(() => {
    if (!isWriter || hasAdopted.current) return;
    hasAdopted.current = true;
    const earlier = takeEarlierPreferences();
    if (!earlier) return;
    void api.adoptEarlierPreferences(earlier.preferences).then((adopted) => {
      // A value no setting accepts is dropped too: carried over or not, it is read only once.
      if (adopted.ok || adopted.error.code === 'settings-invalid') earlier.forget();
      if (adopted.ok) setSettings(adopted.value);
    });
  }, [api, isWriter]);

  const updateSettings = useCallback(
    async (change: SettingsChange) => {
      const updated = await api.updateAppSettings(change);
      if (updated.ok) {
        setSettings(updated.value);
        await notifyChanged();
      }
      return updated;
    },
    [api, notifyChanged],
  );

  const value = useMemo(() => ({ settings, updateSettings }), [settings, updateSettings]);
  return <AppSettingsContext.Provider value={value}>{children}</AppSettingsContext.Provider>;
}

/** The app's settings and how to change them. */
export function useAppSettings(): AppSettingsValue {
  const value = useContext(AppSettingsContext);
  if (!value) throw new Error('useAppSettings must be used inside <AppSettingsProvider>');
  return value;
}
