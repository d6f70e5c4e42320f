import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeTables, writeTables } from '../../unit/backup-support';

/**
 * A real backup file of `uploads` history rows (docs/performance.md's shape: 200 configurations, 20 % of
 * uploads with errors), written by the app's own writer in Node; cached per size, so the specs
 * that need a restore long enough to interrupt share one file.
 */
export async function largeBackupFile(uploads: number): Promise<string> {
  const path = join(tmpdir(), `ff2api-e2e-${uploads}-uploads-v2.1.json`);
  if (existsSync(path)) return path;
  const written = await writeTables(largeTables(uploads), { createdAt: '2026-11-01T17:00:00.000Z' });
  writeFileSync(`${path}.tmp`, written.bytes);
  writeFileSync(path, written.bytes);
  return path;
}
