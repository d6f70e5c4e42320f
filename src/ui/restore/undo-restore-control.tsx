import { useRef, useState } from 'react';
import type { UndoPreview } from '../../worker/restore/restore-types';
import { useDatabase } from '../common/database-context';
import { describeCounts } from '../common/format';
import { lazyPanel } from '../common/lazy-panel';
import { FoldingNotice } from '../common/folding-notice';
import type { NoticeContent } from '../common/notice';
import { useBackups } from '../common/backups-context';

// The dialog opens on `Undo restore`, after the worker described the undo: loaded then.
const UndoDialog = lazyPanel(() => import('./undo-dialog').then((m) => m.UndoDialog));

/**
 * `Undo restore` that cannot surprise: it opens a dialog that says what is undone and what was
 * changed since (those changes are lost), and only `Undo restore` in the dialog does it — after a
 * `Before undo` snapshot, so that the undo can itself be undone.
 */
export function UndoRestoreControl({ label, disabled }: { label: string; disabled: boolean }) {
  const { api, notifyChanged } = useDatabase();
  const { refresh } = useBackups();
  const [preview, setPreview] = useState<UndoPreview | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  async function open() {
    setBusy(true);
    setNotice(null);
    void UndoDialog.preload().catch(() => undefined); // alongside the worker's description; a failure shows in place
    const described = await api.describeUndo();
    setBusy(false);
    if (!described.ok) return setNotice({ kind: 'error', text: described.error.message });
    setPreview(described.value);
  }
  const close = () => {
    setPreview(null);
    triggerRef.current?.focus();
  };
  async function confirm() {
    setPreview(null);
    setBusy(true);
    const result = await api.undoRestore();
    setBusy(false);
    if (!result.ok)
      return setNotice({
        kind: 'error',
        text: result.error.message,
        ...(result.error.detail ? { detail: result.error.detail } : {}),
      });
    const { counts } = result.value;
    setNotice({
      kind: 'success',
      text: result.value.isTeamRestore
        ? `Team restore undone: the team’s database is back as it was before it (${describeCounts(counts)} here now); every teammate’s browser takes it at its next sync. A Before undo snapshot keeps what you had.`
        : `Restore undone: the database is back as it was before it (${describeCounts(counts)} here now). A Before undo snapshot keeps what you had, so this undo can be undone too.`,
    });
    await notifyChanged();
    await refresh();
  }

  return (
    <div className="undo">
      {/* Busy is aria-disabled, not disabled, so keyboard focus stays here until the result takes it. */}
      <button
        ref={triggerRef}
        type="button"
        onClick={() => void (isBusy ? undefined : open())}
        disabled={disabled}
        aria-disabled={isBusy}
      >
        {isBusy ? 'Preparing…' : 'Undo restore'}
      </button>
      {/* One line: the dialog says in full what is undone before anything happens. */}
      <p className="caption one-line" title={`Returns to the database as it was ${label}.`}>
        Back to the database as it was {label}.
      </p>
      {notice ? <FoldingNotice notice={notice} takesFocus /> : null}
      {preview ? <UndoDialog preview={preview} onCancel={close} onConfirm={() => void confirm()} /> : null}
    </div>
  );
}
