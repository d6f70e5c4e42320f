import { useEffect, useId, useRef, useState } from 'react';
import { DATA_TABLES, type DataTable } from '../../core/db/schema';
import type { UndoPreview } from '../../worker/snapshots/snapshot-api';
import { useDatabase } from '../database-context';
import { BackUpFirst } from '../shared/back-up-first';
import { describeCounts, formatLocalTime, plural } from '../shared/format';
import { Notice, type NoticeContent } from '../shared/notice';
import { useBackups } from './backups-context';

const TABLE_WORDS: Record<DataTable, [string, string]> = {
  brokerages: ['brokerage', 'brokerages'],
  brokerage_configurations: ['configuration', 'configurations'],
  upload_history: ['upload record', 'upload records'],
  processing_errors: ['processing error', 'processing errors'],
  configuration_changes: ['configuration change', 'configuration changes'],
};

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
    if (!result.ok) return setNotice({ kind: 'error', text: result.error.message, ...(result.error.detail ? { detail: result.error.detail } : {}) });
    const { counts } = result.value;
    setNotice({ kind: 'success', text: `Restore undone: the database is back as it was before it (${describeCounts(counts)} here now). A Before undo snapshot keeps what you had, so this undo can be undone too.` });
    await notifyChanged();
    await refresh();
  }

  return (
    <div className="undo">
      {/* Busy is aria-disabled, not disabled, so keyboard focus stays here until the result takes it. */}
      <button ref={triggerRef} type="button" onClick={() => void (isBusy ? undefined : open())} disabled={disabled} aria-disabled={isBusy}>
        {isBusy ? 'Preparing…' : 'Undo restore'}
      </button>
      <p className="caption">Returns to the database as it was {label}.</p>
      {notice ? <Notice notice={notice} takesFocus /> : null}
      {preview ? <UndoDialog preview={preview} onCancel={close} onConfirm={() => void confirm()} /> : null}
    </div>
  );
}

function UndoDialog({ preview, onCancel, onConfirm }: { preview: UndoPreview; onCancel: () => void; onConfirm: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const what = preview.kind === 'undo' ? `the undo of the restore of ${preview.sourceName}` : `the ${preview.kind === 'merge' ? 'merge' : 'restore'} of ${preview.sourceName}`;
  const effects = DATA_TABLES.flatMap((table) => {
    const c = preview.changes[table];
    const [one, many] = TABLE_WORDS[table];
    const words = [c.add ? `bring back ${plural(c.add, one, many)}` : '', c.update ? `change ${plural(c.update, one, many)}` : '', c.remove ? `remove ${plural(c.remove, one, many)}` : ''].filter(Boolean);
    return words.length ? [words.join(', ')] : [];
  });
  return (
    <dialog ref={ref} aria-labelledby={titleId} className="dialog-content undo-dialog" onCancel={(event) => { event.preventDefault(); onCancel(); }}>
      <h2 id={titleId} className="dialog-title">Undo {preview.kind === 'undo' ? 'the undo' : 'the restore'}?</h2>
      <p>
        This undoes {what}, done {formatLocalTime(preview.at)}: the database goes back to the snapshot taken just before it ({formatLocalTime(preview.snapshot.takenAt)}).
      </p>
      {effects.length ? (
        <>
          <p>Undoing will:</p>
          <ul>{effects.map((effect) => <li key={effect}>{effect}</li>)}</ul>
        </>
      ) : <p>The data is the same as in that snapshot: undoing changes no rows.</p>}
      {preview.changedSince ? (
        <BackUpFirst risk={`Changes made since then will be lost (the last at ${formatLocalTime(preview.changedSince.lastChangeAt)}).`}>
          {preview.changedSince.items.length ? <ul>{preview.changedSince.items.map((item) => <li key={item}>{item}</li>)}</ul> : null}
          {preview.changedSince.total > preview.changedSince.items.length ? <p>…and {preview.changedSince.total - preview.changedSince.items.length} more.</p> : null}
        </BackUpFirst>
      ) : (
        <p>Nothing was changed here since: nothing is lost by undoing.</p>
      )}
      <p className="caption">A “Before undo” snapshot is taken first, so you can undo this undo.</p>
      <div className="button-row dialog-buttons">
        <button type="button" autoFocus onClick={onCancel}>Cancel</button>
        <button type="button" className="danger" onClick={onConfirm}>Undo restore</button>
      </div>
    </dialog>
  );
}
