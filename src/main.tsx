import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './ui/app-shell';
import { AppLock } from './ui/lock/app-lock';
import { startDatabaseWorker } from './platform/worker-client';
import { requestStoragePersistence } from './platform/storage-persistence';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

// Offline after the first load: the service worker caches the built app (production builds only).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}

// Ask once for storage the browser will not evict; a "no" is normal and shown in the sidebar.
void requestStoragePersistence();

// The app lock comes first: while locked, only its unlock screen is rendered.
const api = startDatabaseWorker();
createRoot(root).render(
  <StrictMode>
    <AppLock api={api}>
      <AppShell api={api} />
    </AppLock>
  </StrictMode>,
);
