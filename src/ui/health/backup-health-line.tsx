import { useBackupHealth } from './use-backup-health';

/** The sidebar's one line `Backup health: Good | Warning | Critical`, with a link to the panel. */
export function BackupHealthLine() {
  const health = useBackupHealth();
  if (!health) return null;
  return (
    <p className={`health-line health-${health.level}`}>
      Backup health: {health.level}
      <a href="#/backups">{health.findings.length > 0 ? 'What to do' : 'Details'}</a>
    </p>
  );
}
