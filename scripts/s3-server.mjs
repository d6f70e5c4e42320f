// Starts and stops the test S3 server (single-node Ceph RGW, scripts/s3-server/start.sh) for
// Vitest's and Playwright's global setup. The server is started once: when one already answers
// (another run, or a developer started it by hand) it is reused and left running afterwards; a
// server this process started is stopped again by stopS3Server(). The connection details go into
// process.env (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, …), which test
// workers inherit.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = join(dirname(fileURLToPath(import.meta.url)), 's3-server');
let startedHere = false;

/** True when something answers HTTP on the endpoint (a 200 on `GET /` from RGW). */
async function answers(endpoint) {
  try {
    const response = await fetch(`${endpoint}/`, { signal: AbortSignal.timeout(2000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/** KEY=value lines printed by start.sh, as an object. */
function parseEnvLines(text) {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^(S3_[A-Z_]+)=(.*)$/.exec(line.trim()))
      .filter(Boolean)
      .map((match) => [match[1], match[2]]),
  );
}

/**
 * Makes sure the server runs and its test buckets exist; returns the details (also set in
 * process.env) and how long it took.
 */
export async function startS3Server({ quiet = false } = {}) {
  const port = process.env.S3_PORT ?? '17480';
  const wasRunning = await answers(`http://127.0.0.1:${port}`);
  const started = performance.now();
  const run = spawnSync('bash', [join(HERE, 'start.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'],
    env: process.env,
  });
  if (run.status !== 0) {
    const why = quiet ? `\n${run.stderr ?? ''}` : '';
    throw new Error(`The test S3 server (Ceph RGW) did not start (exit ${run.status ?? run.signal}).${why}`);
  }
  startedHere ||= !wasRunning;
  const details = parseEnvLines(run.stdout);
  Object.assign(process.env, details);
  return { details, startedHere: !wasRunning, seconds: (performance.now() - started) / 1000 };
}

/** Stops the server, but only when this process started it. */
export function stopS3Server() {
  if (!startedHere) return false;
  spawnSync('bash', [join(HERE, 'stop.sh')], { stdio: 'inherit', env: process.env });
  startedHere = false;
  return true;
}

// `node scripts/s3-server.mjs start|stop` for trying the app against the test server by hand.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command === 'start') {
    const { details, seconds } = await startS3Server();
    for (const [key, value] of Object.entries(details)) console.log(`${key}=${value}`);
    console.error(`ready in ${seconds.toFixed(1)} s`);
  } else if (command === 'stop') {
    spawnSync('bash', [join(HERE, 'stop.sh'), ...process.argv.slice(3)], { stdio: 'inherit' });
  } else {
    console.error('usage: node scripts/s3-server.mjs start | stop [--purge]');
    process.exit(2);
  }
}
