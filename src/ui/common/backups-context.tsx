import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TimeOfDay } from '../../core/snapshots/end-of-day';
import type { BackupOverview } from '../../worker/health/health-types';
import { useDatabase } from './database-context';
import type { NoticeContent } from './notice';
import { DEFAULT_SETTINGS, endOfDayOf } from '../../core/settings/app-settings';
import { useAppSettings } from './app-settings-context';
import { useBackupFolder, type BackupFolder } from './use-backup-folder';

/**
 * What the sidebar's health line, folder buttons and eviction alert and the Backups view share:
 * the worker's backup overview (re-read after every change), the backup folder, the end-of-day
 * setting, and the last problem of the page-side scheduler (ui/snapshots/use-snapshot-scheduler.ts,
 * mounted by the shell inside this provider).
 */
interface BackupsContextValue {
  overview: BackupOverview | null;
  /** Goes up whenever snapshots may have changed (taken, deleted, pinned, verified). */
  snapshotsRevision: number;
  /** Re-reads the overview and tells snapshot lists to reload. */
  refresh: () => Promise<void>;
  folder: BackupFolder;
  /** The end-of-day time (one of the app's settings). */
  endOfDay: TimeOfDay;
  /** The last automatic snapshot or end-of-day write that failed, for an alert. */
  scheduleProblem: NoticeContent | null;
  setScheduleProblem: (problem: NoticeContent | null) => void;
}

const BackupsContext = createContext<BackupsContextValue | null>(null);

/** Provides the backups state to the sidebar and the main area. */
export function BackupsProvider({ children }: { children: ReactNode }) {
  const { api, revision } = useDatabase();
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [snapshotsRevision, setSnapshotsRevision] = useState(0);
  const { settings } = useAppSettings();
  const endOfDayText = settings?.endOfDay ?? DEFAULT_SETTINGS.endOfDay;
  // One object per time, so the scheduler and banners do not re-run on every settings read.
  const endOfDay = useMemo(() => endOfDayOf({ endOfDay: endOfDayText }), [endOfDayText]);
  const [scheduleProblem, setScheduleProblem] = useState<NoticeContent | null>(null);
  const folder = useBackupFolder();

  const refresh = useCallback(async () => {
    setSnapshotsRevision((r) => r + 1);
    setOverview(await api.getBackupOverview());
  }, [api]);

  useEffect(() => {
    let isCurrent = true;
    void api.getBackupOverview().then(
      (next) => {
        if (isCurrent) setOverview(next);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [api, revision]);

  const value = useMemo(
    () => ({ overview, snapshotsRevision, refresh, folder, endOfDay, scheduleProblem, setScheduleProblem }),
    [overview, snapshotsRevision, refresh, folder, endOfDay, scheduleProblem],
  );
  return <BackupsContext.Provider value={value}>{children}</BackupsContext.Provider>;
}

/** The backups state. */
export function useBackups(): BackupsContextValue {
  const value = useContext(BackupsContext);
  if (!value) throw new Error('useBackups must be used inside <BackupsProvider>');
  return value;
}
