import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './ui/shell/app-shell';
import { AppLock } from './ui/lock/app-lock';
import { startDatabaseWorker } from './platform/worker-client';
import { requestStoragePersistence } from './platform/storage-persistence';
import { startAppUpdates } from './platform/app-updates';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

// Offline after the first load, and a prompt when a new build is installed (production builds only).
const updates = startAppUpdates();

// Ask once for storage the browser will not evict; a "no" is normal and shown in the sidebar.
void requestStoragePersistence();

// The app lock comes first: while locked, only its unlock screen is rendered.
const api = startDatabaseWorker();
createRoot(root).render(
  <StrictMode>
    <AppLock api={api}>
      <AppShell api={api} updates={updates} />
    </AppLock>
  </StrictMode>,
);
