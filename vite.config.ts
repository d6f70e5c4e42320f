import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy, contentSecurityPolicyHeader } from './content-security-policy.ts';

// One config for the app build and for Vitest. Unit tests (core, worker service) run in Node with
// real sql.js; component tests run in jsdom. Browser flows live in tests/e2e (Playwright).
export default defineConfig({
  plugins: [
    react(),
    // Offline after the first load, and new builds noticed: Workbox precaches every built file
    // under a revision, so each build gets a new service worker, removes the files the old build
    // no longer uses, and waits until the user presses Reload (registerType "prompt": never a
    // reload by itself). Registered by src/platform/service-worker-registration.ts (no inline
    // script, which the strict Content-Security-Policy below would refuse).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,svg}'],
        // The sql.js wasm is 688 kB; everything the app needs offline must fit.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // Removes the cache of the hand-written service worker of earlier builds.
        importScripts: ['sw-legacy-cleanup.js'],
        navigateFallback: 'index.html',
      },
    }),
    // The policy as a meta tag in the build (loopback for the demo API only with --mode demo), and
    // the built one as a header when serving it (plus frame-ancestors, which only a header can carry).
    contentSecurityPolicy(),
    contentSecurityPolicyHeader(),
  ],
  preview: { headers: { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The reachability probe (src/platform/app-files-reachable.ts) must be a file fetched from the
    // server, never inlined as a data: URL.
    assetsInlineLimit: (file) => (file.endsWith('reachability-probe.js') ? false : undefined),
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React in a chunk of its own: it changes far less often than the app, so a new build
          // leaves it cached (the service worker keeps files whose content did not change).
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
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
      {
        // Tests against a real S3 server (Ceph RGW): only this project starts it, so plain unit
        // runs do not pay for it. Its global setup starts the server once and stops it after.
        extends: true,
        test: {
          name: 'store',
          environment: 'node',
          include: ['tests/store/**/*.test.ts'],
          globalSetup: ['tests/support/s3-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
