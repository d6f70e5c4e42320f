#!/usr/bin/env node
// node bench/security/run-zod-jitless.mjs — what zod's jitless mode (needed under our CSP, which
// forbids 'unsafe-eval') costs the backup reader: bundles the app's real reader for Node, then
// reads the same generated original-FF2API file with and without jitless, alternating, 3 rounds.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(REPO, 'bench/.out/security');
const build = spawnSync('npx', ['vite', 'build', '--ssr', 'bench/security/zod-jitless-entry.ts', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const results = { jit: [], jitless: [] };
const rows = { jit: [], jitless: [] };
for (let round = 0; round < 3; round += 1) {
  for (const jitless of [false, true]) {
    const run = spawnSync(process.execPath, [join(OUT, 'zod-jitless-entry.js')], { encoding: 'utf8', env: { ...process.env, ZOD_JITLESS: jitless ? '1' : '0' } });
    if (run.status !== 0) throw new Error(run.stderr);
    const line = JSON.parse(run.stdout.trim().split('\n').pop());
    results[jitless ? 'jitless' : 'jit'].push(line.originalReadMs);
    rows[jitless ? 'jitless' : 'jit'].push(line.rowValidationMs);
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const jit = med(results.jit);
const jitless = med(results.jitless);
console.log(`Reading an original FF2API 1.0 file with 100,000 history rows (median of 3 rounds × 5 runs):`);
console.log(`  zod with jit:      ${jit.toFixed(0)} ms   (${results.jit.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  zod jitless (CSP): ${jitless.toFixed(0)} ms   (${results.jitless.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  ratio jitless / jit: ${(jitless / jit).toFixed(2)}×, +${(jitless - jit).toFixed(0)} ms`);
const rowJit = med(rows.jit);
const rowJitless = med(rows.jitless);
console.log(`zod validation alone of the same 100,000 rows (an object schema of the reader's row shape):`);
console.log(`  jit ${rowJit.toFixed(0)} ms, jitless ${rowJitless.toFixed(0)} ms: ${(rowJitless / rowJit).toFixed(2)}×`);
