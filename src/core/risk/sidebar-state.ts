import type { HealthLevel } from '../snapshots/health';
import type { Assessment } from './assess';

/**
 * What the sidebar's banners and its folded summary say, from age and risk, backup health and
 * whether the browser deleted the data — worked out in one place so they never contradict each
 * other or the eviction alert: no "Low risk" while the data is gone, no reassurance the health
 * line takes back, and a folded sidebar still shows a health that is not Good.
 */
export interface SidebarState {
  assessment: Assessment;
  /** The risk banner's second line. */
  riskLine: string;
  /** The one line a folded sidebar shows. */
  summary: string;
}

const DELETED_ACTION = 'Restore your latest backup file';

/** The sidebar's words now. `healthLevel` is null while health is being read. */
export function describeSidebar(
  assessment: Assessment,
  options: { healthLevel: HealthLevel | null; isDataDeleted: boolean; formatHours: (hours: number) => string },
): SidebarState {
  const health =
    options.healthLevel && options.healthLevel !== 'Good' ? ` · Backup health: ${options.healthLevel}` : '';
  if (options.isDataDeleted) {
    // The data is gone: nothing here is at low risk, and nothing is "stable" until it is restored.
    const lost: Assessment = {
      ...assessment,
      ageLevel: 'Critical',
      riskLevel: 'Critical',
      ageAction: DELETED_ACTION,
      showsUrgentBanner: false,
    };
    return {
      assessment: lost,
      riskLine: 'This browser deleted the app’s data: restore your latest backup file.',
      summary: `Data deleted by the browser · restore needed${health}`,
    };
  }
  return {
    assessment,
    riskLine: describeBackupPoint(assessment, options.formatHours),
    summary: `${assessment.riskLevel} risk · database age ${assessment.ageLevel}${health}`,
  };
}

function describeBackupPoint(
  { hoursSinceBackup, hasChangesSinceBackup }: Assessment,
  formatHours: (h: number) => string,
): string {
  if (hoursSinceBackup === null) {
    return hasChangesSinceBackup ? 'No backup yet: everything here exists only in this browser.' : 'No backup yet.';
  }
  const when = `Last backup or restore ${formatHours(hoursSinceBackup)} ago`;
  return hasChangesSinceBackup
    ? `${when}; changes since then are only in this browser.`
    : `${when}; nothing changed since.`;
}
