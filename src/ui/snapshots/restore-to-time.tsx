import { useId, useState, type FormEvent } from 'react';
import type { SnapshotRow } from '../../worker/snapshots/snapshot-types';
import { useDatabase } from '../common/database-context';
import { Notice, type NoticeContent } from '../common/notice';
import { latestMomentOf } from './entered-time';

/** `Restore to a time`: pick a date and time → the newest verified snapshot at or before it, previewed. */
export function RestoreToTime({ onFound }: { onFound: (row: SnapshotRow) => void }) {
  const { api } = useDatabase();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<NoticeContent | null>(null);
  const inputId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const at = latestMomentOf(value);
    if (!at) return setProblem({ kind: 'error', text: 'Enter a date and time.' });
    const found = await api.findSnapshotAt(at.toISOString());
    if (!found.ok) return setProblem({ kind: 'error', text: found.error.message });
    onFound(found.value);
  }

  return (
    <form className="restore-to-time" aria-label="Restore to a time" onSubmit={(event) => void onSubmit(event)}>
      <div className="field">
        <label htmlFor={inputId}>Restore to a time</label>
        <input id={inputId} type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <button type="submit" disabled={value === ''}>
        Find snapshot
      </button>
      {problem ? <Notice notice={problem} /> : null}
    </form>
  );
}
