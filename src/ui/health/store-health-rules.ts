import type { DatabaseTimes } from '../../core/db/meta';
import { HEALTH_LEVELS, type FolderState, type HealthAssessment } from '../../core/snapshots/health';
import { assessStoreHealth, type StoreHealthAssessment } from '../../core/team-store/store-health';
import type { BackupOverview } from '../../worker/health/health-types';
import { lastUnsharedChange, locationStatuses } from './location-statuses';

/**
 * Health per location with the team store's rules (core/team-store/store-health.ts): loaded when a
 * store is connected (./use-store-rules.ts) and by the views that list the locations.
 */
export function assessLocations(input: {
  now: Date;
  times: DatabaseTimes;
  hasData: boolean;
  overview: BackupOverview;
  folder: FolderState;
}): StoreHealthAssessment {
  return assessStoreHealth({
    now: input.now,
    lastChangeAt: lastUnsharedChange(input.times, input.hasData),
    locations: locationStatuses(input.overview, input.folder),
  });
}

/** The files' health joined with the locations': the worse level, every finding, the worst first. */
export function withLocations(
  files: HealthAssessment,
  locations: StoreHealthAssessment,
): HealthAssessment & { locations: StoreHealthAssessment } {
  const rank = (level: string) => HEALTH_LEVELS.indexOf(level as (typeof HEALTH_LEVELS)[number]);
  const findings = [...files.findings, ...locations.findings].sort((a, b) => rank(b.level) - rank(a.level));
  const level = rank(locations.level) > rank(files.level) ? locations.level : files.level;
  return { level, findings, locations };
}
