import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../core/result';
import type { StorePreview } from '../../worker/team-store/store-restores';
import { useBackups } from '../common/backups-context';
import { useDatabase } from '../common/database-context';
import { Notice, type NoticeContent } from '../common/notice';
import { PassphraseField } from '../common/passphrase-field';
import type { RestoreStep } from '../common/restore-step';

/** Which backup of the store to restore: one from the list, or the newest of the team. */
export type StoreRestoreTarget = { key: string } | 'latest';

/**
 * Restoring a backup from the team store: the worker downloads it, opens every chunk and hands
 * the backup file inside to the usual preview; then the restore feature's step (typed RESTORE,
 * Restore database, undo) as for any file. A file encrypted with its own passphrase asks for it.
 * A refused object (tampered, not the team's) is an alert, and nothing of it is used.
 */
export function StoreRestore({
  target,
  RestoreStep,
  onClose,
  onDone,
}: {
  target: StoreRestoreTarget;
  RestoreStep: RestoreStep;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { api, notifyChanged } = useDatabase();
  const { refresh } = useBackups();
  const [state, setState] = useState<'opening' | 'asking' | 'ready' | 'failed'>('opening');
  const [opened, setOpened] = useState<StorePreview | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [passphrase, setPassphrase] = useState('');

  const open = useCallback(
    async (withPassphrase?: string) => {
      setState('opening');
      setNotice(null);
      const options = withPassphrase ? { passphrase: withPassphrase } : {};
      const result: Result<StorePreview> =
        target === 'latest'
          ? await api.inspectLatestStoreBackup(options)
          : await api.inspectStoreBackup(target.key, options);
      if (!result.ok) {
        const { message, detail } = result.error;
        setNotice({ kind: 'error', text: message, ...(detail ? { detail } : {}) });
        setState('failed');
        // A refused object is reported in the activity log and the store's health: show both.
        await notifyChanged();
        await refresh();
        return;
      }
      setOpened(result.value);
      setState(result.value.preview.needsPassphrase ? 'asking' : 'ready');
    },
    [api, target, notifyChanged, refresh],
  );

  // Opened once per target (callers keep the target in state, so it is the same object between renders).
  useEffect(() => {
    void open();
  }, [open]);

  if (state === 'opening') return <p role="status">Downloading the backup from the team store and checking it…</p>;
  if (state === 'failed' && notice) {
    return (
      <Notice notice={notice} takesFocus>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </Notice>
    );
  }
  if (state === 'asking' && opened) {
    return (
      <form
        className="store-restore-passphrase"
        onSubmit={(event) => {
          event.preventDefault();
          void open(passphrase);
        }}
      >
        <p>
          {opened.name} is encrypted with its own passphrase (chosen when it was made). Type it to see what it holds.
        </p>
        <PassphraseField
          label="Backup file passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="off"
        />
        <div className="button-row">
          <button type="submit" className="primary">
            Open the backup
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  if (state === 'ready' && opened) {
    return <RestoreStep preview={opened.preview} name={opened.name} onCancel={onClose} onDone={onDone} />;
  }
  return null;
}
