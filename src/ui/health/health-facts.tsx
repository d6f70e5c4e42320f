import { useBackups } from '../common/backups-context';
import { useDatabase } from '../common/database-context';
import { formatBytes, formatHours, formatLocalTime, plural } from '../common/format';
import { useNow } from '../common/use-now';

/** The facts behind backup health: recovery point, restore time, the last check, storage. */
export function HealthFacts() {
  const { status } = useDatabase();
  const { overview } = useBackups();
  const now = useNow();
  if (!status || !overview) return null;
  const hoursAgo = (iso: string) => formatHours(Math.max(0, (now.getTime() - Date.parse(iso)) / 3_600_000));
  const [newestFile] = overview.backupFiles;
  // The recovery point counts the team store: its newest checked copy may be newer than any file logged here.
  const storeCopy = overview.store?.newestGoodCopy;
  const lastFile =
    storeCopy && (!newestFile || storeCopy.at > newestFile.at)
      ? { at: storeCopy.at, fileName: storeCopy.fileName, where: 'team store' }
      : newestFile;
  const measure = overview.lastRestoreMeasure;
  const check = overview.lastCheck;
  return (
    <dl className="health-facts">
      <dt>Recovery point now</dt>
      <dd>
        {lastFile
          ? `${hoursAgo(lastFile.at)} — the newest copy outside this browser is ${lastFile.fileName} (${lastFile.where}, ${formatLocalTime(lastFile.at)}).`
          : 'No copy outside this browser yet: if the browser deleted its data now, everything would be lost. Download a backup or choose a backup folder.'}
      </dd>
      <dt>Last measured restore time</dt>
      <dd>
        {measure
          ? `${(measure.ms / 1000).toFixed(1)} s for ${plural(measure.rows, 'row')} (${measure.what}, ${formatLocalTime(measure.at)}).`
          : 'Not measured yet: run a drill (Backups → Drills) to measure it.'}
      </dd>
      <dt>Last check of a backup</dt>
      <dd>
        {check
          ? `${check.kind === 'drill' ? 'Drill' : 'Verification'} of ${check.fileName}, ${formatLocalTime(check.at)}: ${check.outcome === 'passed' ? 'passed' : `did not pass — ${check.problem}`}.`
          : 'None yet: run a drill (Backups → Drills), or verify a backup file from the sidebar.'}
      </dd>
      <dt>Storage</dt>
      <dd>
        {overview.storage
          ? `${formatBytes(overview.storage.usageBytes)} used of ${formatBytes(overview.storage.quotaBytes)}; ${plural(overview.snapshotCount, 'snapshot')} kept. `
          : `Usage unknown; ${plural(overview.snapshotCount, 'snapshot')} kept. `}
        {status.storagePersisted === true
          ? 'Storage is persistent: the browser promised not to clear it on its own.'
          : 'Storage is not persistent: the browser may clear it when space runs low — keep backup files.'}
      </dd>
    </dl>
  );
}
