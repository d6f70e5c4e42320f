/*
 * Loaded by the Workbox service worker (vite.config.ts, workbox.importScripts). Builds before
 * vite-plugin-pwa had a hand-written service worker that kept every file in one cache,
 * "ff2api-web-v1", forever. Once this service worker takes over, that cache is no longer read:
 * delete it, so browsers that ran those builds get the space back.
 */
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.delete('ff2api-web-v1'));
});
