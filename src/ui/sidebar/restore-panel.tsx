import { useId, useRef, useState, type FormEvent } from 'react';
import { MAX_BACKUP_BYTES } from '../../core/backup/format/limits';
import { MERGE_CONFLICT_RULE } from '../../core/backup/restore/plan';
import type { AppError } from '../../core/result';
import type { BackupSource, RestoreMode, RestorePreview, RestoreWarning } from '../../worker/api';
import { useDatabase } from '../database-context';
import { formatBytes, plural } from '../shared/format';
import { Notice, type NoticeContent } from '../shared/notice';
import { ProblemList } from './problem-list';
import { RestorePreviewDetails, WarningList } from './restore-preview';

const CONFIRM_WORD = 'RESTORE';
const MESSAGES = {
  tooBig: (size: number) =>
    `This file is ${formatBytes(size)}, over the ${formatBytes(MAX_BACKUP_BYTES)} limit for backup files, so it was not read. Nothing was changed. Choose an ff2api_backup_….json file.`,
  notJsonName: 'Backup files end in .json (or .json.gz when compressed). Nothing was changed. Choose an ff2api_backup_….json file.',
};

type Phase =
  | { name: 'idle' }
  | { name: 'checking' }
  | { name: 'preview'; file: BackupSource; preview: RestorePreview }
  | { name: 'applying'; preview: RestorePreview };

/** `Restore from backup` → preview → `Restore database` (typed RESTORE when replacing data). */
export function RestorePanel({ disabled }: { disabled: boolean }) {
  const { api, status, notifyChanged } = useDatabase();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [mode, setMode] = useState<RestoreMode>('replace');
  const [confirmText, setConfirmText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [notice, setNotice] = useState<{ content: NoticeContent; error?: AppError; warnings?: RestoreWarning[] } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const confirmId = useId();

  const reset = () => {
    setPhase({ name: 'idle' });
    setConfirmText('');
    setPassphrase('');
    setMode('replace');
    if (inputRef.current) inputRef.current.value = '';
  };
  const showError = (error: AppError) => setNotice({ content: { kind: 'error', text: error.message, ...(error.detail ? { detail: error.detail } : {}) }, error });

  async function inspect(file: BackupSource, withPassphrase?: string) {
    setPhase({ name: 'checking' });
    const result = await api.inspectBackup(file, withPassphrase ? { passphrase: withPassphrase } : {});
    if (!result.ok) {
      showError(result.error);
      // A wrong passphrase keeps the file so the user can try again.
      if (withPassphrase && result.error.code === 'wrong-passphrase') {
        const locked = await api.inspectBackup(file);
        if (locked.ok) setPhase({ name: 'preview', file, preview: locked.value });
        else reset();
      } else reset();
      return;
    }
    setPhase({ name: 'preview', file, preview: result.value });
  }

  async function onFileChosen(fileList: FileList | null) {
    setNotice(null);
    const chosen = fileList?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_BACKUP_BYTES) return showError({ code: 'too-big', message: MESSAGES.tooBig(chosen.size) });
    if (!/\.json(\.gz)?$/i.test(chosen.name)) return showError({ code: 'not-json-name', message: MESSAGES.notJsonName });
    // The File goes to the worker as is: reading or copying 50 MB here would stall the page.
    await inspect({ name: chosen.name, contents: chosen });
  }

  async function onRestore(event: FormEvent) {
    event.preventDefault();
    if (phase.name !== 'preview') return;
    const { preview } = phase;
    setPhase({ name: 'applying', preview });
    const result = await api.applyRestore(preview.previewId, mode);
    if (!result.ok) {
      showError(result.error);
      reset();
      return;
    }
    const { counts, warnings } = result.value;
    setNotice({
      content: {
        kind: 'success',
        text: `Database restored successfully! ${mode === 'merge' ? 'Merged' : 'Restored'} ${preview.fileName}: now ${plural(counts.brokerage_configurations, 'configuration')}, ${plural(counts.upload_history, 'upload record')}. Check the configurations and recent uploads.`,
      },
      warnings,
    });
    reset();
    await notifyChanged();
  }

  async function onUndo() {
    const result = await api.undoRestore();
    if (!result.ok) return showError(result.error);
    setNotice({ content: { kind: 'success', text: `Restore undone: the database is back as it was before the restore (${plural(result.value.counts.brokerage_configurations, 'configuration')}, ${plural(result.value.counts.upload_history, 'upload')}).` } });
    await notifyChanged();
  }

  const preview = phase.name === 'preview' || phase.name === 'applying' ? phase.preview : null;
  const needsTypedConfirm = preview !== null && mode === 'replace' && preview.liveHasData;
  const canRestore = phase.name === 'preview' && !preview?.needsPassphrase && (!needsTypedConfirm || confirmText.trim() === CONFIRM_WORD);

  return (
    <section aria-labelledby="restore-heading" className="sidebar-section">
      <h3 id="restore-heading">Restore</h3>
      <label htmlFor={inputId} className="field">Restore from backup</label>
      <input
        id={inputId}
        ref={inputRef}
        type="file"
        accept=".json,.gz,application/json,application/gzip"
        disabled={disabled || phase.name === 'checking' || phase.name === 'applying'}
        onChange={(event) => void onFileChosen(event.target.files)}
      />
      <p className="caption">An ff2api_backup_….json or .json.gz file (from this app or the original FF2API). Files are read in pieces, so any size this browser’s memory can hold as a database restores; the text limit is 4 GB.</p>
      {phase.name === 'checking' ? <p role="status">Checking the file…</p> : null}
      {preview ? (
        <form onSubmit={(event) => void onRestore(event)} className="restore-form">
          <RestorePreviewDetails preview={preview} mode={mode} />
          {preview.needsPassphrase && phase.name === 'preview' ? (
            <div className="field">
              <label>
                Backup passphrase
                <input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
              </label>
              <button type="button" disabled={passphrase === ''} onClick={() => void inspect(phase.file, passphrase)}>
                Unlock backup
              </button>
            </div>
          ) : (
            <fieldset>
              <legend>How to restore</legend>
              <label className="radio">
                <input type="radio" name="restore-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
                Replace: the database becomes exactly the file’s content
              </label>
              <label className="radio">
                <input type="radio" name="restore-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
                Merge: add what is missing, delete nothing
              </label>
              {mode === 'merge' ? <p className="caption">{MERGE_CONFLICT_RULE}</p> : null}
            </fieldset>
          )}
          {needsTypedConfirm && !preview.needsPassphrase ? (
            <div className="field">
              <label htmlFor={confirmId}>Type RESTORE to confirm</label>
              <input id={confirmId} value={confirmText} autoComplete="off" aria-describedby={`${confirmId}-note`} onChange={(e) => setConfirmText(e.target.value)} />
              <span className="caption" id={`${confirmId}-note`}>Replacing removes what is in this browser now. A copy is kept so you can undo.</span>
            </div>
          ) : null}
          <div className="button-row">
            <button type="submit" className="primary" disabled={!canRestore}>
              {phase.name === 'applying' ? 'Restoring…' : 'Restore database'}
            </button>
            <button type="button" onClick={reset} disabled={phase.name === 'applying'}>Cancel</button>
          </div>
        </form>
      ) : null}
      {notice ? (
        <Notice notice={notice.content}>
          {notice.error?.problems ? <ProblemList error={notice.error} /> : null}
          {notice.warnings?.length ? <WarningList warnings={notice.warnings} /> : null}
        </Notice>
      ) : null}
      {status?.undo && phase.name === 'idle' ? (
        <div className="undo">
          <button type="button" onClick={() => void onUndo()} disabled={disabled}>Undo restore</button>
          <p className="caption">Returns to the database as it was {status.undo.label}.</p>
        </div>
      ) : null}
    </section>
  );
}
