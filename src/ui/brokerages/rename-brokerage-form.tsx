import { useId, useState, type FormEvent } from 'react';
import type { BrokerageSummary } from '../../core/db/brokerages';
import { useDatabase } from '../common/database-context';
import { Notice } from '../common/notice';
import { useCanWrite, useWriteAction } from '../common/use-write-action';

/**
 * Renames the selected brokerage; its configurations and upload history follow the new name.
 * `onDone` gets the success message, or null when the user cancelled.
 */
export function RenameBrokerageForm({
  brokerage,
  onDone,
}: {
  brokerage: BrokerageSummary;
  onDone: (message: string | null) => void;
}) {
  const { api } = useDatabase();
  const { run, isBusy, notice } = useWriteAction();
  const canWrite = useCanWrite();
  const [name, setName] = useState(brokerage.name);
  const headingId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const oldName = brokerage.name;
    const renamed = await run(() => api.renameBrokerage(brokerage.id, name));
    if (renamed)
      onDone(
        renamed.name === oldName
          ? `The name is unchanged: “${oldName}”.`
          : `Renamed “${oldName}” to “${renamed.name}”.`,
      );
  };

  return (
    <form aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h3 id={headingId}>Rename “{brokerage.name}”</h3>
      <div className="inline-field">
        <label className="field">
          New name
          <input
            type="text"
            value={name}
            maxLength={200}
            autoComplete="off"
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={!canWrite} aria-disabled={isBusy}>
          Save name
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      {notice ? <Notice notice={notice} /> : null}
    </form>
  );
}
