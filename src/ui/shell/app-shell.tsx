import { AppSettingsProvider } from '../common/app-settings-context';
import { useEffect } from 'react';
import type { DatabaseApi } from '../../worker/api';
import { DatabaseProvider, useDatabase } from '../common/database-context';
import { UrgentBackupBanner } from '../status/urgent-backup-banner';
import { BackupsProvider } from '../common/backups-context';
import { EndOfDayBanner } from '../backup-files/end-of-day-banner';
import { DataDeletedProvider } from '../common/data-deleted-context';
import { EvictionAlert } from '../health/eviction-alert';
import { BackupSettingsProvider } from '../common/backup-settings';
import { DatabaseSidebar } from './database-sidebar';
import { MainArea } from './main-area';
import { AppUpdatesContext, type AppUpdates } from '../updates/app-updates';
import { NewVersionPrompt } from '../updates/new-version-prompt';
import { LockControls } from '../lock/lock-controls';
import { AppErrorBoundary } from './app-error-boundary';
import { EngineRestartNotice } from './engine-restart-notice';
import { useSnapshotScheduler } from '../snapshots/use-snapshot-scheduler';
import './app.css';
import './backups.css';
import '../team/team.css';

/**
 * The whole app: Streamlit-like sidebar (database management) and main area (brokerages, upload history, file
 * processing, backups).
 */
export function AppShell({ api, updates }: { api: DatabaseApi; updates?: AppUpdates }) {
  const shell = (
    <AppErrorBoundary api={api}>
      <DatabaseProvider api={api}>
        <BackupSettingsProvider>
          <AppSettingsProvider>
            <BackupsProvider>
              <DataDeletedProvider>
                <LifecycleHooks />
                <SnapshotScheduler />
                <div className="app">
                  <DatabaseSidebar />
                  <main className="main">
                    <header className="app-header">
                      <h1>FF2API</h1>
                      <p className="caption">
                        Flat file to API processing — brokerage configurations, upload history and backups, kept in this
                        browser.
                      </p>
                      <LockControls />
                    </header>
                    <NewVersionPrompt />
                    <EngineRestartNotice />
                    <EvictionAlert />
                    <UrgentBackupBanner />
                    <EndOfDayBanner />
                    <MainArea />
                  </main>
                </div>
              </DataDeletedProvider>
            </BackupsProvider>
          </AppSettingsProvider>
        </BackupSettingsProvider>
      </DatabaseProvider>
    </AppErrorBoundary>
  );
  return updates ? <AppUpdatesContext.Provider value={updates}>{shell}</AppUpdatesContext.Provider> : shell;
}

/** The page-side clock of automatic backups, inside the providers it reads. */
function SnapshotScheduler() {
  useSnapshotScheduler();
  return null;
}

/** Follows other tabs' changes, and flushes pending saves when the page is hidden or closed. */
function LifecycleHooks() {
  const { api, notifyChanged } = useDatabase();
  useEffect(() => {
    void api.watchChanges(() => void notifyChanged());
  }, [api, notifyChanged]);
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden') void api.flush();
    };
    const onPageHide = () => void api.flush();
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [api]);
  return null;
}
