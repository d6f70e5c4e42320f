import { lazy, Suspense } from 'react';
import { CatalogPage } from '../catalog/catalog-page';
import { MainNavigation } from './main-navigation';
import { useMainView } from './main-views';

// The views other than the first one a user sees are loaded when first opened: their code (history
// search, file processing, snapshots) stays out of the JavaScript every page load parses. The
// service worker precaches these chunks too, so they open offline.
const HistoryPage = lazy(() => import('../history/history-page').then((m) => ({ default: m.HistoryPage })));
const ProcessFilePage = lazy(() => import('../processing/process-file-page').then((m) => ({ default: m.ProcessFilePage })));
const BackupsPage = lazy(() => import('../backups/backups-page').then((m) => ({ default: m.BackupsPage })));

/** The main area below the header: the navigation and the chosen view. */
export function MainArea() {
  const view = useMainView();
  return (
    <>
      <MainNavigation current={view} />
      {view === 'brokerages' ? <CatalogPage /> : null}
      <Suspense fallback={<p className="caption">Opening…</p>}>
        {view === 'history' ? <HistoryPage /> : null}
        {view === 'process' ? <ProcessFilePage /> : null}
        {view === 'backups' ? <BackupsPage /> : null}
      </Suspense>
    </>
  );
}
