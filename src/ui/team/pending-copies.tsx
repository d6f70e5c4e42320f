import type { PendingUpload } from '../../worker/team-store/team-store-types';
import { useDatabase } from '../common/database-context';
import { formatLocalTime, plural } from '../common/format';
import { Notice } from '../common/notice';
import { useWriteAction } from '../common/use-write-action';
import { KIND_WORDS } from './kind-words';

/**
 * The copies waiting for the store (visible, never silent): which file, since when, how many
 * tries, when the next one is, and why the last failed — with `Try now`.
 */
export function PendingCopies({ pending }: { pending: PendingUpload[] }) {
  const { api } = useDatabase();
  const retry = useWriteAction();
  return (
    <section aria-label="Copies waiting for the team store" className="catalog-section">
      <h2>Waiting for the team store</h2>
      {pending.length === 0 ? (
        <p>No copy is waiting: every backup made here is in the team store, read back and checked.</p>
      ) : (
        <>
          <p>
            {plural(pending.length, 'copy', 'copies')} kept in this browser until the store takes them. They are tried
            again by themselves (sooner at first, then every 15 minutes) and as soon as the network is back.
          </p>
          <ul className="pending-copies">
            {pending.map((job) => (
              <li key={job.id}>
                <strong>{job.fileName}</strong> ({KIND_WORDS[job.backupKind]}), waiting since{' '}
                {formatLocalTime(job.queuedAt)}; {plural(job.attempts, 'try', 'tries')}
                {job.nextAttemptAt ? `, next at ${formatLocalTime(job.nextAttemptAt)}` : ''}.
                {job.lastError ? ` Last failure: ${job.lastError.message}` : ''}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button
              type="button"
              aria-disabled={retry.isBusy}
              onClick={() =>
                void retry.run(
                  async () => ({ ok: true, value: await api.retryStoreUploads() }),
                  (run) => `${plural(run.checked, 'copy', 'copies')} of ${run.attempted} tried reached the team store.`,
                )
              }
            >
              Try now
            </button>
          </div>
          {retry.notice ? <Notice notice={retry.notice} /> : null}
        </>
      )}
    </section>
  );
}
