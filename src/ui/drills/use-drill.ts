import { useCallback, useState } from 'react';
import type { DrillOrigin, DrillOutcome } from '../../core/drills/drill-types';
import { pickDrillCandidate } from '../../core/drills/pick-drill';
import { useBackupSettings } from '../common/backup-settings';
import { useBackups } from '../common/backups-context';
import { useDatabase } from '../common/database-context';
import type { NoticeContent } from '../common/notice';
import { folderDrillSource, snapshotDrillSource, storeDrillSource, type DrillSource } from './drill-sources';

const MESSAGES = {
  nothing:
    'There is no backup there to drill yet (no verified snapshot, no backup file in the backup folder or the team store). Take a snapshot or write a backup first. Nothing was recorded.',
  folderRefused: 'The browser did not allow reading the backup folder, so the drill picked among the snapshots only.',
};

/** A number in [0, 1) from the browser's cryptographic random source: the pick must not be predictable. */
function cryptoRandom(): number {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return (value ?? 0) / 2 ** 32;
}

/**
 * `Run a drill`: lists the recent backups of every source (the snapshots, the backup folder when
 * it is connected and readable, the team store when one is connected), picks one at random, and
 * runs the drill on it in its source.
 */
export function useDrill() {
  const { api, notifyChanged } = useDatabase();
  const { folder, refresh, overview } = useBackups();
  const hasStore = Boolean(overview?.store);
  const { passphrase } = useBackupSettings();
  const [running, setRunning] = useState<string | null>(null);
  const [result, setResult] = useState<{ outcome: DrillOutcome | null; notice: NoticeContent } | null>(null);

  /** Runs a drill on a backup picked at random from `from` (every source when 'any'). */
  const run = useCallback(
    async (from: DrillOrigin | 'any') => {
      setResult(null);
      setRunning('Choosing a backup…');
      try {
        const sources: DrillSource[] = from === 'any' || from === 'snapshot' ? [snapshotDrillSource(api)] : [];
        if (hasStore && (from === 'any' || from === 'store')) sources.push(storeDrillSource(api));
        const hasFolder =
          (from === 'any' || from === 'folder') && folder.handle !== null && (await folder.ensureAccess());
        if (folder.handle && hasFolder) sources.push(folderDrillSource(api, folder.handle));
        const lists = await Promise.all(sources.map((source) => source.list()));
        const picked = pickDrillCandidate(lists.flat(), new Date(), cryptoRandom);
        const source = picked ? sources.find((s) => s.origin === picked.origin) : undefined;
        if (!picked || !source) return setResult({ outcome: null, notice: { kind: 'error', text: MESSAGES.nothing } });
        setRunning(`Running a drill on ${picked.name}…`);
        const drilled = await source.run(picked, passphrase ? { passphrase } : {});
        if (!drilled.ok) return setResult({ outcome: null, notice: { kind: 'error', text: drilled.error.message } });
        const outcome = drilled.value;
        const note =
          (from === 'any' || from === 'folder') && folder.handle && !hasFolder ? ` ${MESSAGES.folderRefused}` : '';
        setResult({
          outcome,
          notice:
            outcome.outcome === 'passed'
              ? { kind: 'success', text: `Drill passed: ${picked.name} — ${outcome.notes[0] ?? ''}${note}` }
              : { kind: 'error', text: `Drill failed: ${picked.name} — ${outcome.notes[0] ?? ''}${note}` },
        });
        await notifyChanged();
        await refresh();
      } finally {
        setRunning(null);
      }
    },
    [api, folder, hasStore, passphrase, notifyChanged, refresh],
  );

  return { run, running, result };
}
