import './set-jitless';
import { readBackupFile } from '../../src/core/backup/read/read';
import { encodeUtf8 } from '../../src/core/backup/format/encoding';
import * as z from 'zod';

// The shape of the reader's original-upload row schema (src/core/backup/read/legacy-rows.ts),
// to time zod's row validation alone.
const count = z.union([z.int().min(0), z.null()]).optional();
const rowSchema = z.object({
  brokerage_name: z.string().max(1000).optional(),
  customer_name: z.string().max(1000).optional(),
  configuration_name: z.string().max(1000).nullable().optional(),
  filename: z.string().max(1000),
  total_records: count,
  successful_records: count,
  failed_records: count,
  error_log: z.unknown().optional(),
  upload_timestamp: z.string().max(100_000).nullable().optional(),
});

/**
 * Reads the same generated files many times with the app's real reader and prints the median
 * time of each: an original FF2API 1.0 backup (every history row checked by a zod object schema)
 * and one of ours (rows checked by hand, zod only for the envelope). Run twice by
 * run-zod-jitless.mjs, with and without jitless.
 */
const UPLOADS = Number(process.env.UPLOADS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 5);

function originalFile(): Uint8Array {
  const configurations = Array.from({ length: 200 }, (_, i) => ({
    brokerage_name: `Brokerage ${i % 40}`,
    configuration_name: `Config ${i}`,
    field_mappings: { 'load.loadNumber': 'load_no', 'load.mode': 'MANUAL_VALUE:FTL' },
    api_credentials: { base_url: 'https://api.prod.goaugment.com', api_key: `key-${i}` },
    auth_type: 'api_key',
    bearer_token: null,
    file_headers: null,
    created_at: '2026-11-20 10:00:00',
    updated_at: '2026-11-20 10:00:00',
    description: '',
  }));
  const uploads = Array.from({ length: UPLOADS }, (_, i) => ({
    brokerage_name: `Brokerage ${i % 40}`,
    configuration_name: `Config ${i % 200}`,
    filename: `loads_${i}.csv`,
    total_records: 10,
    successful_records: 9,
    failed_records: 1,
    upload_timestamp: `2026-11-${String(1 + (i % 28)).padStart(2, '0')} 08:${String(i % 60).padStart(2, '0')}:00`,
  }));
  return encodeUtf8(JSON.stringify({ backup_info: { created_at: '2026-11-22T00:43:03.352129', version: '1.0', app_version: 'FF2API v1.0' }, brokerage_configurations: configurations, upload_history: uploads }));
}

async function median(bytes: Uint8Array): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const start = performance.now();
    const result = await readBackupFile(bytes);
    if (!result.ok) throw new Error(result.error.message);
    if (run > 0) times.push(performance.now() - start); // run 0 warms up
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

function rowValidationMedian(rows: unknown[]): number {
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const start = performance.now();
    for (const row of rows) if (!rowSchema.safeParse(row).success) throw new Error('row refused');
    if (run > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const original = originalFile();
const rows = (JSON.parse(new TextDecoder().decode(original)) as { upload_history: unknown[] }).upload_history;
console.log(
  JSON.stringify({ jitless: process.env.ZOD_JITLESS === '1', uploads: UPLOADS, bytes: original.length, originalReadMs: await median(original), rowValidationMs: rowValidationMedian(rows) }),
);
