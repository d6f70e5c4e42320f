/**
 * Whether the app's own files can be fetched right now, asked before a part of the app is
 * imported (platform/lazy-import.ts). A failed `import()` can poison the page's
 * module map: in Chromium 150 the same module, and every module it imports, then fails for the
 * rest of the page's life even once the network is back, so `Try again` could never work. A part
 * is therefore imported only once a fetch of a tiny file of the build got through. The file sits
 * among the build's scripts (the service worker precaches it with them, so it answers offline
 * after the first visit) and is fetched past the HTTP cache.
 */
const PROBE = new URL('./reachability-probe.js', import.meta.url);

/** Raised instead of importing when the app's files cannot be fetched. */
export class AppFilesUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`The app's files cannot be fetched now (${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'AppFilesUnreachableError';
  }
}

/**
 * Runs `load` (an import) once the app's files can be fetched; rejects with AppFilesUnreachableError when they cannot.
 */
export function importWhenReachable<T>(load: () => Promise<T>): Promise<T> {
  // Only a served build is asked (the dev server and the unit tests load modules another way).
  if (!import.meta.env.PROD || (PROBE.protocol !== 'http:' && PROBE.protocol !== 'https:')) return load();
  return fetch(PROBE, { cache: 'no-store' }).then(
    (response) => {
      if (!response.ok) throw new AppFilesUnreachableError(`HTTP ${response.status}`);
      return load();
    },
    (error: unknown) => {
      throw new AppFilesUnreachableError(error);
    },
  );
}
