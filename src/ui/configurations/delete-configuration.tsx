import type { ConfigurationView } from '../../core/db/configuration-view';
import { useDatabase } from '../common/database-context';
import { ConfirmDialog } from '../common/confirm-dialog';
import { Notice } from '../common/notice';
import { useCanWrite, useWriteAction } from '../common/use-write-action';

/** `Delete…` for one configuration, behind a confirmation; failures show beside it. */
export function DeleteConfiguration({
  configuration,
  onDeleted,
}: {
  configuration: ConfigurationView;
  onDeleted: () => void;
}) {
  const { api } = useDatabase();
  const { run, isBusy, notice } = useWriteAction();
  const canWrite = useCanWrite();
  const name = configuration.configuration_name;

  const confirm = async () => {
    const deleted = await run(() => api.deleteConfiguration(configuration.id));
    if (deleted) onDeleted();
  };

  return (
    <>
      <ConfirmDialog
        trigger="Delete…"
        triggerLabel={`Delete ${name}`}
        title={`Delete “${name}”?`}
        description={`Deletes the configuration “${name}” of “${configuration.brokerage_name}”: its field mappings and credentials. Upload history is kept.`}
        confirmLabel="Delete configuration"
        disabled={isBusy || !canWrite}
        onConfirm={() => void confirm()}
      />
      {notice ? <Notice notice={notice} /> : null}
    </>
  );
}
