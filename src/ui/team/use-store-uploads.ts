import { useEffect } from 'react';
import { useBackups } from '../common/backups-context';
import { useDatabase } from '../common/database-context';

/** How often the page asks the worker to try the copies that are due (page timers follow `page.clock` in tests). */
export const STORE_TICK_MS = 60_000;

/**
 * The page-side clock of the team store's waiting copies: while a store is connected, at start and
 * once a minute the worker tries what is due (the back-off decides), and when the browser comes
 * back online it tries everything waiting at once. The page drives, as for snapshots: a worker's
 * own timers would not follow the page's clock (docs/design.md, "One clock").
 */
export function useStoreUploads(): void {
  const { api, notifyChanged } = useDatabase();
  const { overview, refresh } = useBackups();
  const isConnected = Boolean(overview?.store);

  useEffect(() => {
    if (!isConnected) return;
    let isActive = true;
    let isRunning = false;
    const run = async (all: boolean) => {
      if (isRunning) return;
      isRunning = true;
      try {
        const done = all ? await api.retryStoreUploads() : await api.runStoreUploads();
        // Something was tried: the waiting list, health and (when checked) the backup point changed.
        if (isActive && done.attempted > 0) {
          await notifyChanged();
          await refresh();
        }
      } catch {
        // The worker is restarting; the next tick tries again.
      } finally {
        isRunning = false;
      }
    };
    void run(false);
    const timer = setInterval(() => void run(false), STORE_TICK_MS);
    const onOnline = () => void run(true);
    window.addEventListener('online', onOnline);
    return () => {
      isActive = false;
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [api, isConnected, notifyChanged, refresh]);
}
