import type { Plugin } from 'vite';

/**
 * The app's Content-Security-Policy (issue 10). Scripts and workers only from this origin, plus
 * 'wasm-unsafe-eval' for sql.js's WebAssembly; no inline script or style at all; network only to
 * this origin, https: (the load API) and loopback (the local demo API) — a static page cannot
 * narrow it to the addresses a user configures later, nor widen it at run time. zod runs jitless
 * in the worker (src/platform/zod-jitless.ts), so no 'unsafe-eval' either.
 */
const POLICY: Record<string, readonly string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Directives a <meta> policy may not carry (browsers ignore them there, with a console warning). */
const HEADER_ONLY: Record<string, readonly string[]> = {
  'frame-ancestors': ["'none'"],
};

function serialize(policy: Record<string, readonly string[]>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy as the built page's <meta http-equiv> carries it. */
export const META_POLICY = serialize(POLICY);
/** The policy as a server sends it (vite preview): the meta policy plus frame-ancestors. */
export const HEADER_POLICY = serialize({ ...POLICY, ...HEADER_ONLY });

/**
 * Adds the policy as a <meta> tag to the built index.html — not in dev, where Vite's React
 * refresh needs an inline script.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'ff2api-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}
