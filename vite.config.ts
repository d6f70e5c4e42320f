import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, HEADER_POLICY } from './content-security-policy.ts';

/** Lists every built file in precache-manifest.json, so public/sw.js can cache them for offline use. */
function precacheManifest(): Plugin {
  return {
    name: 'ff2api-precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => name !== 'index.html').map((name) => `/${name}`);
      this.emitFile({ type: 'asset', fileName: 'precache-manifest.json', source: JSON.stringify(files.sort()) });
    },
  };
}

// One config for the app build and for Vitest. Unit tests (core, worker service) run in Node with
// real sql.js; component tests run in jsdom. Browser flows live in tests/e2e (Playwright).
export default defineConfig({
  plugins: [react(), precacheManifest(), contentSecurityPolicy()],
  // The same policy as headers when serving the build (plus frame-ancestors, which only a header can carry).
  preview: { headers: { 'Content-Security-Policy': HEADER_POLICY, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
  test: {
    // Generous: real sql.js + IndexedDB on a 2-core CI machine running both projects at once.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/ui/**/*.test.tsx'],
          setupFiles: ['tests/ui/setup.ts'],
        },
      },
    ],
  },
});
