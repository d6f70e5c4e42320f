import { useContext, useEffect, useId, useState } from 'react';
import { TRIGGER_LABELS } from '../../core/snapshots/triggers';
import type { RestorePreview } from '../../worker/restore/restore-types';
import type { SnapshotList, SnapshotRow } from '../../worker/snapshots/snapshot-types';
import { useDatabase } from '../common/database-context';
import { DownloadContext } from '../common/download-context';
import { formatBytes, formatLocalTime } from '../common/format';
import { Notice, type NoticeContent } from '../common/notice';
import { useNow } from '../common/use-now';
import { useBackupSettings } from '../common/backup-settings';
import { useBackups } from '../common/backups-context';
import type { RestoreStep } from '../common/restore-step';
import { RestoreToTime } from './restore-to-time';
import { SnapshotTableRow, type SnapshotActions } from './snapshot-row';

/**
 * `<section aria-label="Snapshots">`: `Take snapshot now` (with a note), the table of snapshots
 * with Restore / Download / Pin / Verify / Delete, `Restore to a time`, and the storage used.
 * Restoring one shows the restore feature's step, given by the shell.
 */
export function SnapshotsSection({ RestoreStep }: { RestoreStep: RestoreStep }) {
  const { api, revision, status } = useDatabase();
  const { snapshotsRevision, refresh, scheduleProblem } = useBackups();
  const { secrets, passphrase } = useBackupSettings();
  const download = useContext(DownloadContext);
  const [list, setList] = useState<SnapshotList | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [restoring, setRestoring] = useState<{ preview: RestorePreview; name: string } | null>(null);
  const noteId = useId();

  useEffect(() => {
    let isCurrent = true;
    void api.listSnapshots().then((next) => {
      if (isCurrent) setList(next);
    });
    return () => {
      isCurrent = false;
    };
  }, [api, revision, snapshotsRevision]);

  /** Runs one snapshot action, shows its outcome, and reloads the list. */
  async function act(id: string, work: () => Promise<NoticeContent | null>) {
    setBusy(id);
    setNotice(null);
    try {
      setNotice(await work());
    } finally {
      setBusy(null);
      await refresh();
    }
  }
  const failure = (error: { message: string; detail?: string }): NoticeContent => ({
    kind: 'error',
    text: error.message,
    ...(error.detail ? { detail: error.detail } : {}),
  });
  const label = (row: SnapshotRow) =>
    `the snapshot of ${formatLocalTime(row.takenAt)} (${TRIGGER_LABELS[row.trigger]})`;

  const openRestore = (row: SnapshotRow) =>
    act(row.id, async () => {
      const preview = await api.inspectSnapshot(row.id);
      if (!preview.ok) return failure(preview.error);
      setRestoring({ preview: preview.value, name: label(row) });
      return null;
    });
  const actions: SnapshotActions = {
    restore: (row) => void openRestore(row),
    download: (row) =>
      void act(row.id, async () => {
        const file = await api.downloadSnapshot(row.id, {
          secrets,
          ...(secrets === 'encrypted' ? { passphrase } : {}),
        });
        if (!file.ok) return failure(file.error);
        const handed = await download(file.value.blob, file.value.fileName);
        if (!handed.ok) return failure(handed.error);
        return {
          kind: 'success',
          text: `Downloaded ${label(row)} as ${file.value.fileName}: a normal backup file that restores anywhere.`,
        };
      }),
    setPinned: (row, pinned) =>
      void act(row.id, async () => {
        const result = await api.setSnapshotPinned(row.id, pinned);
        return result.ok
          ? {
              kind: 'success',
              text: pinned ? `Pinned ${label(row)}: retention keeps it until you unpin it.` : `Unpinned ${label(row)}.`,
            }
          : failure(result.error);
      }),
    verify: (row) =>
      void act(row.id, async () => {
        const result = await api.verifySnapshot(row.id);
        return result.ok
          ? {
              kind: 'success',
              text: `Verified ${label(row)}: it opens, passes SQLite’s checks, and matches what was saved.`,
            }
          : failure(result.error);
      }),
    remove: (row) =>
      void act(row.id, async () => {
        const result = await api.deleteSnapshot(row.id);
        return result.ok ? { kind: 'success', text: `Deleted ${label(row)}.` } : failure(result.error);
      }),
  };

  return (
    <section aria-label="Snapshots" className="catalog-section backups-section">
      <h2>Snapshots</h2>
      <p className="caption">
        Copies of the whole database kept inside this browser: taken after changes, every hour while you work, before
        every restore and delete, and at end of day. They protect against mistakes — not against the browser deleting
        its data: for that, backup files.
      </p>
      <div className="snapshot-take">
        <div className="field">
          <label htmlFor={noteId}>Note (optional)</label>
          <input id={noteId} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button
          type="button"
          className="primary"
          disabled={busy !== null || status?.isWriter === false}
          onClick={() =>
            void act('new', async () => {
              const taken = await api.takeSnapshot(note);
              if (!taken.ok) return failure(taken.error);
              setNote('');
              return {
                kind: 'success',
                text: `Snapshot taken and verified (${formatBytes(taken.value.storedBytes)}).`,
              };
            })
          }
        >
          {busy === 'new' ? 'Taking a snapshot…' : 'Take snapshot now'}
        </button>
      </div>
      {scheduleProblem ? <Notice notice={scheduleProblem} /> : null}
      {notice ? <Notice notice={notice} /> : null}
      {restoring ? (
        <div className="snapshot-restore" role="group" aria-label="Restore a snapshot">
          <h3>Restore {restoring.name}</h3>
          <RestoreStep
            preview={restoring.preview}
            name={restoring.name}
            onCancel={() => setRestoring(null)}
            onDone={(text) => {
              setRestoring(null);
              setNotice({ kind: 'success', text });
              void refresh();
            }}
          />
        </div>
      ) : null}
      <RestoreToTime onFound={(row) => void openRestore(row)} />
      {list === null ? (
        <p role="status">Loading snapshots…</p>
      ) : (
        <SnapshotTable list={list} actions={actions} busy={busy} />
      )}
    </section>
  );
}

function SnapshotTable({ list, actions, busy }: { list: SnapshotList; actions: SnapshotActions; busy: string | null }) {
  const now = useNow();
  return (
    <>
      <p className="caption">
        {list.snapshots.length} snapshot{list.snapshots.length === 1 ? '' : 's'}, {formatBytes(list.storedBytes)} of the{' '}
        {formatBytes(list.budgetBytes)} kept for snapshots
        {list.storage
          ? `; this site uses ${formatBytes(list.storage.usageBytes)} of ${formatBytes(list.storage.quotaBytes)} the browser allows`
          : ''}
        .
      </p>
      {list.snapshots.length === 0 ? (
        <p className="empty-state">
          No snapshots yet. The first one is taken shortly after the first change, or press Take snapshot now.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="snapshot-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Trigger</th>
                <th scope="col">Holds</th>
                <th scope="col">Size</th>
                <th scope="col">Check</th>
                <th scope="col">Why kept</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.snapshots.map((row) => (
                <SnapshotTableRow key={row.id} row={row} actions={actions} isBusy={busy !== null} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
