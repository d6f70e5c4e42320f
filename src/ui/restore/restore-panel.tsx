import { useEffect, useRef, useState } from 'react';
import { MAX_BACKUP_BYTES } from '../../core/backup/format/limits';
import type { AppError } from '../../core/result';
import type { BackupSource } from '../../worker/backup-files/backup-file-types';
import type { RestoreMode } from '../../core/backup/restore/changes';
import type { RestorePreview } from '../../worker/restore/restore-types';
import type { RestoreWarning } from '../../core/backup/read/problems';
import { useDataDeleted } from '../common/data-deleted-context';
import { useDatabase } from '../common/database-context';
import { describeCounts, formatBytes } from '../common/format';
import { lazyPanel } from '../common/lazy-panel';
import { FoldingNotice } from '../common/folding-notice';
import { focusAndReveal, type NoticeContent } from '../common/notice';
import type { TeamNote } from '../common/team-note';
import { hasChangesSinceBackup } from '../common/changes-since-backup';
import { RestoreDropZone } from './restore-drop-zone';
import { readRestoreNote } from './restore-note';
import { UndoRestoreControl } from './undo-restore-control';

// What follows a chosen file (the restore form with its preview in names, the passphrase form,
// the list of problems, the team note) loads when first needed; choosing a file starts loading
// the form at once, alongside the worker's check of the file.
const RestoreChoiceForm = lazyPanel(() => import('./restore-choice-form').then((m) => m.RestoreChoiceForm));
const RestorePreviewDetails = lazyPanel(() => import('./restore-preview').then((m) => m.RestorePreviewDetails));
const WarningList = lazyPanel(() => import('./restore-preview').then((m) => m.WarningList));
const RestoreUnlockForm = lazyPanel(() => import('./restore-unlock-form').then((m) => m.RestoreUnlockForm));
const ProblemList = lazyPanel(() => import('./problem-list').then((m) => m.ProblemList));
const CopyNoteButton = lazyPanel(() => import('../common/copy-note-button').then((m) => m.CopyNoteButton));

const MESSAGES = {
  tooBig: (size: number) =>
    `This file is ${formatBytes(size)}, over the ${formatBytes(MAX_BACKUP_BYTES)} limit for backup files, so it was not read. Nothing was changed. Choose an ff2api_backup_….json file.`,
  notJsonName:
    'Backup files end in .json (or .json.gz when compressed). Nothing was changed. Choose an ff2api_backup_….json file.',
};

type Phase =
  | { name: 'idle' }
  | { name: 'checking' }
  | { name: 'preview'; file: BackupSource; preview: RestorePreview; hadUnsavedChanges: boolean }
  | { name: 'applying'; preview: RestorePreview; hadUnsavedChanges: boolean };

interface PanelNotice {
  content: NoticeContent;
  error?: AppError;
  warnings?: RestoreWarning[];
  teamNote?: TeamNote;
}

/** `Restore from backup` → preview → `Restore database` (typed RESTORE when replacing data). */
export function RestorePanel({ disabled }: { disabled: boolean }) {
  const { api, status, notifyChanged } = useDatabase();
  const { deleted } = useDataDeleted();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [mode, setMode] = useState<RestoreMode>('replace');
  const [confirmText, setConfirmText] = useState('');
  const [unlockError, setUnlockError] = useState<AppError | null>(null);
  const [isUnlocking, setUnlocking] = useState(false);
  const [notice, setNotice] = useState<PanelNotice | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);

  const preview = phase.name === 'preview' || phase.name === 'applying' ? phase.preview : null;
  // A new preview (a file chosen, or unlocked) scrolls into view and its heading takes focus.
  useEffect(() => {
    if (preview) focusAndReveal(previewHeadingRef.current, 'start');
  }, [preview]);

  const reset = () => {
    setPhase({ name: 'idle' });
    setConfirmText('');
    setUnlockError(null);
    setMode('replace');
    if (inputRef.current) inputRef.current.value = '';
  };
  const showError = (error: AppError) =>
    setNotice({
      content: { kind: 'error', text: error.message, ...(error.detail ? { detail: error.detail } : {}) },
      error,
    });

  async function onFileChosen(fileList: FileList | null) {
    setNotice(null);
    setUnlockError(null);
    const chosen = fileList?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_BACKUP_BYTES) return showError({ code: 'too-big', message: MESSAGES.tooBig(chosen.size) });
    if (!/\.json(\.gz)?$/i.test(chosen.name))
      return showError({ code: 'not-json-name', message: MESSAGES.notJsonName });
    setPhase({ name: 'checking' });
    void RestoreChoiceForm.preload().catch(() => undefined); // shown with its own message if it fails
    // The File goes to the worker as is: reading or copying 50 MB here would stall the page.
    const file = { name: chosen.name, contents: chosen };
    const result = await api.inspectBackup(file);
    if (!result.ok) {
      showError(result.error);
      reset();
      return;
    }
    setPhase({ name: 'preview', file, preview: result.value, hadUnsavedChanges: hasChangesSinceBackup(status) });
  }

  async function onUnlock(passphrase: string) {
    if (phase.name !== 'preview') return;
    setUnlocking(true);
    setUnlockError(null);
    try {
      const result = await api.inspectBackup(phase.file, { passphrase });
      // A wrong passphrase keeps the file, so the user can try again.
      if (!result.ok && result.error.code === 'wrong-passphrase') return setUnlockError(result.error);
      if (!result.ok) {
        showError(result.error);
        reset();
        return;
      }
      setPhase({ ...phase, preview: result.value });
    } finally {
      setUnlocking(false);
    }
  }

  async function onRestore() {
    if (phase.name !== 'preview' || phase.preview.needsPassphrase) return;
    const { preview } = phase;
    setPhase({ name: 'applying', preview, hadUnsavedChanges: phase.hadUnsavedChanges });
    // Restoring a browser that lost its data brings the person's name back too (settings-from-file.ts).
    const result = await api.applyRestore(preview.previewId, mode, { isRecovery: deleted !== null });
    if (!result.ok) {
      showError(result.error);
      reset();
      return;
    }
    const { counts, warnings } = result.value;
    const teamNote = await readRestoreNote(api, preview.fileName, mode, counts);
    setNotice({
      content: {
        kind: 'success',
        text: result.value.isTeamRestore
          ? `The team database was replaced with ${preview.fileName}. ${describeCounts(counts)} here now; every teammate’s browser takes it at its next sync.`
          : `Database restored successfully! ${mode === 'merge' ? 'Merged' : 'Restored'} ${preview.fileName}. ${describeCounts(counts)} here now. Check the configurations and recent uploads.`,
      },
      warnings,
      ...(teamNote ? { teamNote } : {}),
    });
    reset();
    await notifyChanged();
  }

  const hadUnsaved = phase.name === 'preview' || phase.name === 'applying' ? phase.hadUnsavedChanges : false;

  return (
    <section aria-labelledby="restore-heading" className="sidebar-section">
      <h3 id="restore-heading">Restore</h3>
      <RestoreDropZone
        maxBytes={MAX_BACKUP_BYTES}
        inputRef={inputRef}
        disabled={disabled || phase.name === 'checking' || phase.name === 'applying'}
        onFiles={(files) => void onFileChosen(files)}
      />
      {phase.name === 'checking' ? <p role="status">Checking the file…</p> : null}
      {preview ? (
        <>
          <h4 ref={previewHeadingRef} tabIndex={-1} className="preview-heading">
            Restore preview
          </h4>
          {preview.needsPassphrase && phase.name === 'preview' ? (
            <>
              <RestorePreviewDetails preview={preview} mode={mode} />
              <RestoreUnlockForm
                isBusy={isUnlocking}
                error={unlockError}
                onUnlock={(passphrase) => void onUnlock(passphrase)}
              />
              <div className="button-row">
                <button type="button" onClick={reset}>
                  Cancel
                </button>
              </div>
            </>
          ) : (
            <RestoreChoiceForm
              preview={preview}
              subject="the file’s content"
              label="Restore this file"
              mode={mode}
              onModeChange={setMode}
              confirmText={confirmText}
              onConfirmTextChange={setConfirmText}
              hadUnsavedChanges={hadUnsaved}
              isApplying={phase.name === 'applying'}
              onSubmit={() => void onRestore()}
              onCancel={reset}
            />
          )}
        </>
      ) : null}
      {notice ? (
        <FoldingNotice notice={notice.content} takesFocus keeps={(notice.warnings?.length ?? 0) > 0}>
          {notice.error?.problems ? <ProblemList error={notice.error} /> : null}
          {notice.warnings?.length ? <WarningList warnings={notice.warnings} /> : null}
          {notice.teamNote ? <CopyNoteButton note={notice.teamNote} /> : null}
        </FoldingNotice>
      ) : null}
      {status?.undo && phase.name === 'idle' ? (
        <UndoRestoreControl label={status.undo.label} disabled={disabled} />
      ) : null}
    </section>
  );
}
