import { useBackups } from '../common/backups-context';
import { formatLocalTime } from '../common/format';
import { openRestoreInput } from './open-restore-input';
import { useDataDeleted } from '../common/data-deleted-context';

/**
 * Eviction recovery: when the browser deleted the app's data (data-deleted-context.tsx), this
 * alert says so, names the last backup file (and the team store, when one was connected), and
 * offers the ways back — never a silent empty start. Backup health and the sidebar's banners say
 * the same while it shows.
 */
export function EvictionAlert() {
  const { folder } = useBackups();
  const { deleted, dismiss } = useDataDeleted();
  if (!deleted) return null;
  const last = deleted.lastBackup;
  return (
    <div role="alert" className="notice notice-error eviction-alert">
      <p>
        <strong>This browser deleted the app’s data.</strong> The database that was here (last seen{' '}
        {formatLocalTime(deleted.lastSeenAt)}) is gone: the browser cleared or evicted its storage. Nothing can bring it
        back from this browser.
      </p>
      <p>
        {last
          ? `The last backup file made here is ${last.fileName} (${formatLocalTime(last.at)}, ${last.where}). Restore it to continue.`
          : 'No backup file was made from this browser. If a colleague or another browser has one, restore it.'}
      </p>
      {deleted.teamStore ? (
        <p>
          This browser was connected to the team store ({deleted.teamStore.bucket}/{deleted.teamStore.prefix} at{' '}
          {deleted.teamStore.endpoint}), which keeps the team’s backups: connect again with the store’s key and the team
          passphrase, then restore the latest. <a href="#/team">Restore from the team store</a>
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" onClick={openRestoreInput}>
          Restore from backup
        </button>
        <button type="button" onClick={() => void folder.choose()}>
          Choose backup folder
        </button>
        <button type="button" onClick={dismiss}>
          Start with an empty database
        </button>
      </div>
      <p className="caption">
        The backup folder was remembered in the deleted storage too: choose it again, then press “Restore latest from
        folder” in the sidebar.
      </p>
    </div>
  );
}
