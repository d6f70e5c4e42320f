import { useEffect } from 'react';
import type { DatabaseApi } from '../worker/api';
import { DatabaseProvider, useDatabase } from './database-context';
import { UrgentBackupBanner } from './banners/urgent-backup-banner';
import { BackupSettingsProvider } from './sidebar/backup-settings';
import { DatabaseSidebar } from './sidebar/database-sidebar';
import { MainArea } from './navigation/main-area';
import { AppErrorBoundary } from './app-error-boundary';
import { EngineRestartNotice } from './engine-restart-notice';
import './app.css';

/** The whole app: Streamlit-like sidebar (database management) and main area (brokerages, upload history, file processing, backups). */
export function AppShell({ api }: { api: DatabaseApi }) {
  return (
    <AppErrorBoundary api={api}>
    <DatabaseProvider api={api}>
      <BackupSettingsProvider>
        <LifecycleHooks />
        <div className="app">
          <DatabaseSidebar />
          <main className="main">
            <header className="app-header">
              <h1>FF2API</h1>
              <p className="caption">Flat file to API processing — brokerage configurations, upload history and backups, kept in this browser.</p>
            </header>
            <EngineRestartNotice />
            <UrgentBackupBanner />
            <MainArea />
          </main>
        </div>
      </BackupSettingsProvider>
    </DatabaseProvider>
    </AppErrorBoundary>
  );
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
