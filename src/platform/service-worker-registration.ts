/**
 * Registers the build's service worker and reports its updates, with the browser's own API.
 *
 * Hand-written rather than through workbox-window (what vite-plugin-pwa's `registerSW` wraps): that
 * library is 2.2 kB gzip loaded at start, for the few events below, and the JavaScript the app loads
 * at start has a budget (docs/performance.md). The generated service worker already answers the
 * `SKIP_WAITING` message this sends.
 */
export interface ServiceWorkerEvents {
  /** A newer build is installed and waits for this page's go-ahead. */
  onNeedRefresh: () => void;
  /** A newer build took control of this page (after `activateWaiting`, here or in another tab). */
  onNeedReload: () => void;
  /** The registration exists (to ask it for updates now and then). */
  onRegistered: (registration: ServiceWorkerRegistration) => void;
}

/** Registers `sw.js` at once; returns the function that lets a waiting build take over. */
export function registerServiceWorker(events: ServiceWorkerEvents): () => Promise<void> {
  const container = navigator.serviceWorker;
  // The first install takes control of a page that had none: that is no new build.
  let hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (hadController) events.onNeedReload();
    hadController = true;
  });

  // Installed while an older build is active: an update waiting to be let in. (The active build need
  // not control this page: the first page a worker installs under stays uncontrolled.)
  const whenInstalled = (registration: ServiceWorkerRegistration, worker: ServiceWorker) => {
    const settle = () => {
      if (worker.state === 'installed' && registration.active !== null) events.onNeedRefresh();
    };
    worker.addEventListener('statechange', settle);
    settle();
  };

  const registered = container.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).then(
    (registration) => {
      if (registration.waiting && registration.active) events.onNeedRefresh();
      registration.addEventListener('updatefound', () => {
        if (registration.installing) whenInstalled(registration, registration.installing);
      });
      events.onRegistered(registration);
      return registration;
    },
    () => null,
  );

  return async () => {
    const registration = await registered;
    registration?.waiting?.postMessage({ type: 'SKIP_WAITING' });
  };
}
