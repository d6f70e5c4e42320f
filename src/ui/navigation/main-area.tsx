import { lazy, Suspense } from 'react';
import { CatalogPage } from '../catalog/catalog-page';
import { HistoryPage } from '../history/history-page';
import { ProcessFilePage } from '../processing/process-file-page';
import { MainNavigation } from './main-navigation';
import { useMainView } from './main-views';

// Loaded when first shown: most sessions never open the Backups view (JS budget, PERF.md).
const BackupsPage = lazy(() => import('../backups/backups-page').then((module) => ({ default: module.BackupsPage })));

/** The main area below the header: the navigation and the chosen view. */
export function MainArea() {
  const view = useMainView();
  return (
    <>
      <MainNavigation current={view} />
      {view === 'brokerages' ? <CatalogPage /> : null}
      {view === 'history' ? <HistoryPage /> : null}
      {view === 'process' ? <ProcessFilePage /> : null}
      {view === 'backups' ? (
        <Suspense fallback={<p role="status">Opening Backups…</p>}>
          <BackupsPage />
        </Suspense>
      ) : null}
    </>
  );
}
