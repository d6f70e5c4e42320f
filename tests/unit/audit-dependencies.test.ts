import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * scripts/audit-dependencies.mjs against a stand-in `npm` on PATH (the registry's audit endpoint
 * cannot be reached from here, which is exactly one of the cases): each answer the real npm can
 * give leads to the exit code and the plain statement CI relies on.
 */
const SCRIPT = resolve(__dirname, '../../scripts/audit-dependencies.mjs');

type FakeNpm = { audit: string; auditStatus: number; deprecated?: string };

function runWith(fake: FakeNpm, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-npm-'));
  const bin = join(dir, 'npm');
  writeFileSync(join(dir, 'audit.json'), fake.audit);
  writeFileSync(
    bin,
    `#!/bin/sh
case "$1" in
  audit) cat "${join(dir, 'audit.json')}"; exit ${fake.auditStatus} ;;
  ls) echo '{"name":"ff2api-web","dependencies":{}}'; exit 0 ;;
  view) if [ "$3" = "deprecated" ] && [ "$2" = "comlink@$(node -p "require('${resolve(__dirname, '../../package-lock.json')}').packages['node_modules/comlink'].version")" ]; then printf '%s' '${fake.deprecated ?? ''}'; fi; exit 0 ;;
esac
exit 2
`,
  );
  chmodSync(bin, 0o755);
  const run = spawnSync(process.execPath, [SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, ...env, PATH: `${dir}:${process.env.PATH ?? ''}` },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const unreachable = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
});
const report = (high: number) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: high
      ? {
          comlink: {
            name: 'comlink',
            severity: 'high',
            range: '<9',
            via: [{ title: 'A made-up flaw', url: 'https://example.invalid/advisory' }],
          },
        }
      : {},
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high, critical: 0, total: high } },
  });

describe('audit-dependencies', () => {
  it('fails on a high advisory and names it', () => {
    const run = runWith({ audit: report(1), auditStatus: 1 });
    expect(run.status).toBe(1);
    expect(run.output).toContain('HIGH: comlink <9 — A made-up flaw');
  });

  it('passes when the audit finds nothing high or critical', () => {
    const run = runWith({ audit: report(0), auditStatus: 0 });
    expect(run.status).toBe(0);
    expect(run.output).toContain('PASSED: no high or critical advisories');
  });

  it('with the audit endpoint unusable, says so and fails on a deprecated runtime package', () => {
    const run = runWith({ audit: unreachable, auditStatus: 1, deprecated: '"this version is no longer supported"' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('Known vulnerabilities were therefore NOT checked');
    expect(run.output).toMatch(/comlink@[\d.]+: deprecated — this version is no longer supported/);
  });

  it('with the audit endpoint unusable and nothing else wrong, passes loudly — or fails when advisories are required', () => {
    const run = runWith({ audit: unreachable, auditStatus: 1 });
    expect(run.status).toBe(0);
    expect(run.output).toContain('405 Method Not Allowed');
    expect(run.output).toContain('PASSED WITHOUT AN ADVISORY CHECK');
    expect(runWith({ audit: unreachable, auditStatus: 1 }, { REQUIRE_ADVISORIES: '1' }).status).toBe(1);
  });
});
