import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TimeOfDay } from '../../core/snapshots/end-of-day';
import type { BackupOverview } from '../../worker/health/health-types';
import { useDatabase } from './database-context';
import type { NoticeContent } from './notice';
import { readEndOfDay, storeEndOfDay } from './end-of-day-setting';
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
  endOfDay: TimeOfDay;
  setEndOfDay: (at: TimeOfDay) => void;
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
  const [endOfDay, setEndOfDayState] = useState(readEndOfDay);
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

  const setEndOfDay = useCallback((at: TimeOfDay) => {
    storeEndOfDay(at);
    setEndOfDayState(at);
  }, []);

  const value = useMemo(
    () => ({
      overview,
      snapshotsRevision,
      refresh,
      folder,
      endOfDay,
      setEndOfDay,
      scheduleProblem,
      setScheduleProblem,
    }),
    [overview, snapshotsRevision, refresh, folder, endOfDay, setEndOfDay, scheduleProblem],
  );
  return <BackupsContext.Provider value={value}>{children}</BackupsContext.Provider>;
}

/** The backups state. */
export function useBackups(): BackupsContextValue {
  const value = useContext(BackupsContext);
  if (!value) throw new Error('useBackups must be used inside <BackupsProvider>');
  return value;
}
