import { openAsBlob } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { loadBackup } from '../../src/core/backup/load/load-backup';
import { nameChanges } from '../../src/core/backup/restore/names';
import { withAttached } from '../../src/core/backup/restore/attach';
import { finishReplace } from '../../src/core/backup/restore/build';
import { writeBackupFile } from '../../src/core/backup/write/write';
import { exportDatabase, openDatabase } from '../../src/core/db/open';
import { SCHEMA_VERSION } from '../../src/core/db/schema';
import { loadSqlJs } from '../../tests/support/sqljs';
import { writeMillionFile } from '../node/million-file.mjs';

/**
 * Each step of a restore and a backup at SCALE_UPLOADS uploads (+ half as many errors), in Node
 * with the app's real code: what grows faster than the rows. `SCALE_UPLOADS=200000,500000`.
 */
const SIZES = (process.env.SCALE_UPLOADS ?? '100000').split(',').map(Number);

for (const uploads of SIZES) {
  it(`restore and backup at ${uploads} uploads`, async () => {
    const SQL = await loadSqlJs();
    const path = join(tmpdir(), `ff2api-bench-${uploads}-${uploads / 2}.json`);
    if (!existsSync(path)) await writeMillionFile(path, { uploads, errors: uploads / 2 });
    const file = await openAsBlob(path);
    const marks: [string, number, number][] = [];
    const t0 = performance.now();
    let last = -1;
    const cpu0 = process.cpuUsage();
    const cpu = () => {
      const u = process.cpuUsage(cpu0);
      return Math.round((u.user + u.system) / 1000);
    };
    const mark = (label: string) => marks.push([label, Math.round(performance.now() - t0), cpu()]);
    const loaded = await loadBackup(SQL, file, {
      onProgress: (f) => {
        const tenth = Math.floor(f * 20);
        if (tenth !== last) {
          last = tenth;
          mark(`progress ${(f * 100).toFixed(0)}%`);
        }
      },
    });
    mark('loaded');
    if (!loaded.ok || !('candidate' in loaded)) throw new Error(JSON.stringify(loaded));
    const live = openDatabase(SQL);
    const names = withAttached(loaded.candidate.db, live, 'live', () => nameChanges(loaded.candidate.db));
    mark('names');
    void names;
    const done = await finishReplace(loaded.candidate.db, live, {
      now: new Date().toISOString(),
      activity: { kind: 'restore', summary: 'scale', details: {} },
      origin: null,
    });
    mark('finishReplace');
    if (!done.ok) throw new Error(JSON.stringify(done));
    const bytes = exportDatabase(done.value);
    mark(`export ${Math.round(bytes.byteLength / 1e6)} MB`);
    const written = await writeBackupFile(done.value, [], {
      createdAt: new Date().toISOString(),
      trigger: 'manual',
      appVersion: 'scale',
      schemaVersion: SCHEMA_VERSION,
      secrets: 'plain',
      gzipAboveBytes: Infinity,
    });
    mark(`backup ${Math.round(written.blob.size / 1e6)} MB`);
    const heap = process.memoryUsage();
    console.log(
      JSON.stringify({
        uploads,
        fileMB: Math.round(file.size / 1e6),
        marks,
        rssMB: Math.round(heap.rss / 1e6),
        heapMB: Math.round(heap.heapUsed / 1e6),
        externalMB: Math.round(heap.external / 1e6),
        arrayBuffersMB: Math.round(heap.arrayBuffers / 1e6),
      }),
    );
    done.value.close();
    live.close();
  });
}
