import { useState } from 'react';
import type { RestoreMode } from '../../core/backup/restore/changes';
import type { RestoreOutcome, RestorePreview } from '../../worker/restore/restore-types';
import { useDataDeleted } from '../common/data-deleted-context';
import { useDatabase } from '../common/database-context';
import { plural } from '../common/format';
import { Notice, type NoticeContent } from '../common/notice';
import { hasChangesSinceBackup } from '../common/changes-since-backup';
import { RestoreChoiceForm } from './restore-choice-form';

/**
 * The usual restore step for something already previewed (a snapshot, the latest file of the
 * backup folder): the same form as a chosen file's (restore-choice-form.tsx). A `Before restore`
 * snapshot is taken first, so the restore can be undone.
 */
export function RestoreConfirmForm({
  preview,
  onDone,
  onCancel,
}: {
  preview: RestorePreview;
  onDone: (outcome: RestoreOutcome) => void;
  onCancel: () => void;
}) {
  const { api, status, notifyChanged } = useDatabase();
  const { deleted } = useDataDeleted();
  const [mode, setMode] = useState<RestoreMode>('replace');
  const [confirmText, setConfirmText] = useState('');
  const [isApplying, setApplying] = useState(false);
  const [problem, setProblem] = useState<NoticeContent | null>(null);
  // As the preview was made: changes that are in no backup file then are what replacing loses.
  const [hadUnsavedChanges] = useState(() => hasChangesSinceBackup(status));

  async function apply() {
    setApplying(true);
    setProblem(null);
    // Restoring a browser that lost its data brings the person's name back too (settings-from-file.ts).
    const result = await api.applyRestore(preview.previewId, mode, { isRecovery: deleted !== null });
    setApplying(false);
    if (!result.ok) {
      setProblem({
        kind: 'error',
        text: result.error.message,
        ...(result.error.detail ? { detail: result.error.detail } : {}),
      });
      return;
    }
    await notifyChanged();
    onDone(result.value);
  }

  return (
    <>
      <RestoreChoiceForm
        preview={preview}
        subject="this copy"
        label={`Restore ${preview.fileName}`}
        mode={mode}
        onModeChange={setMode}
        confirmText={confirmText}
        onConfirmTextChange={setConfirmText}
        hadUnsavedChanges={hadUnsavedChanges}
        isApplying={isApplying}
        onSubmit={() => void apply()}
        onCancel={onCancel}
      />
      {problem ? <Notice notice={problem} takesFocus /> : null}
    </>
  );
}

/** "Database restored successfully! Restored …: now 2 configurations, 10 upload records." */
export function describeRestored(outcome: RestoreOutcome, name: string): string {
  const { counts } = outcome;
  if (outcome.isTeamRestore)
    return `The team database was replaced with ${name}: now ${plural(counts.brokerage_configurations, 'configuration')}, ${plural(counts.upload_history, 'upload record')}; every teammate’s browser takes it at its next sync.`;
  return `Database restored successfully! ${outcome.mode === 'merge' ? 'Merged' : 'Restored'} ${name}: now ${plural(counts.brokerage_configurations, 'configuration')}, ${plural(counts.upload_history, 'upload record')}. Check the configurations and recent uploads.`;
}
