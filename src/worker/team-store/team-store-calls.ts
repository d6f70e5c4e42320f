import type { StoreBackupKind } from '../../core/team-store/store-retention';
import type { BackupReceipt } from '../backup-files/backup-file-types';
import type { FeatureCalls } from '../feature-calls';
import { readTeamStoreStatus } from './store-status';
import type { StoreRestores } from './store-restores';
import type { TeamStoreFeature } from './team-store-feature';
import type { ConnectRequest, StoreSettingsInput } from './team-store-types';

/** The team store feature and its list and restores, as app-calls.ts binds them. */
export interface TeamStoreState {
  feature: TeamStoreFeature;
  restores: StoreRestores;
}

/**
 * The team store: its status, `Test connection`, `Connect` / `Disconnect`, this browser's names,
 * the copies of backup files for the store (sent, waiting, tried again), and the team's backups
 * listed and previewed for a restore (then the restore feature's `applyRestore`).
 */
export const teamStoreCalls = {
  reads: {
    /** Connected or not, where, who this browser is, the copies waiting (never the secret or the key). */
    getTeamStoreStatus: ({ feature }: TeamStoreState) =>
      readTeamStoreStatus(feature.access, feature.deps.uploads, feature.records),
  },
  actions: {
    /** `Test connection`: each step in plain words, the CORS rule for this app, whether a team uses the prefix. */
    testStoreConnection: ({ feature }: TeamStoreState, input: StoreSettingsInput & { origin: string }) =>
      feature.testConnection(input),
    /** `Connect`: the check, then the team created (recovery key shown once) or joined. */
    connectTeamStore: ({ feature }: TeamStoreState, request: ConnectRequest) => feature.connect(request),
    /** `Disconnect`: the store's key and the team key are forgotten here; the store keeps its objects. */
    disconnectTeamStore: ({ feature }: TeamStoreState) => feature.disconnect(),
    setTeamIdentity: ({ feature }: TeamStoreState, names: { browserName: string; person: string }) =>
      feature.setIdentity(names),
    setCopyBeforeRisky: ({ feature }: TeamStoreState, isOn: boolean) => feature.setCopyBeforeRisky(isOn),
    /** A backup file already saved here goes to the store too: kept, sent, read back and checked. */
    sendBackupToStore: (
      { feature }: TeamStoreState,
      file: { blob: Blob; receipt: BackupReceipt },
      kind: StoreBackupKind,
    ) => feature.sendBackup(file, kind),
    /** The page's minute tick (and start): the copies that are due are tried. */
    runStoreUploads: ({ feature }: TeamStoreState) => feature.copies.runDue(),
    /** The browser is online again, or a person asked: every waiting copy is tried now. */
    retryStoreUploads: ({ feature }: TeamStoreState) => feature.copies.retryNow(),
    /** The team's backups in the store, newest first (time, kind, browser, person, size, verified). */
    listStoreBackups: ({ restores }: TeamStoreState) => restores.list(),
    /** The usual restore preview of one backup in the store; then `applyRestore(previewId, mode)`. */
    inspectStoreBackup: ({ restores }: TeamStoreState, key: string, options?: { passphrase?: string }) =>
      restores.inspect(key, options),
    /** `Restore latest from team store`: the preview of the team's newest backup. */
    inspectLatestStoreBackup: ({ restores }: TeamStoreState, options?: { passphrase?: string }) =>
      restores.inspectLatest(options),
  },
} satisfies FeatureCalls<TeamStoreState>;
