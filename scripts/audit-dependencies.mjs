#!/usr/bin/env node
/**
 * Dependency check for CI (.ci/run): `npm audit --omit=dev --audit-level=high`, failing on high
 * or critical advisories for the packages the app ships.
 *
 * When the registry's audit endpoint cannot be used (on this project's network it answers
 * HTTP 405 to every audit request), no advisory database can be consulted from here. The script
 * then says so in plain words and runs the checks that need no advisory database, failing on any
 * of them: the installed runtime tree matches package-lock.json; every runtime package is pinned
 * by a sha512 integrity hash; none runs install scripts; none is marked
 * deprecated by the registry. It never passes silently: the closing line states what was and was
 * not checked. Set REQUIRE_ADVISORIES=1 to fail instead whenever the advisories are unreachable.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT_MS = 90_000;
const ALLOWED_INSTALL_SCRIPTS = new Set([]);

/** Runs npm with arguments; returns its exit status and output (never throws). */
function npm(args) {
  const run = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  return {
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? '',
    timedOut: run.error?.code === 'ETIMEDOUT',
  };
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Runtime packages from package-lock.json (dev-only entries left out), by install path. */
function runtimePackages() {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages ?? {})
    .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional && !entry.link)
    .map(([path, entry]) => ({
      path,
      name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
      ...entry,
    }));
}

/** Advisory check through npm audit: 'clean', 'findings', or null when the endpoint is unusable. */
function auditAdvisories() {
  const audit = npm(['audit', '--omit=dev', '--audit-level=high', '--json']);
  const report = parseJson(audit.stdout);
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const reason =
      report?.message ??
      (audit.timedOut ? 'no answer within 90 s' : (audit.stderr.trim().split('\n').pop() ?? 'no report'));
    return { outcome: null, reason };
  }
  const serious = Object.values(report.vulnerabilities ?? {}).filter(
    (v) => v.severity === 'high' || v.severity === 'critical',
  );
  for (const finding of serious) {
    const titles = (finding.via ?? [])
      .map((via) => (typeof via === 'string' ? via : `${via.title} (${via.url})`))
      .join('; ');
    console.error(`  ${finding.severity.toUpperCase()}: ${finding.name} ${finding.range} — ${titles}`);
  }
  console.log(
    `npm audit: ${counts.total} advisories for runtime packages (critical ${counts.critical}, high ${counts.high}, moderate ${counts.moderate}, low ${counts.low}).`,
  );
  return { outcome: serious.length > 0 ? 'findings' : 'clean', reason: '' };
}

/** The checks that need no advisory database; returns the problems found. */
function offlineChecks(packages) {
  const problems = [];
  const tree = parseJson(npm(['ls', '--omit=dev', '--all', '--json']).stdout);
  for (const problem of tree?.problems ?? []) problems.push(`installed tree: ${problem}`);
  if (!tree) problems.push('installed tree: `npm ls` gave no report');
  for (const pkg of packages) {
    if (!/^sha512-/.test(pkg.integrity ?? ''))
      problems.push(`${pkg.name}@${pkg.version}: no sha512 integrity hash in package-lock.json`);
    // `resolved` is absent from this lockfile (npm then uses the configured registry); a tarball
    // from anywhere must still match the integrity hash, which `npm ci` enforces.
    if (pkg.resolved !== undefined && !/^https:\/\//.test(pkg.resolved))
      problems.push(`${pkg.name}@${pkg.version}: resolved from a non-https source (${pkg.resolved})`);
    if (pkg.hasInstallScript && !ALLOWED_INSTALL_SCRIPTS.has(pkg.name))
      problems.push(`${pkg.name}@${pkg.version}: runs an install script`);
    const view = npm(['view', `${pkg.name}@${pkg.version}`, 'deprecated', '--json']);
    if (view.status !== 0)
      problems.push(
        `${pkg.name}@${pkg.version}: the registry could not be asked whether it is deprecated (${view.stderr.trim().split('\n').pop()})`,
      );
    else if (view.stdout.trim() !== '')
      problems.push(`${pkg.name}@${pkg.version}: deprecated — ${parseJson(view.stdout) ?? view.stdout.trim()}`);
  }
  return problems;
}

/** Whether the registry's package data here is stripped (no maintainers), so notices may be missing too. */
function isMetadataStripped(pkg) {
  const view = npm(['view', `${pkg.name}@${pkg.version}`, 'maintainers', '--json']);
  return view.status === 0 && view.stdout.trim() === '';
}

const packages = runtimePackages();
console.log(
  `== Dependency audit: ${packages.length} runtime packages (${packages.map((p) => `${p.name}@${p.version}`).join(', ')})`,
);
const advisories = auditAdvisories();
if (advisories.outcome === 'findings') {
  console.error(
    'FAILED: high or critical advisories affect packages the app ships (listed above). Update them, then run this again.',
  );
  process.exit(1);
}
if (advisories.outcome === 'clean') {
  console.log('PASSED: no high or critical advisories for the packages the app ships.');
  process.exit(0);
}

console.warn(
  `npm audit could not consult any advisory database: the registry's audit endpoint failed (${advisories.reason}).`,
);
console.warn(
  'Known vulnerabilities were therefore NOT checked. Running the checks that need no advisory database instead.',
);
const problems = offlineChecks(packages);
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ${problem}`);
  console.error(`FAILED: ${problems.length} problem(s) with runtime dependencies (listed above).`);
  process.exit(1);
}
if (packages[0] && isMetadataStripped(packages[0])) {
  console.warn(
    'Note: the registry reachable here serves package data without maintainers, so it may leave out deprecation notices as well; "none marked deprecated" means none was published here.',
  );
}
const closing = `advisories NOT checked (audit endpoint unusable); checked instead, all fine for ${packages.length} runtime packages: installed tree = lockfile, sha512 integrity pins, no install scripts, none marked deprecated by the registry.`;
if (process.env.REQUIRE_ADVISORIES === '1') {
  console.error(`FAILED (REQUIRE_ADVISORIES=1): ${closing}`);
  process.exit(1);
}
console.warn(`PASSED WITHOUT AN ADVISORY CHECK: ${closing}`);
