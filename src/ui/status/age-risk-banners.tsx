import type { Assessment } from '../../core/risk/assess';
import { formatHours } from '../shared/format';

const AGE_TONE = { Stable: 'success', Reminder: 'info', Warning: 'warning', Critical: 'error' } as const;
const RISK_TONE = { Low: 'success', Medium: 'info', High: 'warning', Critical: 'error' } as const;

/** The two always-visible banners: database age (with its action) and backup risk. */
export function AgeRiskBanners({ assessment }: { assessment: Assessment }) {
  const { ageLevel, ageHours, ageAction, riskLevel, hoursSinceBackup, hasChangesSinceBackup } = assessment;
  return (
    <div className="banners">
      <div className={`banner banner-${AGE_TONE[ageLevel]}`} data-testid="age-banner">
        <strong>{ageLevel}</strong>
        {ageHours === null ? null : <> · database age {formatHours(ageHours)}</>}
        <div>{ageAction}</div>
      </div>
      <div className={`banner banner-${RISK_TONE[riskLevel]}`} data-testid="risk-banner">
        <strong>{riskLevel} risk</strong>
        <div>{describeBackupPoint(hoursSinceBackup, hasChangesSinceBackup)}</div>
      </div>
    </div>
  );
}

function describeBackupPoint(hoursSinceBackup: number | null, hasChanges: boolean): string {
  if (hoursSinceBackup === null)
    return hasChanges ? 'No backup yet: everything here exists only in this browser.' : 'No backup yet.';
  const when = `Last backup or restore ${formatHours(hoursSinceBackup)} ago`;
  return hasChanges ? `${when}; changes since then are only in this browser.` : `${when}; nothing changed since.`;
}
