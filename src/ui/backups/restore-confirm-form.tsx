import { useId, useState, type FormEvent } from 'react';
import { MERGE_CONFLICT_RULE } from '../../core/backup/restore/plan';
import type { RestoreMode, RestoreOutcome, RestorePreview } from '../../worker/api';
import { useDatabase } from '../database-context';
import { plural } from '../shared/format';
import { Notice, type NoticeContent } from '../shared/notice';
import { RestorePreviewDetails } from '../sidebar/restore-preview';

const CONFIRM_WORD = 'RESTORE';

/**
 * The usual restore step for something already previewed (a snapshot, the latest file of the
 * backup folder): the preview, Replace or Merge, the typed RESTORE when replacing data, and
 * `Restore database`. A `Before restore` snapshot is taken first, so the restore can be undone.
 */
export function RestoreConfirmForm({ preview, onDone, onCancel }: { preview: RestorePreview; onDone: (outcome: RestoreOutcome) => void; onCancel: () => void }) {
  const { api, notifyChanged } = useDatabase();
  const [mode, setMode] = useState<RestoreMode>('replace');
  const [confirmText, setConfirmText] = useState('');
  const [isApplying, setApplying] = useState(false);
  const [problem, setProblem] = useState<NoticeContent | null>(null);
  const confirmId = useId();
  const needsTypedConfirm = mode === 'replace' && preview.liveHasData;
  const canRestore = !isApplying && (!needsTypedConfirm || confirmText.trim() === CONFIRM_WORD);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setApplying(true);
    setProblem(null);
    const result = await api.applyRestore(preview.previewId, mode);
    setApplying(false);
    if (!result.ok) {
      setProblem({ kind: 'error', text: result.error.message, ...(result.error.detail ? { detail: result.error.detail } : {}) });
      return;
    }
    await notifyChanged();
    onDone(result.value);
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="restore-form">
      <RestorePreviewDetails preview={preview} mode={mode} />
      <fieldset>
        <legend>How to restore</legend>
        <label className="radio">
          <input type="radio" name={`${confirmId}-mode`} value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          Replace: the database becomes exactly this copy
        </label>
        <label className="radio">
          <input type="radio" name={`${confirmId}-mode`} value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          Merge: add what is missing, delete nothing
        </label>
        {mode === 'merge' ? <p className="caption">{MERGE_CONFLICT_RULE}</p> : null}
      </fieldset>
      {needsTypedConfirm ? (
        <div className="field">
          <label htmlFor={confirmId}>Type RESTORE to confirm</label>
          <input id={confirmId} value={confirmText} autoComplete="off" aria-describedby={`${confirmId}-note`} onChange={(e) => setConfirmText(e.target.value)} />
          <span className="caption" id={`${confirmId}-note`}>Replacing removes what is in this browser now. A snapshot is taken first so you can undo.</span>
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={!canRestore}>
          {isApplying ? 'Restoring…' : 'Restore database'}
        </button>
        <button type="button" onClick={onCancel} disabled={isApplying}>Cancel</button>
      </div>
      {problem ? <Notice notice={problem} /> : null}
    </form>
  );
}

/** "Database restored successfully! Restored …: now 2 configurations, 10 upload records." */
export function describeRestored(outcome: RestoreOutcome, name: string): string {
  const { counts } = outcome;
  return `Database restored successfully! ${outcome.mode === 'merge' ? 'Merged' : 'Restored'} ${name}: now ${plural(counts.brokerage_configurations, 'configuration')}, ${plural(counts.upload_history, 'upload record')}. Check the configurations and recent uploads.`;
}
