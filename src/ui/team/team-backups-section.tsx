import { useState } from 'react';
import type { StoreBackupRow } from '../../worker/team-store/team-store-types';
import { useApiRead } from '../common/use-api-read';
import { useBackups } from '../common/backups-context';
import { formatBytes, formatLocalTime, plural } from '../common/format';
import { Notice, type NoticeContent } from '../common/notice';
import type { RestoreStep } from '../common/restore-step';
import { KIND_WORDS } from './kind-words';
import { StoreRestore, type StoreRestoreTarget } from './store-restore';

/**
 * `<section aria-label="Team backups">`: the team's backups in the store, newest first — time,
 * kind, which browser and person, size, and whether this browser has read it back and checked it —
 * each with `Restore` (the usual preview, then the restore feature's step).
 */
export function TeamBackupsSection({ RestoreStep }: { RestoreStep: RestoreStep }) {
  const [attempt, setAttempt] = useState(0);
  const { data, problem } = useApiRead((api) => api.listStoreBackups(), [attempt]);
  const { refresh } = useBackups();
  const [target, setTarget] = useState<StoreRestoreTarget | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  return (
    <section aria-label="Team backups" className="catalog-section">
      <h2>The team’s backups in the store</h2>
      <div className="button-row">
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          Refresh the list
        </button>
      </div>
      {problem ? <Notice notice={problem} /> : null}
      {data === null ? <p role="status">Reading the store…</p> : null}
      {data && !data.ok ? (
        <Notice
          notice={{
            kind: 'error',
            text: data.error.message,
            ...(data.error.detail ? { detail: data.error.detail } : {}),
          }}
        />
      ) : null}
      {data?.ok ? (
        <>
          {data.value.backups.length === 0 ? (
            <p>No backup of this team is in the store yet.</p>
          ) : (
            <BackupTable rows={data.value.backups} onRestore={(key) => setTarget({ key })} />
          )}
          {data.value.refused > 0 ? (
            <p className="notice notice-error">
              {plural(data.value.refused, 'object')} in the team’s folders did not open with the team key (changed,
              damaged, or not this team’s): never used, never deleted.
            </p>
          ) : null}
          {data.value.otherObjects > 0 ? (
            <p className="caption">
              {plural(data.value.otherObjects, 'other object')} under the prefix are not this app’s: left alone.
            </p>
          ) : null}
        </>
      ) : null}
      {notice ? <Notice notice={notice} /> : null}
      {target ? (
        <StoreRestore
          target={target}
          RestoreStep={RestoreStep}
          onClose={() => setTarget(null)}
          onDone={(text) => {
            setNotice({ kind: 'success', text });
            setTarget(null);
            void refresh();
          }}
        />
      ) : null}
    </section>
  );
}

function BackupTable({ rows, onRestore }: { rows: StoreBackupRow[]; onRestore: (key: string) => void }) {
  return (
    <table className="snapshot-table team-backups-table">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Kind</th>
          <th scope="col">Browser</th>
          <th scope="col">Person</th>
          <th scope="col">Size</th>
          <th scope="col">Verified</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{formatLocalTime(row.createdAt)}</td>
            <td>{KIND_WORDS[row.backupKind]}</td>
            <td>
              {row.browserName}
              {row.isThisBrowser ? ' (this browser)' : ''}
            </td>
            <td>{row.person}</td>
            <td>{formatBytes(row.sizeBytes)}</td>
            <td>{row.isVerified ? 'Verified' : 'Not checked here yet'}</td>
            <td>
              <button
                type="button"
                aria-label={`Restore ${row.fileName} from ${row.browserName}`}
                onClick={() => onRestore(row.key)}
              >
                Restore
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
