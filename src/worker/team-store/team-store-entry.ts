import { readTeamStoreSummary } from '../../core/db/team-store-summary';
import { fail, ok, type Result } from '../../core/result';
import type { StoreBackupKind } from '../../core/team-store/store-retention';
import { lazyModule } from '../../platform/lazy-import';
import type { BackupReceipt } from '../backup-files/backup-file-types';
import type { LiveDatabase } from '../engine/live-database';
import type { UploadRun } from './upload-runner';
import type { TeamStoreParts, TeamStorePartsDeps } from './team-store-parts';
import type { StoreCopyOutcome, StoreHealthFacts, TeamStoreStatus } from './team-store-types';
import type { StoreSession } from './team-session';

/** The team store's logic (a chunk of its own): loaded once a store is connected, tested or connected to. */
const loadParts = lazyModule(() => import('./team-store-parts'));

/**
 * The team store as the worker starts it: nothing but this browser's row of `team_store`, read
 * from the live database. A browser with no store connected — and every first visit — answers
 * every question from the row and never loads the store's code; everything else loads it on
 * first use (a failed load is a plain failure, and the next call tries again).
 */
export class TeamStoreEntry {
  private parts: Promise<Result<TeamStoreParts>> | null = null;

  constructor(private readonly deps: TeamStorePartsDeps & { live: LiveDatabase }) {}

  isConnected(): boolean {
    return this.row()?.isConnected === true;
  }

  private row() {
    return this.deps.live.read(readTeamStoreSummary);
  }

  /** The feature, loading it first if needed. */
  get(): Promise<Result<TeamStoreParts>> {
    this.parts ??= loadParts().then(async (module) => (module.ok ? module.value.openTeamStore(this.deps) : module));
    const parts = this.parts;
    void parts.then((loaded) => {
      if (!loaded.ok && this.parts === parts) this.parts = null;
    });
    return parts;
  }

  /** Runs `work` with the loaded feature, or returns why it could not be loaded. */
  async use<R>(work: (parts: TeamStoreParts) => Promise<Result<R>>): Promise<Result<R>> {
    const parts = await this.get();
    return parts.ok ? work(parts.value) : parts;
  }

  /**
   * `work` with the loaded feature while a store is connected; `otherwise` (with why, when the
   * feature could not load) when none is — without loading anything.
   */
  private async whenConnected<R>(
    otherwise: (whyNotLoaded: string | null) => R,
    work: (parts: TeamStoreParts) => R | Promise<R>,
  ): Promise<R> {
    if (!this.isConnected()) return otherwise(null);
    const parts = await this.get();
    return parts.ok ? work(parts.value) : otherwise(parts.error.message);
  }

  status(): Promise<TeamStoreStatus> {
    const row = this.row();
    return this.whenConnected(
      (why) => {
        if (why !== null) throw new Error(why);
        return { connected: false, browserName: row?.browserName ?? null, person: row?.person ?? null };
      },
      (parts) => parts.status(),
    );
  }

  healthFacts(): Promise<StoreHealthFacts | null> {
    return this.whenConnected(
      () => null,
      (parts) => parts.healthFacts(),
    );
  }

  sendBackup(file: { blob: Blob; receipt: BackupReceipt }, kind: StoreBackupKind): Promise<StoreCopyOutcome> {
    return this.whenConnected<StoreCopyOutcome>(
      (why) =>
        why === null
          ? { state: 'not-connected' }
          : { state: 'waiting', message: why, nextAttemptAt: null, isKept: false },
      (parts) => parts.feature.sendBackup(file, kind),
    );
  }

  runDue(all: boolean): Promise<UploadRun> {
    return this.whenConnected(
      () => ({ attempted: 0, checked: 0 }),
      (parts) => (all ? parts.feature.copies.retryNow() : parts.feature.copies.runDue()),
    );
  }

  /** After a safety snapshot: its copy for the store when chosen there (in the background, never waited for). */
  copyBeforeRiskyStep(snapshotId: string): void {
    if (this.row()?.copyBeforeRisky !== true) return;
    void this.whenConnected(
      () => undefined,
      (parts) => parts.feature.copyBeforeRiskyStep(snapshotId),
    );
  }

  /**
   * The connected store's session: the store limited to this browser's own objects for writes,
   * the opened team key, who this browser is (the team database works over it). The same object
   * until the connection or the names change.
   */
  session(): Promise<Result<StoreSession>> {
    return this.connected(async (parts) => {
      const opened = await parts.feature.access.session();
      return opened.ok ? ok(opened.value.session) : opened;
    });
  }

  /** A call that needs the store connected. */
  connected<R>(work: (parts: TeamStoreParts) => Promise<Result<R>>): Promise<Result<R>> {
    if (!this.isConnected()) return Promise.resolve(fail('store-not-connected', NOT_CONNECTED));
    return this.use(work);
  }
}

const NOT_CONNECTED =
  'No team store is connected in this browser. Connect one under Team → Team store. Nothing was changed.';
