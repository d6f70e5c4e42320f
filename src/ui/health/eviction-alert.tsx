import { useEffect, useState } from 'react';
import {
  clearDataMarker,
  readDataMarker,
  readDataMarkerText,
  writeDataMarker,
  type DataMarker,
} from '../../platform/eviction-marker';
import { useBackups } from '../shared/backups-context';
import { formatLocalTime } from '../shared/format';

/**
 * Eviction recovery: the marker in localStorage says this browser had data; when the worker
 * found no database at start and the marker says there was one, the browser deleted it. Then
 * this alert says so, names the last backup file (and the team store, when one was connected),
 * and offers the ways back — never a silent empty start. While data is present it keeps the
 * marker up to date. The marker is read (through its schema, loaded then) only when needed.
 */
export function EvictionAlert() {
  const { overview, folder } = useBackups();
  // Read once, before this session writes a new one.
  const [textAtStart] = useState<string | null>(() => readDataMarkerText());
  const [markerAtStart, setMarkerAtStart] = useState<DataMarker | null>(null);
  const [isDismissed, setDismissed] = useState(false);
  const startedWithout = overview !== null && overview.startedEmpty && !overview.hasData;

  useEffect(() => {
    if (!startedWithout || textAtStart === null) return;
    let isCurrent = true;
    void readDataMarker(textAtStart).then((marker) => {
      if (isCurrent) setMarkerAtStart(marker);
    });
    return () => {
      isCurrent = false;
    };
  }, [startedWithout, textAtStart]);

  useEffect(() => {
    if (!overview) return;
    const [last] = overview.backupFiles;
    const teamStore = overview.store?.location ?? null;
    if (overview.hasData && last) {
      const lastBackup = { fileName: last.fileName, at: last.at, where: last.where };
      writeDataMarker({ hadDataAt: new Date().toISOString(), lastBackup, teamStore });
    } else if (overview.hasData) {
      // No backup file known here (yet): the one the marker names stays named.
      void readDataMarker().then((previous) =>
        writeDataMarker({ hadDataAt: new Date().toISOString(), lastBackup: previous?.lastBackup ?? null, teamStore }),
      );
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
