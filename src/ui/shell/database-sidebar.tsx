import { useState } from 'react';
import { assessDatabase } from '../../core/risk/assess';
import { describeSidebar } from '../../core/risk/sidebar-state';
import { useDatabase } from '../common/database-context';
import { useNow } from '../common/use-now';
import { formatHours } from '../common/format';
import { Notice } from '../common/notice';
import { ActivityList } from '../activity/activity-list';
import { AgeRiskBanners } from '../status/age-risk-banners';
import { OperationProgressBar } from '../status/operation-progress';
import { BackupActions } from '../backup-files/backup-actions';
import { RestorePanel } from '../restore/restore-panel';
import { SidebarFrame } from './sidebar-frame';
import { StatusLine } from '../status/status-line';
import { BackupFolderPanel } from '../backup-folder/backup-folder-panel';
import { RestoreStep } from './restore-step';
import { BackupHealthLine } from '../health/backup-health-line';
import { useDataDeleted } from '../common/data-deleted-context';
import { useBackupHealth } from '../health/use-backup-health';
import { VerifyFileInput } from '../health/verify-file-input';
import { lazyPanel } from '../common/lazy-panel';
import { useBackups } from '../common/backups-context';

// Shown only once a team store is connected: loaded then, never on a first visit.
const TeamStoreSidebar = lazyPanel(() => import('../team/team-store-sidebar').then((m) => m.TeamStoreSidebar));
const TeamSyncSidebar = lazyPanel(() => import('../team-sync/team-sync-sidebar').then((m) => m.TeamSyncSidebar));

/**
 * The sidebar's "Database management" section: status, banners, backup and restore. Its banners,
 * health line and folded summary come from one description (core/risk/sidebar-state.ts), so they
 * never contradict each other or the eviction alert.
 */
export function DatabaseSidebar() {
  const { status } = useDatabase();
  const { overview } = useBackups();
  const now = useNow();
  const health = useBackupHealth();
  const { deleted } = useDataDeleted();
  if (!status) {
    return (
      <SidebarFrame>
        <p role="status">Opening the database…</p>
      </SidebarFrame>
    );
  }
  const hasData = Object.values(status.counts).some((n) => n > 0);
  const assessment = assessDatabase({
    times: status.times,
    configurationCount: status.counts.brokerage_configurations,
    hasData,
    now,
  });
  const sidebar = describeSidebar(assessment, {
    healthLevel: health?.level ?? null,
    isDataDeleted: deleted !== null,
    formatHours,
  });
  return (
    <SidebarFrame summary={sidebar.summary} summaryTone={health?.level ?? 'Good'}>
      <StatusLine counts={status.counts} />
      <AgeRiskBanners assessment={sidebar.assessment} riskLine={sidebar.riskLine} />
      <BackupHealthLine />
      {status.isWriter ? null : <ReadOnlyNotice />}
      {status.persistence.state === 'failed' ? (
        <Notice
          notice={{
            kind: 'error',
            text: status.persistence.error.message,
            ...(status.persistence.error.detail ? { detail: status.persistence.error.detail } : {}),
          }}
        />
      ) : null}
      <OperationProgressBar />
      <BackupActions />
      <BackupFolderPanel RestoreStep={RestoreStep} />
      {overview?.store ? <TeamSyncSidebar /> : null}
      {overview?.store ? <TeamStoreSidebar RestoreStep={RestoreStep} /> : null}
      <RestorePanel disabled={!status.isWriter} />
      <VerifyFileInput />
      <ActivityList />
    </SidebarFrame>
  );
}

/** Shown in a tab that is not the writer: says so and offers to take over. */
function ReadOnlyNotice() {
  const { api, notifyChanged } = useDatabase();
  const [isBusy, setBusy] = useState(false);
  return (
    <div role="status" className="notice notice-warning">
      <p>Another tab is editing this database, so this tab is read-only. It shows that tab’s saved changes.</p>
      <button
        type="button"
        disabled={isBusy}
        onClick={() => {
          setBusy(true);
          void api
            .takeOverWriting()
            .then(() => notifyChanged())
            .finally(() => setBusy(false));
        }}
      >
        Take over editing
      </button>
    </div>
  );
}
