import { generalFindings } from './health-rules';
import { locationFindings } from './health-locations';
import type { HealthAssessment, HealthInput, HealthLevel } from './health-types';

/**
 * Backup health: Good / Warning / Critical (docs/design.md, "Health"), a pure function of what the worker
 * and the page know, so the page's clock drives it (a page left open for a day turns Critical
 * without a click). Three rules keep it from crying wolf:
 * - it judges backups only: a file that is not a backup at all is that file's verification
 *   result, never the health of the backups (health-rules.ts);
 * - every finding names what clears it, and doing that clears it (the tests act it out);
 * - it reads only this browser's own records: nothing of another browser's health arrives with a
 *   restored file.
 * Findings are per location (this browser, downloads, the backup folder, the team store), so a
 * location added later brings its own state, newest copy and failures (health-locations.ts).
 */

/** Assesses backup health now. */
export function assessBackupHealth(input: HealthInput): HealthAssessment {
  const findings = [
    ...generalFindings(input),
    ...input.locations.flatMap((location) => locationFindings(location, input)),
  ];
  const critical = findings.filter((f) => f.level === 'Critical');
  const warnings = findings.filter((f) => f.level === 'Warning');
  const level: HealthLevel = critical.length > 0 ? 'Critical' : warnings.length > 0 ? 'Warning' : 'Good';
  return { level, findings: [...critical, ...warnings] };
}

export { unbackedChangesSince } from './health-rules';
export * from './health-types';
