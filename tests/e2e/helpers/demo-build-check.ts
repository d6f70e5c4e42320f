import { resolve } from 'node:path';
import { readBuiltPolicy } from '../../../content-security-policy';

/**
 * Playwright's global setup: the browser tests talk to a local demo load API on loopback, which
 * only a build made for it may reach (content-security-policy.ts). A team's build in dist/ would
 * make every such test fail on a refused connection; this says what to run instead, at once.
 */
export default function checkDemoBuild(): void {
  const policy = readBuiltPolicy(resolve(process.cwd(), 'dist', 'index.html'));
  if (policy === null)
    throw new Error('No build in dist/: run `npx vite build --mode demo` (npm run build:demo) first.');
  if (!policy.includes('http://127.0.0.1:*')) {
    throw new Error(
      'dist/ holds a team build, whose Content-Security-Policy lets the page reach no loopback address; the browser ' +
        'tests need the demo API on 127.0.0.1. Build with `npx vite build --mode demo` (npm run build:demo) first.',
    );
  }
}
