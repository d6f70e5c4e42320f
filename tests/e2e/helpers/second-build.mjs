// Builds the app a second time into the folder given as argument, marked as another build
// (<meta name="ff2api-build" content="second">), as a new deploy of the app would be.
import { build } from 'vite';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node second-build.mjs <outDir>');
await build({
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true },
  plugins: [
    {
      name: 'second-build-mark',
      transformIndexHtml: (html) => html.replace('</head>', '<meta name="ff2api-build" content="second" /></head>'),
    },
  ],
});
