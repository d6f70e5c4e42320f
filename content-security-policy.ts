import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The app's Content-Security-Policy. Scripts and workers only from this origin, plus
 * 'wasm-unsafe-eval' for sql.js's WebAssembly; no inline script or style at all; network only to
 * this origin and `https:` (the load API, wherever a team's is) — a static page cannot narrow it
 * to the addresses a user configures later, nor widen it at run time.
 *
 * A team's build (`vite build`, `npm run build`) allows no plain-http address at all, loopback
 * included: nothing a page of the team's origin is tricked into calling on the user's own
 * computer can be reached. A build made for the local demo load API (`vite build --mode demo`:
 * `npm start`, the e2e tests, the CSV bench) adds `http://127.0.0.1:*` and `http://localhost:*`.
 */
export const DEMO_MODE = 'demo';

const LOOPBACK = ['http://127.0.0.1:*', 'http://localhost:*'] as const;

/** The policy's directives; loopback http only in a build for the demo API. */
export function policyDirectives(allowLoopback: boolean): Record<string, readonly string[]> {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    'connect-src': ["'self'", 'https:', ...(allowLoopback ? LOOPBACK : [])],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
}

/** Directives a <meta> policy may not carry (browsers ignore them there, with a console warning). */
const HEADER_ONLY = "frame-ancestors 'none'";

/** The policy as the built page's <meta http-equiv> carries it. */
export function metaPolicy(allowLoopback: boolean): string {
  return Object.entries(policyDirectives(allowLoopback))
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** The header a server sends with a build whose meta policy is `meta`: the same, plus frame-ancestors. */
export function headerPolicy(meta: string): string {
  return `${meta}; ${HEADER_ONLY}`;
}

/**
 * Adds the policy as a <meta> tag to the built index.html — loopback allowed only in the demo
 * mode — and not in dev, where Vite's React refresh needs an inline script.
 */
export function contentSecurityPolicy(): Plugin {
  let allowLoopback = false;
  return {
    name: 'ff2api-content-security-policy',
    apply: 'build',
    configResolved(config) {
      allowLoopback = config.mode === DEMO_MODE;
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy(allowLoopback) },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * `vite preview` sends the policy of the build it serves as a header too (a dedicated worker
 * takes its policy from its own response, not from the page's meta tag): read from the built
 * index.html, so a demo build and a team's build are each served with their own — and a build
 * without one with the team's policy.
 */
export function contentSecurityPolicyHeader(): Plugin {
  return {
    name: 'ff2api-content-security-policy-header',
    apply: (_config, env) => env.isPreview === true,
    configurePreviewServer(server) {
      const built = readBuiltPolicy(resolve(server.config.root, server.config.build.outDir, 'index.html'));
      const header = headerPolicy(built ?? metaPolicy(false));
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', header);
        next();
      });
    },
  };
}

/** The meta policy of a built index.html, or null when there is none (or no build). */
export function readBuiltPolicy(indexHtml: string): string | null {
  let html: string;
  try {
    html = readFileSync(indexHtml, 'utf8');
  } catch {
    return null;
  }
  const found = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/u.exec(html)?.[1];
  return found === undefined ? null : decodeAttribute(found);
}

/** The few entities Vite writes into attribute values. */
function decodeAttribute(text: string): string {
  const entities: Record<string, string> = { '&#39;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  return text.replace(/&#39;|&quot;|&lt;|&gt;|&amp;/gu, (entity) => entities[entity] ?? entity);
}
