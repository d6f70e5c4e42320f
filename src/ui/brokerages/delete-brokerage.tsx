import type { BrokerageSummary } from '../../core/db/brokerages';
import { useDatabase } from '../common/database-context';
import { ConfirmDialog } from '../common/confirm-dialog';
import { plural } from '../common/format';
import { Notice } from '../common/notice';
import { useCanWrite, useWriteAction } from '../common/use-write-action';

/** `Delete brokerage…` with a confirmation that says what goes and what stays. */
export function DeleteBrokerage({
  brokerage,
  onDeleted,
}: {
  brokerage: BrokerageSummary;
  onDeleted: (message: string) => void;
}) {
  const { api } = useDatabase();
  const { run, isBusy, notice } = useWriteAction();
  const canWrite = useCanWrite();

  const confirm = async () => {
    // Success is reported by the panel: this component goes away with the brokerage.
    const deleted = await run(() => api.deleteBrokerage(brokerage.id));
    if (deleted) onDeleted(describeDeleted(brokerage, deleted.configurationsDeleted));
  };

  return (
    <div className="delete-brokerage">
      <ConfirmDialog
        trigger="Delete brokerage…"
        title={`Delete “${brokerage.name}”?`}
        description={describeDeletion(brokerage)}
        confirmLabel="Delete brokerage"
        disabled={isBusy || !canWrite}
        onConfirm={() => void confirm()}
      />
      {notice ? <Notice notice={notice} /> : null}
    </div>
  );
}

/** "Deletes “X” and its 2 configurations. Its 5 upload history rows are kept." */
export function describeDeletion(brokerage: BrokerageSummary): string {
  const rows =
    brokerage.uploadCount === 1
      ? '1 upload history row is'
      : `${plural(brokerage.uploadCount, 'upload history row')} are`;
  return `Deletes “${brokerage.name}” and its ${plural(brokerage.configurationCount, 'configuration')}. Its ${rows} kept.`;
}

/** "Deleted “X” and its 2 configurations. Its 5 upload history rows were kept." */
function describeDeleted(brokerage: BrokerageSummary, configurationsDeleted: number): string {
  const rows =
    brokerage.uploadCount === 1
      ? '1 upload history row was'
      : `${plural(brokerage.uploadCount, 'upload history row')} were`;
  return `Deleted “${brokerage.name}” and its ${plural(configurationsDeleted, 'configuration')}. Its ${rows} kept.`;
}
