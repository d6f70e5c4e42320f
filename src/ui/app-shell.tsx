import { useEffect } from 'react';
import type { DatabaseApi } from '../worker/api';
import { DatabaseProvider, useDatabase } from './database-context';
import { UrgentBackupBanner } from './banners/urgent-backup-banner';
import { BackupsProvider } from './backups/backups-context';
import { EndOfDayBanner } from './sidebar/end-of-day-banner';
import { EvictionAlert } from './sidebar/eviction-alert';
import { BackupSettingsProvider } from './sidebar/backup-settings';
import { DatabaseSidebar } from './sidebar/database-sidebar';
import { MainArea } from './navigation/main-area';
import { AppUpdatesContext, type AppUpdates } from './updates/app-updates';
import { NewVersionPrompt } from './updates/new-version-prompt';
import { LockControls } from './lock/lock-controls';
import { AppErrorBoundary } from './app-error-boundary';
import { EngineRestartNotice } from './engine-restart-notice';
import './app.css';

/** The whole app: Streamlit-like sidebar (database management) and main area (brokerages, upload history, file processing, backups). */
export function AppShell({ api, updates }: { api: DatabaseApi; updates?: AppUpdates }) {
  const shell = (
    <AppErrorBoundary api={api}>
      <DatabaseProvider api={api}>
        <BackupSettingsProvider>
          <BackupsProvider>
            <LifecycleHooks />
            <div className="app">
              <DatabaseSidebar />
              <main className="main">
                <header className="app-header">
                  <h1>FF2API</h1>
                  <p className="caption">Flat file to API processing — brokerage configurations, upload history and backups, kept in this browser.</p>
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
          </BackupsProvider>
        </BackupSettingsProvider>
      </DatabaseProvider>
    </AppErrorBoundary>
  );
  return updates ? <AppUpdatesContext.Provider value={updates}>{shell}</AppUpdatesContext.Provider> : shell;
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
