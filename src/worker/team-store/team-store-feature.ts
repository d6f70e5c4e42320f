import type { SqlJsStatic } from '../../core/db/sql-types';
import type { Clock } from '../../core/clock';
import { fail, ok, type Result } from '../../core/result';
import type { StoreBackupKind } from '../../core/team-store/store-retention';
import type { BackupFile, BackupReceipt } from '../backup-files/backup-file-types';
import type { FactStore } from '../engine/fact-store';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import { StoreAccess } from './store-access';
import { emptyHealth, storeRecords, type StoreRecords } from './store-records';
import type { StoreTransport } from './store-transport';
import { identityOf, removeConnection, saveConnection, saveCopyBeforeRisky, saveIdentity } from './team-identity';
import type {
  ConnectionTest,
  ConnectOutcome,
  ConnectRequest,
  StoreCopyOutcome,
  StoreSettingsInput,
} from './team-store-types';
import { UploadRunner } from './upload-runner';
import type { UploadQueueStore } from './upload-queue-store';

/** What the team store feature works with; the store's transport and the lock default to the browser's. */
export interface TeamStoreDeps {
  SQL: SqlJsStatic;
  live: LiveDatabase;
  clock: Clock;
  operator: Operator;
  facts: FactStore;
  uploads: UploadQueueStore;
  /** Instead of S3 (unit tests: an in-memory store). */
  transport?: StoreTransport;
  /** Runs work while no other tab runs uploads; default: Web Locks where there are, else at once. */
  runExclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** PBKDF2 iterations for a new team's passphrase (tests lower it); default the lock's 600,000. */
  kdfIterations?: number;
  random?: () => number;
  /** A normal backup file of a snapshot: the copy made before a risky step. */
  backupOfSnapshot: (id: string) => Promise<Result<BackupFile>>;
}

/**
 * The team store in this browser: connecting (the check, then creating or joining the team),
 * disconnecting, this browser's names, and the copies of backup files for the store (./upload-runner.ts).
 * The store's list and restores are ./store-restores.ts; health is ./store-health-facts.ts.
 */
export class TeamStoreFeature {
  readonly access: StoreAccess;
  readonly records: StoreRecords;
  readonly copies: UploadRunner;

  constructor(readonly deps: TeamStoreDeps) {
    this.access = new StoreAccess(deps.live, deps.transport);
    this.records = storeRecords(deps.facts);
    this.copies = new UploadRunner({
      ...deps,
      access: this.access,
      records: this.records,
      runExclusive: deps.runExclusive ?? webLockedRun,
      random: deps.random ?? Math.random,
    });
  }

  async testConnection(input: StoreSettingsInput & { origin: string }): Promise<Result<ConnectionTest>> {
    const loaded = await this.access.transport(input.kind ?? 's3');
    if (!loaded.ok) return loaded;
    return loaded.value.ops.testConnection(this.connectContext(loaded.value.transport), input);
  }

  async connect(request: ConnectRequest): Promise<Result<ConnectOutcome>> {
    const { live, operator, uploads } = this.deps;
    if (this.access.isConnected()) return fail('store-connected', MESSAGES.alreadyConnected);
    const identity = identityOf(live, request);
    if (!identity.ok) return identity;
    const loaded = await this.access.transport(request.kind ?? 's3');
    if (!loaded.ok) return loaded;
    const opened = await loaded.value.ops.openOrCreateTeam(this.connectContext(loaded.value.transport), request);
    if (!opened.ok) return opened;
    const team = opened.value;
    if (team.state !== 'joined') return ok(team);
    const saved = await saveConnection(live, identity.value, team, request, operator.byline());
    if (!saved.ok) return saved;
    this.access.forget();
    await uploads.remove((await uploads.list()).map((job) => job.id));
    await this.resetRecords(team.protection ?? []);
    return ok({ state: 'connected', created: team.created, recoveryKey: team.recoveryKey });
  }

  /** Forgets the store's key and the team key here (the store keeps its objects), and the copies still waiting. */
  async disconnect(): Promise<Result<void>> {
    if (!this.access.isConnected()) return ok(undefined);
    const removed = await removeConnection(this.deps.live, this.deps.operator.byline());
    if (!removed.ok) return removed;
    this.access.forget();
    await this.deps.uploads.remove((await this.deps.uploads.list()).map((job) => job.id));
    await this.resetRecords([]);
    return ok(undefined);
  }

  async setIdentity(names: { browserName: string; person: string }): Promise<Result<void>> {
    const identity = identityOf(this.deps.live, names);
    return identity.ok ? saveIdentity(this.deps.live, identity.value) : identity;
  }

  setCopyBeforeRisky(isOn: boolean): Promise<Result<void>> {
    if (!this.access.row()) return Promise.resolve(fail('store-not-connected', MESSAGES.noIdentity));
    return saveCopyBeforeRisky(this.deps.live, isOn);
  }

  sendBackup(file: { blob: Blob; receipt: BackupReceipt }, kind: StoreBackupKind): Promise<StoreCopyOutcome> {
    return this.copies.send(file, kind);
  }

  /**
   * After a safety snapshot (before a restore, merge, delete or processing run), when chosen: a
   * backup file of it goes to the store. In the background: the risky step never waits for it.
   */
  copyBeforeRiskyStep(snapshotId: string): void {
    const row = this.access.row();
    if (!row?.connection || !row.copyBeforeRisky) return;
    void this.deps
      .backupOfSnapshot(snapshotId)
      .then((file) => (file.ok ? this.sendBackup(file.value, 'before-risky') : null));
  }

  private connectContext(transport: StoreTransport) {
    const { kdfIterations } = this.deps;
    return { transport, now: () => this.deps.clock.now(), ...(kdfIterations ? { kdfIterations } : {}) };
  }

  private async resetRecords(protection: string[]): Promise<void> {
    await this.records.health.write({ ...emptyHealth(), protection });
    await this.records.ownCopies.write([]);
    await this.records.checkedKeys.write([]);
  }
}

const MESSAGES = {
  alreadyConnected: 'A team store is already connected in this browser. Disconnect it first. Nothing was changed.',
  noIdentity: 'Connect a team store first. Nothing was changed.',
};

/** Web Locks where the platform has them (every tab's worker shares the name), else the work at once. */
function webLockedRun<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return work();
  return locks.request('ff2api-web-team-store-uploads', () => work()) as Promise<T>;
}
