import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { headerPolicy, metaPolicy, readBuiltPolicy } from '../../content-security-policy';

/**
 * The policy a build carries, from the app's own vite.config.ts as Vite resolves it: a team's
 * build lets the page reach no plain-http address (loopback included); only a build for the demo
 * load API (`--mode demo`) reaches 127.0.0.1 and localhost.
 */

/** The meta policy the app's config writes into index.html in `mode`. */
async function builtMetaPolicy(mode: string): Promise<string> {
  const config = await resolveConfig(
    { configFile: join(__dirname, '../../vite.config.ts'), mode, logLevel: 'silent' },
    'build',
  );
  const plugin = config.plugins.find((p: Plugin) => p.name === 'ff2api-content-security-policy');
  const hook = plugin?.transformIndexHtml;
  const handler = typeof hook === 'object' ? hook.handler : hook;
  const tags = await handler?.call({} as never, '<html></html>', { path: '/index.html', filename: 'index.html' });
  const meta = Array.isArray(tags)
    ? tags.find((tag) => tag.attrs?.['http-equiv'] === 'Content-Security-Policy')
    : undefined;
  return String(meta?.attrs?.content ?? '');
}

function connectSources(policy: string): string[] {
  return (
    policy
      .split('; ')
      .find((d) => d.startsWith('connect-src '))
      ?.split(' ')
      .slice(1) ?? []
  );
}

describe('Content-Security-Policy of a build', () => {
  it("a team's build (the default mode) reaches its own origin and https: only", async () => {
    const policy = await builtMetaPolicy('production');
    expect(connectSources(policy)).toEqual(["'self'", 'https:']);
    expect(policy).not.toMatch(/127\.0\.0\.1|localhost|http:/u);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  it('a build for the demo API adds loopback http, nothing else', async () => {
    expect(connectSources(await builtMetaPolicy('demo'))).toEqual([
      "'self'",
      'https:',
      'http://127.0.0.1:*',
      'http://localhost:*',
    ]);
  });

  it('the preview header is the built meta policy read back, plus frame-ancestors', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ff2api-csp-'));
    const escaped = metaPolicy(true).replaceAll("'", '&#39;');
    writeFileSync(
      join(folder, 'index.html'),
      `<head><meta http-equiv="Content-Security-Policy" content="${escaped}"></head>`,
    );
    expect(readBuiltPolicy(join(folder, 'index.html'))).toBe(metaPolicy(true));
    expect(headerPolicy(metaPolicy(false))).toBe(`${metaPolicy(false)}; frame-ancestors 'none'`);
    expect(readBuiltPolicy(join(folder, 'missing.html'))).toBeNull();
  });
});
