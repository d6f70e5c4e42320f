import { useEffect, useState } from 'react';
import { clearDataMarker, readDataMarker, writeDataMarker, type DataMarker } from '../../platform/eviction-marker';
import { useBackups } from '../shared/backups-context';
import { formatLocalTime } from '../shared/format';

/**
 * Eviction recovery: the marker in localStorage says this browser had data; when the worker
 * found no database at start and the marker says there was one, the browser deleted it. Then
 * this alert says so, names the last backup file (and the team store, when one was connected),
 * and offers the ways back — never a silent empty start. While data is present it keeps the
 * marker up to date.
 */
export function EvictionAlert() {
  const { overview, folder } = useBackups();
  // Read once, before this session writes a new one.
  const [markerAtStart] = useState<DataMarker | null>(() => readDataMarker());
  const [isDismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (!overview) return;
    const [last] = overview.backupFiles;
    const teamStore = overview.store?.location ?? null;
    if (overview.hasData) {
      writeDataMarker({
        hadDataAt: new Date().toISOString(),
        // No backup file known here (yet): the one the marker names stays named.
        lastBackup: last
          ? { fileName: last.fileName, at: last.at, where: last.where }
          : (readDataMarker()?.lastBackup ?? null),
        teamStore,
      });
    } else if (!overview.startedEmpty) {
      // The database is here and empty on purpose: nothing to recover later.
      clearDataMarker();
    }
  }, [overview]);

  if (!overview || isDismissed || !markerAtStart || !overview.startedEmpty || overview.hasData) return null;
  const last = markerAtStart.lastBackup;
  return (
    <div role="alert" className="notice notice-error eviction-alert">
      <p>
        <strong>This browser deleted the app’s data.</strong> The database that was here (last seen{' '}
        {formatLocalTime(markerAtStart.hadDataAt)}) is gone: the browser cleared or evicted its storage. Nothing can
        bring it back from this browser.
      </p>
      <p>
        {last
          ? `The last backup file made here is ${last.fileName} (${formatLocalTime(last.at)}, ${last.where}). Restore it to continue.`
          : 'No backup file was made from this browser. If a colleague or another browser has one, restore it.'}
      </p>
      {markerAtStart.teamStore ? (
        <p>
          This browser was connected to the team store ({markerAtStart.teamStore.bucket}/
          {markerAtStart.teamStore.prefix} at {markerAtStart.teamStore.endpoint}), which keeps the team’s backups:
          connect again with the store’s key and the team passphrase, then restore the latest.{' '}
          <a href="#/team">Restore from the team store</a>
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" onClick={openRestoreInput}>
          Restore from backup
        </button>
        <button type="button" onClick={() => void folder.choose()}>
          Choose backup folder
        </button>
        <button
          type="button"
          onClick={() => {
            clearDataMarker();
            setDismissed(true);
          }}
        >
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

/** Opens the file chooser of the sidebar's `Restore from backup` input (one restore flow, not two). */
function openRestoreInput(): void {
  const label = Array.from(document.querySelectorAll('label')).find(
    (l) => l.textContent?.trim() === 'Restore from backup',
  );
  const input = label?.control;
  if (input instanceof HTMLInputElement) {
    input.scrollIntoView({ block: 'center' });
    input.click();
  }
}
