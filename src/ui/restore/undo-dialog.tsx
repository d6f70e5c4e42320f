import { useEffect, useId, useRef } from 'react';
import { DATA_TABLES, type DataTable } from '../../core/db/schema';
import type { UndoPreview } from '../../worker/restore/restore-types';
import { BackUpFirst } from '../common/back-up-first';
import { formatLocalTime, plural } from '../common/format';

const TABLE_WORDS: Record<DataTable, [string, string]> = {
  brokerages: ['brokerage', 'brokerages'],
  brokerage_configurations: ['configuration', 'configurations'],
  upload_history: ['upload record', 'upload records'],
  processing_errors: ['processing error', 'processing errors'],
  configuration_changes: ['configuration change', 'configuration changes'],
};

/**
 * The dialog of `Undo restore` (./undo-restore-control.tsx): what the undo returns to, what it
 * brings back, changes and removes, and what was changed since (lost by undoing).
 */
export function UndoDialog({
  preview,
  onCancel,
  onConfirm,
}: {
  preview: UndoPreview;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const what =
    preview.kind === 'undo'
      ? `the undo of the restore of ${preview.sourceName}`
      : `the ${preview.kind === 'merge' ? 'merge' : 'restore'} of ${preview.sourceName}`;
  const effects = DATA_TABLES.flatMap((table) => {
    const c = preview.changes[table];
    const [one, many] = TABLE_WORDS[table];
    const words = [
      c.add ? `bring back ${plural(c.add, one, many)}` : '',
      c.update ? `change ${plural(c.update, one, many)}` : '',
      c.remove ? `remove ${plural(c.remove, one, many)}` : '',
    ].filter(Boolean);
    return words.length ? [words.join(', ')] : [];
  });
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="dialog-content undo-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        Undo {preview.kind === 'undo' ? 'the undo' : 'the restore'}?
      </h2>
      <p>
        This undoes {what}, done {formatLocalTime(preview.at)}: the database goes back to the snapshot taken just before
        it ({formatLocalTime(preview.snapshot.takenAt)}).
      </p>
      {preview.isTeamRestore ? (
        <p>
          <strong>It was a team restore: undoing it is too.</strong> Every teammate’s browser goes back to this data,
          keeps a “Before restore” snapshot first, and is told who undid it.
        </p>
      ) : null}
      {effects.length ? (
        <>
          <p>Undoing will:</p>
          <ul>
            {effects.map((effect) => (
              <li key={effect}>{effect}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>The data is the same as in that snapshot: undoing changes no rows.</p>
      )}
      {preview.changedSince ? (
        <BackUpFirst
          risk={`Changes made since then will be lost (the last at ${formatLocalTime(preview.changedSince.lastChangeAt)}).`}
        >
          {preview.changedSince.items.length ? (
            <ul>
              {preview.changedSince.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
          {preview.changedSince.total > preview.changedSince.items.length ? (
            <p>…and {preview.changedSince.total - preview.changedSince.items.length} more.</p>
          ) : null}
        </BackUpFirst>
      ) : (
        <p>Nothing was changed here since: nothing is lost by undoing.</p>
      )}
      <p className="caption">A “Before undo” snapshot is taken first, so you can undo this undo.</p>
      <div className="button-row dialog-buttons">
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          Undo restore
        </button>
      </div>
    </dialog>
  );
}
