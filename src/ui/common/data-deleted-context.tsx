import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { clearDataMarker, readDataMarker, writeDataMarker, type DataMarker } from '../../platform/eviction-marker';
import { useBackups } from './backups-context';

/**
 * Whether the browser deleted this app's data: the marker in localStorage says this browser had
 * data, and the worker found no database at start. One answer for every part of the page — the
 * eviction alert, backup health, the sidebar's banners — so they never contradict each other.
 * While data is present the marker is kept up to date here.
 */
interface DataDeletedValue {
  /**
   * Set while the data is gone and no restore (or fresh start) happened yet: when it was last seen,
   * the last backup file made here, and the team store this browser was connected to.
   */
  deleted: { lastSeenAt: string; lastBackup: DataMarker['lastBackup']; teamStore: DataMarker['teamStore'] } | null;
  /** "Start with an empty database": the loss is acknowledged and forgotten. */
  dismiss: () => void;
}

const DataDeletedContext = createContext<DataDeletedValue>({ deleted: null, dismiss: () => undefined });

/** Provides the eviction state (inside BackupsProvider). */
export function DataDeletedProvider({ children }: { children: ReactNode }) {
  const { overview } = useBackups();
  // Read once, before this session writes a new one.
  const [markerAtStart] = useState<DataMarker | null>(() => readDataMarker());
  const [isDismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (!overview) return;
    const [last] = overview.backupFiles;
    if (overview.hasData) {
      writeDataMarker({
        hadDataAt: new Date().toISOString(),
        // No backup file known here (yet): the one the marker names stays named.
        lastBackup: last
          ? { fileName: last.fileName, at: last.at, where: last.where }
          : (readDataMarker()?.lastBackup ?? null),
        teamStore: overview.store?.location ?? null,
      });
    } else if (!overview.startedEmpty) {
      // The database is here and empty on purpose: nothing to recover later.
      clearDataMarker();
    }
  }, [overview]);

  const isDeleted =
    overview !== null && markerAtStart !== null && overview.startedEmpty && !overview.hasData && !isDismissed;
  const value = useMemo<DataDeletedValue>(
    () => ({
      deleted:
        isDeleted && markerAtStart
          ? {
              lastSeenAt: markerAtStart.hadDataAt,
              lastBackup: markerAtStart.lastBackup,
              teamStore: markerAtStart.teamStore,
            }
          : null,
      dismiss: () => {
        clearDataMarker();
        setDismissed(true);
      },
    }),
    [isDeleted, markerAtStart],
  );
  return <DataDeletedContext.Provider value={value}>{children}</DataDeletedContext.Provider>;
}

/** The eviction state: whether the browser deleted the data, and how to acknowledge it. */
export function useDataDeleted(): DataDeletedValue {
  return useContext(DataDeletedContext);
}
