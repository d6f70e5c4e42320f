import { useId, useState, type FormEvent } from 'react';
import type { BrokerageSummary } from '../../core/db/brokerages';
import { useDatabase } from '../common/database-context';
import { Notice } from '../common/notice';
import { useCanWrite, useWriteAction } from '../common/use-write-action';

/** "New brokerage": a name and `Create brokerage`; the new brokerage is then selected. */
export function NewBrokerageForm({ onCreated }: { onCreated: (created: BrokerageSummary) => void }) {
  const { api } = useDatabase();
  const { run, isBusy, notice, setNotice } = useWriteAction();
  const canWrite = useCanWrite();
  const [name, setName] = useState('');
  const headingId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await run(
      () => api.createBrokerage(name),
      (value) => `Created brokerage “${value.name}”.`,
    );
    if (created) {
      setName('');
      onCreated(created);
    }
  };

  return (
    <form className="card" aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h3 id={headingId}>New brokerage</h3>
      <label className="field">
        Brokerage name
        <input
          type="text"
          value={name}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => {
            setName(event.target.value);
            // "Created …" belongs to the last name; a new one is on its way.
            if (notice?.kind === 'success') setNotice(null);
          }}
        />
      </label>
      <p className="caption">Up to 100 characters; punctuation such as “Acme, Inc.” is kept.</p>
      <div className="button-row">
        <button type="submit" className="primary" disabled={!canWrite} aria-disabled={isBusy}>
          Create brokerage
        </button>
      </div>
      {notice ? <Notice notice={notice} /> : null}
    </form>
  );
}
