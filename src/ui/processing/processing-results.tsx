import { useEffect, useState } from 'react';
import type { RunView, StoredLoad } from '../../worker/processing/processing-api';
import { useDatabase } from '../database-context';
import { formatCount } from '../shared/format';
import { RunActions, type RunAction } from './run-actions';

const FAILURES_SHOWN = 100;

/** What a run's state means for the user, in one sentence. */
export function describeRunState(run: RunView): string {
  if (run.isActive) return 'Sending…';
  if (run.isInterrupted) {
    return `Interrupted: the tab closed while this run was sending. ${formatCount(run.sent)} loads are recorded as sent and ${formatCount(run.notSent)} were never sent.${
      run.claimed > 0 ? ` ${formatCount(run.claimed)} were on their way: the load API may or may not have them.` : ''
    }`;
  }
  if (run.state === 'cancelled') return `Cancelled: what was sent is kept; ${formatCount(run.notSent)} loads were not sent.`;
  if (run.state === 'stopped') return `Stopped: ${run.stopReason ?? 'the load API could not be used.'} ${formatCount(run.notSent)} loads were not sent.`;
  return run.failed === 0 ? 'Finished: every load was sent.' : 'Finished.';
}

/**
 * `Processing results`: `N sent`, `N failed`, each failure with its row and load number, the
 * downloads, and `Send the rest` / `Resend failed rows` (and, after an interruption,
 * `Resend uncertain rows`).
 */
export function ProcessingResults({ run, fileId, isBusy, onAction }: {
  run: RunView;
  fileId: string | null;
  isBusy: boolean;
  onAction: (action: RunAction, fileId: string | null) => void;
}) {
  const { api } = useDatabase();
  const [failures, setFailures] = useState<{ rows: StoredLoad[]; total: number } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void api.listRunFailures(run.id, FAILURES_SHOWN).then((found) => {
      if (isCurrent) setFailures(found);
    });
    return () => {
      isCurrent = false;
    };
  }, [api, run.id, run.failed, run.updatedAt]);

  return (
    <section className="card" aria-label="Processing results">
      <h3>Results: {run.fileName}</h3>
      <p className={`notice ${run.failed === 0 && run.notSent === 0 && run.claimed === 0 ? 'notice-success' : 'notice-warning'}`}>{describeRunState(run)}</p>
      <ul className="result-counts">
        <li>{formatCount(run.sent)} sent</li>
        <li>{formatCount(run.failed)} failed</li>
        {run.notSent > 0 ? <li>{formatCount(run.notSent)} not sent</li> : null}
        {run.claimed > 0 && !run.isActive ? <li>{formatCount(run.claimed)} uncertain</li> : null}
        <li className="caption">of {formatCount(run.total)} rows</li>
      </ul>
      {failures && failures.rows.length > 0 ? (
        <div className="table-scroll">
          <table className="problem-table">
            <caption>Failed rows{failures.total > failures.rows.length ? ` (first ${failures.rows.length} of ${formatCount(failures.total)})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Load number</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {failures.rows.map((load) => (
                <tr key={load.row}>
                  <td className="number">{load.row}</td>
                  <td>{load.loadNumber ?? '—'}</td>
                  <td>{load.state === 'invalid' ? `Not sent (invalid): ${load.message ?? ''}` : load.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <RunActions run={run} fileId={fileId} isBusy={isBusy} onAction={onAction} />
    </section>
  );
}
