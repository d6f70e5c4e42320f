import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DatabaseApi } from '../../worker/api';
import type { DatabaseStatus } from '../../worker/status/status-types';
import type { OperationProgress } from '../../worker/engine/progress';

/**
 * The one piece of global UI state: the database API, its latest status, and a revision number
 * that goes up after every change so lists know to reload.
 */
interface DatabaseContextValue {
  api: DatabaseApi;
  status: DatabaseStatus | null;
  /** Increases after every successful write, restore or undo (here or in another tab). */
  revision: number;
  /** Re-reads the status and bumps the revision; call after any write. */
  notifyChanged: () => Promise<void>;
  /** The long operation under way in the worker, if any. */
  progress: OperationProgress;
}

const DatabaseContext = createContext<DatabaseContextValue | null>(null);

/** Provides the database API to the app; `externalChanges` lets the shell report other tabs' writes. */
export function DatabaseProvider({
  api,
  children,
  initialStatus = null,
}: {
  api: DatabaseApi;
  children: ReactNode;
  initialStatus?: DatabaseStatus | null;
}) {
  const [status, setStatus] = useState<DatabaseStatus | null>(initialStatus);
  const [revision, setRevision] = useState(0);
  const [progress, setProgress] = useState<OperationProgress>({ task: null });

  useEffect(() => {
    void api.watchProgress(setProgress);
  }, [api]);

  const notifyChanged = useCallback(async () => {
    const next = await api.getStatus();
    setStatus(next);
    setRevision((r) => r + 1);
  }, [api]);

  useEffect(() => {
    if (initialStatus === null) void notifyChanged();
  }, [notifyChanged, initialStatus]);

  const value = useMemo(
    () => ({ api, status, revision, notifyChanged, progress }),
    [api, status, revision, notifyChanged, progress],
  );
  return <DatabaseContext.Provider value={value}>{children}</DatabaseContext.Provider>;
}

/** The database API, its status and the change revision. */
export function useDatabase(): DatabaseContextValue {
  const value = useContext(DatabaseContext);
  if (!value) throw new Error('useDatabase must be used inside <DatabaseProvider>');
  return value;
}
