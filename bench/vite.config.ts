import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The bench page's own build (npm run bench builds it; the app's vite.config.ts is untouched).
// Its workers import the app's modules from src/ directly, bundled exactly as the app bundles them.
const outDir = process.env.BENCH_PAGE_OUT ?? fileURLToPath(new URL('./.out/page', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { target: 'es2022', outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
