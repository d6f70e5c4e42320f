/*
 * Offline support. The app is static files; after the first visit it must start without a
 * network. On install, everything the build lists in precache-manifest.json is cached. Pages are
 * fetched network-first (so a new deploy shows up) with the cached copy as the fallback; hashed
 * assets are immutable, so they are served cache-first.
 */
const CACHE_NAME = 'ff2api-web-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      const response = await fetch('/precache-manifest.json', { cache: 'no-store' });
      const files = response.ok ? await response.json() : [];
      await cache.addAll(['/', '/favicon.svg', ...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE_NAME) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE_NAME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('/', response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match('/');
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE_NAME);
  // Module scripts are requested with an Origin header; the server answers `Vary: Origin`, which
  // would make the copies cached at install time never match.
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
