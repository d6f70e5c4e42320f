import type { Result } from '../../core/result';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { RestorePreview } from '../restore/restore-types';
import { readStoreHealthFacts, readTeamStoreStatus } from './store-status';
import { StoreRestores } from './store-restores';
import { TeamStoreFeature, type TeamStoreDeps } from './team-store-feature';
import { memoryUploadQueue, type UploadQueueStore } from './upload-queue-store';

/** What the team store is built from: the feature's deps, where copies wait, the restore's inspect. */
export interface TeamStorePartsDeps extends Omit<TeamStoreDeps, 'uploads'> {
  /** Where copies wait (default: in memory, for this session only). */
  openUploads?: () => Promise<Result<UploadQueueStore>>;
  inspect: (file: BackupSource, options?: { passphrase?: string }) => Promise<Result<RestorePreview>>;
}

/**
 * The team store's logic, a chunk of its own (./team-store-entry.ts loads it once a store is
 * connected or being connected): the feature, the store's list and restores, its status.
 */
export async function openTeamStore(deps: TeamStorePartsDeps): Promise<Result<TeamStoreParts>> {
  const uploads = deps.openUploads ? await deps.openUploads() : { ok: true as const, value: memoryUploadQueue() };
  if (!uploads.ok) return uploads;
  const feature = new TeamStoreFeature({ ...deps, uploads: uploads.value });
  const restores = new StoreRestores({
    live: deps.live,
    access: feature.access,
    records: feature.records,
    inspect: deps.inspect,
    now: () => deps.clock.now().toISOString(),
  });
  return { ok: true, value: new TeamStoreParts(feature, restores) };
}

export class TeamStoreParts {
  constructor(
    readonly feature: TeamStoreFeature,
    readonly restores: StoreRestores,
  ) {}

  status() {
    return readTeamStoreStatus(this.feature.access, this.feature.deps.uploads, this.feature.records);
  }

  healthFacts() {
    return readStoreHealthFacts(this.feature.access, this.feature.deps.uploads, this.feature.records);
  }
}
