#!/usr/bin/env node
// Makes sure a Chromium exists for the browser tests (Playwright drives Debian's Chromium; it never
// downloads its own). Looks at $CHROMIUM_PATH, else /usr/bin/chromium. When it is missing and we
// are root on a Debian-like system, installs the `chromium` package; otherwise stops and prints
// the command to run. Exit code 0 means the browser is there and answers `--version`.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

const chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_PATH;

if (!isExecutable(chromiumPath)) {
  if (process.env.CHROMIUM_PATH) {
    fail(
      `CHROMIUM_PATH is set to ${chromiumPath}, but no executable is there. Fix the path, or unset CHROMIUM_PATH to use ${DEFAULT_PATH}.`,
    );
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !commandExists('apt-get')) {
    fail(
      `Chromium is needed for the browser tests and was not found at ${chromiumPath}.\n` +
        `Install it (Debian/Ubuntu, as root):\n\n    ${INSTALL_COMMAND}\n\n` +
        'or set CHROMIUM_PATH to a Chromium binary. (Do not use `npx playwright install`: it downloads from the internet.)',
    );
  }
  console.log(`Chromium not found at ${chromiumPath}; installing Debian's chromium package:\n  ${INSTALL_COMMAND}`);
  const install = spawnSync('sh', ['-c', INSTALL_COMMAND], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status !== 0 || !isExecutable(chromiumPath)) {
    fail(
      `Installing Chromium failed (exit ${install.status ?? install.signal}). Run this yourself as root, then try again:\n\n    ${INSTALL_COMMAND}`,
    );
  }
}

const version = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8', timeout: 30_000 });
const versionLine = (version.stdout ?? '')
  .split('\n')
  .find((line) => /chrom/i.test(line))
  ?.trim();
if (version.status !== 0 || !versionLine) {
  fail(
    `${chromiumPath} exists but \`--version\` failed (exit ${version.status ?? version.signal}): ${(version.stderr ?? '').trim()}`,
  );
}
console.log(`Chromium for e2e tests: ${versionLine} (${chromiumPath})`);

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
