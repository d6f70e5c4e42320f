import { useEffect, useState } from 'react';
import type { RunView } from '../../worker/processing/processing-types';
import type { StoredLoad } from '../../core/db/processing-loads';
import { useDatabase } from '../common/database-context';
import { formatCount, plural } from '../common/format';
import { RunActions, type RunAction } from './run-actions';
import { describeRunState } from '../common/run-state-text';

const FAILURES_SHOWN = 100;

/**
 * `Processing results`: `N sent`, `N failed`, each failure with its row and load number, the
 * downloads, and `Send the rest` / `Resend failed rows` (and, after an interruption,
 * `Resend uncertain rows`).
 */
export function ProcessingResults({
  run,
  fileId,
  isBusy,
  onAction,
}: {
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
      <p className={`notice ${isAllDone(run) ? 'notice-success' : 'notice-warning'}`}>{describeRunState(run)}</p>
      <ul className="result-counts">
        <li>{formatCount(run.sent)} sent</li>
        <li>{formatCount(run.failed)} failed</li>
        {run.notSent > 0 ? <li>{formatCount(run.notSent)} not sent</li> : null}
        {run.claimed > 0 && !run.isActive ? <li>{formatCount(run.claimed)} uncertain</li> : null}
        <li className="caption">of {plural(run.total, 'row')}</li>
      </ul>
      {failures && failures.rows.length > 0 ? (
        <div className="table-scroll">
          <table className="problem-table">
            <caption>
              Failed rows
              {failures.total > failures.rows.length
                ? ` (first ${failures.rows.length} of ${formatCount(failures.total)})`
                : ''}
            </caption>
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

/** Every load sent: nothing failed, nothing left, nothing uncertain. */
function isAllDone(run: RunView): boolean {
  return run.failed === 0 && run.notSent === 0 && run.claimed === 0;
}
