import { BackupsPage } from '../backups/backups-page';
import { CatalogPage } from '../catalog/catalog-page';
import { HistoryPage } from '../history/history-page';
import { ProcessFilePage } from '../processing/process-file-page';
import { MainNavigation } from './main-navigation';
import { useMainView } from './main-views';

/** The main area below the header: the navigation and the chosen view. */
export function MainArea() {
  const view = useMainView();
  return (
    <>
      <MainNavigation current={view} />
      {view === 'brokerages' ? <CatalogPage /> : null}
      {view === 'history' ? <HistoryPage /> : null}
      {view === 'process' ? <ProcessFilePage /> : null}
      {view === 'backups' ? <BackupsPage /> : null}
    </>
  );
}
