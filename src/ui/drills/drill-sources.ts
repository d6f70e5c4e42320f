import type { DrillCandidate, DrillOrigin, DrillOutcome } from '../../core/drills/drill-types';
import type { Result } from '../../core/result';
import { timeInBackupName } from '../../core/snapshots/folder-retention';
import { listFiles, readFile, subfolder } from '../../platform/backup-folder';
import type { DatabaseApi } from '../../worker/api';

/**
 * Where a drill may find backups. Each source lists the recent backups it holds and runs a drill
 * on one of them; the drill picks among all sources' lists. Snapshots and the backup folder are
 * sources, and the team store once one is connected.
 */
export interface DrillSource {
  origin: DrillOrigin;
  /** The backups this source holds (newest first is fine; the pick is random). */
  list(): Promise<DrillCandidate[]>;
  /** Runs the drill on one of its own candidates. */
  run(candidate: DrillCandidate, options: { passphrase?: string }): Promise<Result<DrillOutcome>>;
}

/** The snapshots kept in this browser (opened in the worker). */
export function snapshotDrillSource(api: DatabaseApi): DrillSource {
  return {
    origin: 'snapshot',
    list: () => api.listSnapshotDrillCandidates(),
    run: (candidate) => api.runDrill(candidate),
  };
}

/** The team's backups in the store (any browser's; fetched, opened and checked in the worker). */
export function storeDrillSource(api: DatabaseApi): DrillSource {
  return {
    origin: 'store',
    async list() {
      const listed = await api.listStoreBackups();
      if (!listed.ok) return [];
      return listed.value.backups.map((row) => ({
        origin: 'store' as const,
        id: row.key,
        name: row.fileName,
        at: row.createdAt,
      }));
    },
    run: (candidate, options) => api.runDrill(candidate, undefined, options),
  };
}

/** The backup folder's daily/ and emergency/ files with exact names (read here, checked in the worker). */
export function folderDrillSource(api: DatabaseApi, root: FileSystemDirectoryHandle): DrillSource {
  return {
    origin: 'folder',
    async list() {
      const candidates: DrillCandidate[] = [];
      for (const dir of ['daily', 'emergency'] as const) {
        const opened = await subfolder(root, dir);
        if (!opened.ok) continue;
        const names = await listFiles(opened.value);
        if (!names.ok) continue;
        for (const name of names.value) {
          const at = timeInBackupName(name, dir);
          if (at) candidates.push({ origin: 'folder', id: `${dir}/${name}`, name, at: at.toISOString() });
        }
      }
      return candidates;
    },
    async run(candidate, options) {
      const [dir, name] = candidate.id.split('/');
      const opened = await subfolder(root, dir ?? '');
      if (!opened.ok) return { ok: false, error: { code: 'folder-read-failed', message: opened.failure.message } };
      const file = await readFile(opened.value, name ?? '');
      if (!file.ok) return { ok: false, error: { code: 'folder-read-failed', message: file.failure.message } };
      return api.runDrill(candidate, { name: candidate.name, contents: file.value }, options);
    },
  };
}
