import { useEffect, useRef } from 'react';
import { useDatabase } from '../common/database-context';
import { useBackupSettings } from '../common/backup-settings';
import { MIN_PASSPHRASE_LENGTH } from '../common/backup-settings';
import { useBackups } from '../common/backups-context';
import { saveBackupToFolder } from '../common/lazy-folder-backup';
import { queryAccess } from '../../platform/backup-folder';
import { copyToStore } from '../common/lazy-store-copy';

/** How often the page asks the worker what is due (page timers follow `page.clock` in tests). */
export const SCHEDULE_TICK_MS = 60_000;

/**
 * The page-side clock of automatic backups: once a minute (and at start) it asks the worker to
 * take what is due — After changes, Hourly, End of day — passing the page's time with the call.
 * At end of day it also writes the daily file into the backup folder when one is connected and
 * allowed, and sends it to the team store when one is connected — with a store and no folder, to
 * the store alone; with neither, the end-of-day banner asks for a download. A worker's own timers
 * would not follow the page's clock, hence the page drives (docs/design.md "One clock").
 */
export function useSnapshotScheduler(): void {
  const { api, notifyChanged } = useDatabase();
  const { folder, refresh, setScheduleProblem, overview } = useBackups();
  const hasStore = Boolean(overview?.store);
  const { secrets, passphrase } = useBackupSettings();
  // The latest values for the interval callback, without restarting the timer on each change.
  const latest = useRef({ folder, secrets, passphrase, refresh, notifyChanged, setScheduleProblem, hasStore });
  latest.current = { folder, secrets, passphrase, refresh, notifyChanged, setScheduleProblem, hasStore };

  useEffect(() => {
    let isRunning = false;
    // A tick still running when the page goes away must not update what is no longer shown.
    let isActive = true;
    const tick = async () => {
      if (isRunning) return;
      isRunning = true;
      try {
        const now = latest.current;
        const outcome = await api.runSnapshotSchedule();
        if (!isActive) return;
        if (outcome.failure)
          now.setScheduleProblem({
            kind: 'error',
            text: outcome.failure.message,
            ...(outcome.failure.detail ? { detail: outcome.failure.detail } : {}),
          });
        else if (outcome.took) now.setScheduleProblem(null);
        if (outcome.endOfDayRan) await writeDailyFile();
        if (isActive && (outcome.took || outcome.failure || outcome.endOfDayRan)) await now.refresh();
      } catch {
        // The worker is gone or busy restarting; the next tick tries again.
      } finally {
        isRunning = false;
      }
    };
    const writeDailyFile = async () => {
      const {
        folder: current,
        secrets: mode,
        passphrase: secret,
        notifyChanged: changed,
        setScheduleProblem: report,
        hasStore: toStore,
      } = latest.current;
      if (!isActive) return;
      const toFolder = current.handle !== null && (await queryAccess(current.handle)) === 'granted';
      if (!toFolder && !toStore) return;
      if (mode === 'encrypted' && secret.length < MIN_PASSPHRASE_LENGTH) return;
      const built = await api.createBackup({
        trigger: 'manual',
        secrets: mode,
        ...(mode === 'encrypted' ? { passphrase: secret } : {}),
      });
      if (!built.ok) return report({ kind: 'error', text: built.error.message });
      if (toFolder && current.handle) {
        const saved = await saveBackupToFolder(api, current.handle, built.value, {
          now: new Date(),
          ...(mode === 'encrypted' ? { passphrase: secret } : {}),
        });
        if (!saved.ok) report({ kind: 'error', text: `End of day: ${saved.message}` });
      }
      // Read back and checked in the store, the copy is a backup point of its own: with no folder, the day's file.
      if (toStore) await copyToStore(api, built.value, 'daily');
      await changed();
    };
    void tick();
    const timer = setInterval(() => void tick(), SCHEDULE_TICK_MS);
    return () => {
      isActive = false;
      clearInterval(timer);
    };
  }, [api]);
}
