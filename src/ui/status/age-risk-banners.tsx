import type { Assessment } from '../../core/risk/assess';
import { formatHours } from '../common/format';

const AGE_TONE = { Stable: 'success', Reminder: 'info', Warning: 'warning', Critical: 'error' } as const;
const RISK_TONE = { Low: 'success', Medium: 'info', High: 'warning', Critical: 'error' } as const;

/** The two always-visible banners: database age (with its action) and backup risk. */
export function AgeRiskBanners({ assessment, riskLine }: { assessment: Assessment; riskLine: string }) {
  const { ageLevel, ageHours, ageAction, riskLevel } = assessment;
  return (
    <div className="banners">
      <div className={`banner banner-${AGE_TONE[ageLevel]}`} data-testid="age-banner">
        <strong>{ageLevel}</strong>
        {ageHours === null ? null : <> · database age {formatHours(ageHours)}</>}
        <div>{ageAction}</div>
      </div>
      <div className={`banner banner-${RISK_TONE[riskLevel]}`} data-testid="risk-banner">
        <strong>{riskLevel} risk</strong>
        <div>{riskLine}</div>
      </div>
    </div>
  );
}
