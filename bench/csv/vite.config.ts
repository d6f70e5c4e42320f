import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The CSV bench page's own build (bench/csv-run.mjs builds it). Its worker imports the app's
// processing modules from src/ directly, bundled as the app bundles them.
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../.out/csv-page', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
