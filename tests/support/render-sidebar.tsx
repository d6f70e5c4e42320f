import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Clock } from '../../src/core/clock';
import type { DatabaseApi } from '../../src/worker/api';
import { DatabaseProvider } from '../../src/ui/shared/database-context';
import { BackupSettingsProvider } from '../../src/ui/shared/backup-settings';
import { BackupsProvider } from '../../src/ui/shared/backups-context';
import { DatabaseSidebar } from '../../src/ui/shell/database-sidebar';
import { DownloadContext } from '../../src/ui/shared/download-context';
import { ClockContext } from '../../src/ui/shared/use-now';

/**
 * Renders the real sidebar (and `main`, the main area, if given) over a real (in-process) database API; downloads are
 * recorded.
 */
export function renderSidebar(api: DatabaseApi, clock: Clock, main?: ReactNode) {
  const downloads: { fileName: string; blob: Blob }[] = [];
  render(
    <ClockContext.Provider value={clock}>
      <DownloadContext.Provider value={(blob, fileName) => downloads.push({ blob, fileName })}>
        <DatabaseProvider api={api}>
          <BackupSettingsProvider>
            <BackupsProvider>
              <DatabaseSidebar />
              {main ? <main>{main}</main> : null}
            </BackupsProvider>
          </BackupSettingsProvider>
        </DatabaseProvider>
      </DownloadContext.Provider>
    </ClockContext.Provider>,
  );
  return { downloads, sidebar: () => screen.getByRole('complementary', { name: 'Database management' }) };
}
