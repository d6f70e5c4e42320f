import { useState } from 'react';
import type { RestorePreview } from '../../worker/restore/restore-types';
import { useBackups } from '../common/backups-context';
import { readLatestBackup } from '../common/lazy-folder-backup';
import { useDatabase } from '../common/database-context';
import { FoldingNotice } from '../common/folding-notice';
import type { NoticeContent } from '../common/notice';
import type { RestoreStep } from '../common/restore-step';

const MESSAGES = {
  unsupported:
    'Saving straight into the team’s backup folder needs Chrome or Edge. In this browser, backups are downloaded: move them into ff2api_backups/daily/ yourself.',
  noAccess: 'The browser did not allow reading the backup folder. Press “Reconnect backup folder” and allow access.',
};

/**
 * The backup folder in the sidebar: `Choose backup folder`, then its name, `Reconnect backup
 * folder` when the browser asks again, and `Restore latest from folder` (the usual preview, then
 * the restore feature's step, given by the shell).
 */
export function BackupFolderPanel({ RestoreStep }: { RestoreStep: RestoreStep }) {
  const { api } = useDatabase();
  const { folder, refresh } = useBackups();
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [restoring, setRestoring] = useState<{ preview: RestorePreview; name: string } | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function restoreLatest() {
    const root = folder.handle;
    if (!root || !(await folder.ensureAccess())) return setNotice({ kind: 'error', text: MESSAGES.noAccess });
    setBusy(true);
    setNotice(null);
    try {
      const latest = await readLatestBackup(root);
      if (!latest.ok) return setNotice({ kind: 'error', text: latest.message });
      const preview = await api.inspectBackup({ name: latest.file.name, contents: latest.file });
      if (!preview.ok) return setNotice({ kind: 'error', text: `${latest.path}: ${preview.error.message}` });
      setRestoring({ preview: preview.value, name: latest.path });
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
          {folder.state === 'connected'
            ? ' — backups are saved here (daily/, emergency/, archive/) and checked.'
            : ' — the browser needs your permission again.'}
        </p>
      ) : (
        <p className="caption">
          Choose the team’s ff2api_backups folder once: backups and the end-of-day file are then written there and
          checked.
        </p>
      )}
      <div className="button-row">
        {folder.state === 'needs-reconnect' ? (
          <button type="button" className="primary" onClick={() => void folder.reconnect().then(() => refresh())}>
            Reconnect backup folder
          </button>
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
          <button type="button" disabled={isBusy} onClick={() => void restoreLatest()}>
            Restore latest from folder
          </button>
        ) : null}
      </div>
      {notice ? <FoldingNotice notice={notice} takesFocus /> : null}
      {restoring ? (
        <RestoreStep
          preview={restoring.preview}
          name={restoring.name}
          onCancel={() => setRestoring(null)}
          onDone={(text) => {
            setNotice({ kind: 'success', text });
            setRestoring(null);
            void refresh();
          }}
        />
      ) : null}
    </section>
  );
}
