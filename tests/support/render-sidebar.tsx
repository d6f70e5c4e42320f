import { AppSettingsProvider } from '../../src/ui/common/app-settings-context';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Clock } from '../../src/core/clock';
import { ok } from '../../src/core/result';
import type { DatabaseApi } from '../../src/worker/api';
import { DatabaseProvider } from '../../src/ui/common/database-context';
import { BackupSettingsProvider } from '../../src/ui/common/backup-settings';
import { BackupsProvider } from '../../src/ui/common/backups-context';
import { DatabaseSidebar } from '../../src/ui/shell/database-sidebar';
import { DataDeletedProvider } from '../../src/ui/common/data-deleted-context';
import { DownloadContext } from '../../src/ui/common/download-context';
import { ClockContext } from '../../src/ui/common/use-now';

/**
 * Renders the real sidebar (and `main`, the main area, if given) over a real (in-process) database API; downloads are
 * recorded.
 */
export function renderSidebar(api: DatabaseApi, clock: Clock, main?: ReactNode) {
  const downloads: { fileName: string; blob: Blob }[] = [];
  render(
    <ClockContext.Provider value={clock}>
      <DownloadContext.Provider
        value={(blob, fileName) => {
          downloads.push({ blob, fileName });
          return Promise.resolve(ok(undefined));
        }}
      >
        <DatabaseProvider api={api}>
          <BackupSettingsProvider>
            <AppSettingsProvider>
              <BackupsProvider>
                <DataDeletedProvider>
                  <DatabaseSidebar />
                  {main ? <main>{main}</main> : null}
                </DataDeletedProvider>
              </BackupsProvider>
            </AppSettingsProvider>
          </BackupSettingsProvider>
        </DatabaseProvider>
      </DownloadContext.Provider>
    </ClockContext.Provider>,
  );
  return { downloads, sidebar: () => screen.getByRole('complementary', { name: 'Database management' }) };
}
