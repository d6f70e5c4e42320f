import { useCallback, useEffect, useRef, useState } from 'react';
import type { TeamSyncStatus } from '../../worker/team-sync/team-sync-types';
import { SYNC_EVERY_MS } from '../../core/team-sync/sync-timing';
import { useDatabase } from '../common/database-context';

/** How soon after a local write it is shared (several writes in a row go in one push). */
const AFTER_WRITE_MS = 600;

/**
 * The team database's clock, on the page (the app's one clock: the worker is only ever asked,
 * with the page's time): a sync at start, at once when the window gets focus or the page becomes
 * visible, every SYNC_EVERY_MS while it is visible, and shortly after a local write. Never while
 * hidden. Teammates' changes that arrive are announced like any write, so every list reloads.
 * Writes never wait for any of this: they are in the database before a sync starts.
 */
export function useTeamSyncClock(): TeamSyncStatus | null {
  const { api, revision, notifyChanged } = useDatabase();
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  const isSyncing = useRef(false);
  const wasUnreachable = useRef(false);

  const syncNow = useCallback(async () => {
    if (isSyncing.current) return;
    isSyncing.current = true;
    try {
      const before = await api.getTeamSyncStatus();
      if (before.isConnected && before.isJoined && !before.isOtherTabWriting) {
        const synced = await api.syncTeamNow();
        const report = synced.ok ? synced.value : null;
        const isUnreachable = typeof report?.unreachable === 'string';
        const reachChanged = isUnreachable !== wasUnreachable.current;
        wasUnreachable.current = isUnreachable;
        if (
          report &&
          (report.applied > 0 ||
            report.loadedSnapshot ||
            report.pushed > 0 ||
            report.refused.length > 0 ||
            report.statesRead > 0 ||
            reachChanged)
        )
          await notifyChanged();
      }
      const after = await api.getTeamSyncStatus();
      // Removed from the team by a teammate, or team health changed as time passed: the Team view says so at once.
      if ((before.isJoined && !after.isJoined) || JSON.stringify(before.health) !== JSON.stringify(after.health))
        await notifyChanged();
      setStatus(after);
    } catch {
      // A failed read or sync is tried again at the next tick; the status keeps its last value.
    } finally {
      isSyncing.current = false;
    }
  }, [api, notifyChanged]);

  useEffect(() => {
    const whenVisible = () => {
      if (document.visibilityState === 'visible') void syncNow();
    };
    void syncNow();
    window.addEventListener('focus', whenVisible);
    document.addEventListener('visibilitychange', whenVisible);
    const timer = setInterval(whenVisible, SYNC_EVERY_MS);
    return () => {
      window.removeEventListener('focus', whenVisible);
      document.removeEventListener('visibilitychange', whenVisible);
      clearInterval(timer);
    };
  }, [syncNow]);

  // A write here (or a teammate's change applied): the count of changes not shared moves, and a
  // local write is shared shortly, not at the next tick.
  useEffect(() => {
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void api.getTeamSyncStatus().then(
      (next) => {
        if (!isCurrent) return;
        setStatus(next);
        if (next.isJoined && next.pending > 0) timer = setTimeout(() => void syncNow(), AFTER_WRITE_MS);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, revision, syncNow]);

  return status;
}
