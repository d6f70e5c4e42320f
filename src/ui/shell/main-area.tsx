import { CatalogPage } from './catalog-page';
import { SendingProvider } from '../processing/sending-context';
import { SendingLine } from '../processing/sending-line';
import { lazyPanel } from '../common/lazy-panel';
import { MainNavigation } from './main-navigation';
import { useMainView } from './main-views';

// The views other than the first one a user sees are loaded when first opened: their code (history
// search, file processing, snapshots) stays out of the JavaScript every page load parses. The
// service worker precaches these chunks too, so they open offline; a chunk that cannot load says
// so in the view (src/ui/common/lazy-panel.tsx), with Try again.
const HistoryPage = lazyPanel(() => import('../history/history-page').then((m) => m.HistoryPage));
const ProcessFilePage = lazyPanel(() => import('../processing/process-file-page').then((m) => m.ProcessFilePage));
const BackupsPage = lazyPanel(() => import('./backups-page').then((m) => m.BackupsPage));
const TeamPage = lazyPanel(() => import('./team-page').then((m) => m.TeamPage));

/**
 * The main area below the header: the navigation and the chosen view. A run being sent lives
 * above the views (SendingProvider), so it goes on, and is said, whichever view is open.
 */
export function MainArea() {
  const view = useMainView();
  return (
    <SendingProvider>
      <MainNavigation current={view} />
      <SendingLine isProcessView={view === 'process'} />
      {view === 'brokerages' ? <CatalogPage /> : null}
      {view === 'history' ? <HistoryPage /> : null}
      {view === 'process' ? <ProcessFilePage /> : null}
      {view === 'backups' ? <BackupsPage /> : null}
      {view === 'team' ? <TeamPage /> : null}
    </SendingProvider>
  );
}
