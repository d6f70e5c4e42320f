import { useState } from 'react';
import { newestBackupInFolder } from '../../core/snapshots/folder-retention';
import { listFiles, readFile, subfolder } from '../../platform/backup-folder';
import type { RestorePreview } from '../../worker/api';
import { useBackups } from '../backups/backups-context';
import { describeRestored, RestoreConfirmForm } from '../backups/restore-confirm-form';
import { useDatabase } from '../database-context';
import { Notice, type NoticeContent } from '../shared/notice';

const MESSAGES = {
  unsupported: 'Saving straight into the team’s backup folder needs Chrome or Edge. In this browser, backups are downloaded: move them into ff2api_backups/daily/ yourself.',
  noFiles: 'The backup folder holds no ff2api_backup_….json file in daily/ or emergency/. Nothing was changed.',
};

/**
 * The backup folder in the sidebar: `Choose backup folder`, then its name, `Reconnect backup
 * folder` when the browser asks again, and `Restore latest from folder` (the usual preview).
 */
export function BackupFolderPanel() {
  const { api } = useDatabase();
  const { folder, refresh } = useBackups();
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [restoring, setRestoring] = useState<{ preview: RestorePreview; name: string } | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function restoreLatest() {
    const root = folder.handle;
    if (!root || !(await folder.ensureAccess())) return setNotice({ kind: 'error', text: 'The browser did not allow reading the backup folder. Press “Reconnect backup folder” and allow access.' });
    setBusy(true);
    setNotice(null);
    try {
      const dirs = await Promise.all([subfolder(root, 'daily'), subfolder(root, 'emergency')]);
      const lists = await Promise.all(dirs.map((d) => (d.ok ? listFiles(d.value) : Promise.resolve(d))));
      const [daily, emergency] = lists;
      if (!daily?.ok || !emergency?.ok) return setNotice({ kind: 'error', text: (!daily?.ok ? daily?.failure : !emergency?.ok ? emergency?.failure : null)?.message ?? MESSAGES.noFiles });
      const newest = newestBackupInFolder({ daily: daily.value, emergency: emergency.value });
      const dir = newest ? dirs[newest.dir === 'daily' ? 0 : 1] : null;
      if (!newest || !dir?.ok) return setNotice({ kind: 'error', text: MESSAGES.noFiles });
      const file = await readFile(dir.value, newest.name);
      if (!file.ok) return setNotice({ kind: 'error', text: file.failure.message });
      const preview = await api.inspectBackup({ name: newest.name, contents: file.value });
      if (!preview.ok) return setNotice({ kind: 'error', text: `${newest.dir}/${newest.name}: ${preview.error.message}` });
      setRestoring({ preview: preview.value, name: `${newest.dir}/${newest.name}` });
    } finally {
      setBusy(false);
    }
  }

  if (!folder.isSupported) {
    return (
      <section aria-label="Backup folder" className="sidebar-section">
        <h3>Backup folder</h3>
        <p className="caption">{MESSAGES.unsupported}</p>
      </section>
    );
  }
  return (
    <section aria-label="Backup folder" className="sidebar-section">
      <h3>Backup folder</h3>
      {folder.handle ? (
        <p>
          <span className="folder-name">{folder.handle.name}</span>
          {folder.state === 'connected' ? ' — backups are saved here (daily/, emergency/, archive/) and checked.' : ' — the browser needs your permission again.'}
        </p>
      ) : (
        <p className="caption">Choose the team’s ff2api_backups folder once: backups and the end-of-day file are then written there and checked.</p>
      )}
      <div className="button-row">
        {folder.state === 'needs-reconnect' ? (
          <button type="button" className="primary" onClick={() => void folder.reconnect().then(() => refresh())}>Reconnect backup folder</button>
        ) : null}
        <button
          type="button"
          onClick={() =>
            void folder.choose().then(async (failure) => {
              setNotice(failure ? { kind: 'error', text: failure.message, detail: failure.detail } : null);
              await refresh();
            })
          }
        >
          Choose backup folder
        </button>
        {folder.handle ? (
          <button type="button" disabled={isBusy} onClick={() => void restoreLatest()}>Restore latest from folder</button>
        ) : null}
      </div>
      {notice ? <Notice notice={notice} /> : null}
      {restoring ? (
        <RestoreConfirmForm
          preview={restoring.preview}
          onCancel={() => setRestoring(null)}
          onDone={(outcome) => {
            setNotice({ kind: 'success', text: describeRestored(outcome, restoring.name) });
            setRestoring(null);
            void refresh();
          }}
        />
      ) : null}
    </section>
  );
}
