import { useDatabase } from '../common/database-context';

const TASK_LABELS = {
  backup: 'Preparing the backup',
  check: 'Checking the file',
  restore: 'Restoring',
  undo: 'Undoing the restore',
} as const;

/** A progress bar while the worker backs up, checks, restores or undoes (the page stays usable). */
export function OperationProgressBar() {
  const { progress } = useDatabase();
  if (progress.task === null) return null;
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="operation-progress">
      <label>
        {TASK_LABELS[progress.task]}: {progress.step} ({percent}%)
        <progress max={100} value={percent} />
      </label>
    </div>
  );
}
