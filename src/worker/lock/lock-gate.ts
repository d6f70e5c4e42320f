import type { Clock } from '../../core/clock';
import { parseLockHeader, withPhase, type LockHeader } from '../../core/lock/lock-header';
import { lazyModule } from '../../platform/lazy-import';
import type { KeyRing } from '../../core/lock/key-ring';
import { describeThrown, fail, ok, type Result } from '../../core/result';
import type { DatabaseStore } from '../engine/database-store';
import { MIN_LOCK_PASSPHRASE_LENGTH, type LockApi, type LockState } from './lock-api';
import type { LockHeaderStore } from './lock-header-store';
import { LOCK_MESSAGES as MESSAGES, LOCK_SUMMARIES as SUMMARIES } from './lock-messages';
import { SealedRecordError, type RecordCipher } from './record-cipher';

/** The lock's key derivation (PBKDF2, wrapping the data keys), loaded when unlocking or changing the lock. */
const loadKeyDerivation = lazyModule(() => import('../../core/lock/passphrase-keys'));

/** What the gate needs of the opened database: to save, to know who writes, to log a change. */
export interface LockableService {
  flush(): Promise<Result<void>>;
  isWriter(): boolean;
  /** Writes an activity entry and saves — which re-stores the database in the lock's current form. */
  recordLockChange(summary: string): Promise<Result<void>>;
}

/** Another store of records at rest (snapshots) that must be re-stored when the lock changes. */
export interface Resealer {
  resealAll(): Promise<Result<void>>;
}

export interface LockGateDeps<S extends LockableService> {
  headers: Promise<LockHeaderStore>;
  cipher: RecordCipher;
  clock: Clock;
  /** The live database's store, already wrapped by encryptingDatabaseStore with `cipher`. */
  store: Promise<DatabaseStore>;
  openService: (store: DatabaseStore) => Promise<S>;
  resealers?: readonly Resealer[];
}

/**
 * The worker's lock gate. With the lock off it opens the database at once; with it on, the
 * database opens only after `unlock(passphrase)`, and `lock()` forgets the key. Turning the lock
 * on or off and changing the passphrase each record the intended end state first (the header's
 * phase), then re-store every record, then settle the header: a crash at any point leaves a
 * state the next unlock finishes, never a mix that cannot be opened.
 */
export class LockGate<S extends LockableService> implements LockApi {
  private header: LockHeader | null = null;
  private isDamaged = false;
  private service: S | null = null;
  /**
   * The service opened before a `lock()`. In the app the worker ends right after a lock
   * (db.worker.ts); where it does not (tests of the gate alone), unlocking reuses this service.
   */
  private openedBefore: S | null = null;
  private opened: Promise<S>;
  private resolveOpened: (service: S) => void = () => undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly started: Promise<void>;

  constructor(private readonly deps: LockGateDeps<S>) {
    this.opened = this.pendingOpen();
    this.started = this.start();
  }

  /** The open database service; waits while the app is locked. */
  whenOpen(): Promise<S> {
    return this.started.then(() => this.opened);
  }

  getLockState(): Promise<LockState> {
    return this.started.then(() => this.state());
  }

  unlock(passphrase: string, options: { setDamagedAside?: boolean } = {}): Promise<Result<LockState>> {
    return this.serial(async () => {
      if (this.isDamaged) return fail('lock-damaged', MESSAGES.damaged);
      if (!this.header) return ok(this.state());
      if (this.deps.cipher.isUnlocked && this.service) return ok(this.state());
      const keys = await loadKeyDerivation();
      if (!keys.ok) return keys;
      const ring = await keys.value.unlockKeyRing(this.header, passphrase);
      if (!ring) return fail('wrong-passphrase', MESSAGES.wrongPassphrase);
      this.deps.cipher.use(this.header.phase, ring);
      const refused = await this.checkStoredRecords();
      if (refused && !options.setDamagedAside) {
        this.deps.cipher.forget();
        return fail('tampered', MESSAGES.tampered, refused);
      }
      // For the rest of this session: a damaged undo snapshot then reads as unreadable (undo says
      // so) instead of failing every status read; the next restore replaces it.
      if (refused) this.deps.cipher.setDamagedAside(true);
      await this.open();
      // A change a crash interrupted is finished now; if it cannot be yet (another tab writes),
      // the unlock still stands and the next one tries again.
      if (this.header.phase !== 'on')
        await this.finishChange(
          ring,
          SUMMARIES[this.header.phase === 'turning-off' ? 'off' : this.header.phase === 'changing' ? 'changed' : 'on'],
        );
      return ok(this.state());
    });
  }

  lock(): Promise<Result<LockState>> {
    return this.serial(async () => {
      if (!this.header) return fail('lock-off', MESSAGES.isOff);
      // A change that is not saved yet would be lost with the key: stay open and say so.
      const saved = this.service ? await this.service.flush() : ok(undefined);
      if (!saved.ok) return fail('lock-unsaved', MESSAGES.unsaved, saved.error.message);
      this.deps.cipher.forget();
      this.service = null;
      this.opened = this.pendingOpen();
      return ok(this.state());
    });
  }

  turnOnLock(passphrase: string): Promise<Result<LockState>> {
    return this.serial(async () => {
      if (this.header || this.isDamaged) return fail('lock-on', MESSAGES.isOn);
      if (passphrase.length < MIN_LOCK_PASSPHRASE_LENGTH) return fail('passphrase-too-short', MESSAGES.tooShort);
      const service = await this.writableService();
      if (!service.ok) return service;
      const keys = await loadKeyDerivation();
      if (!keys.ok) return keys;
      const { header, ring } = await keys.value.createLockHeader(passphrase, this.nowIso());
      return this.applyChange(header, ring, SUMMARIES.on);
    });
  }

  changePassphrase(currentPassphrase: string, nextPassphrase: string): Promise<Result<LockState>> {
    return this.serial(async () => {
      if (!this.header) return fail('lock-off', MESSAGES.isOff);
      if (nextPassphrase.length < MIN_LOCK_PASSPHRASE_LENGTH) return fail('passphrase-too-short', MESSAGES.tooShort);
      const service = await this.writableService();
      if (!service.ok) return service;
      const keys = await loadKeyDerivation();
      if (!keys.ok) return keys;
      const rekeyed = await keys.value.rekeyLockHeader(this.header, currentPassphrase, nextPassphrase, this.nowIso());
      if (!rekeyed) return fail('wrong-passphrase', MESSAGES.wrongPassphrase);
      return this.applyChange(rekeyed.header, rekeyed.ring, SUMMARIES.changed);
    });
  }

  turnOffLock(passphrase: string): Promise<Result<LockState>> {
    return this.serial(async () => {
      if (!this.header) return fail('lock-off', MESSAGES.isOff);
      const service = await this.writableService();
      if (!service.ok) return service;
      const keys = await loadKeyDerivation();
      if (!keys.ok) return keys;
      const ring = await keys.value.unlockKeyRing(this.header, passphrase);
      if (!ring) return fail('wrong-passphrase', MESSAGES.wrongPassphrase);
      return this.applyChange(withPhase(this.header, 'turning-off'), ring, SUMMARIES.off);
    });
  }

  /** Records the change's phase, re-stores every record, then settles the header. */
  private async applyChange(header: LockHeader, ring: KeyRing, summary: string): Promise<Result<LockState>> {
    const headers = await this.deps.headers;
    await headers.save(header);
    this.header = header;
    this.deps.cipher.use(header.phase, ring);
    return this.finishChange(ring, summary);
  }

  private async finishChange(ring: KeyRing, summary: string): Promise<Result<LockState>> {
    const header = this.header;
    if (!header || !this.service) return ok(this.state());
    const rewritten = await this.service.recordLockChange(summary);
    if (!rewritten.ok) return fail('lock-unfinished', MESSAGES.unfinished, rewritten.error.message);
    for (const resealer of this.deps.resealers ?? []) {
      const resealed = await resealer.resealAll();
      if (!resealed.ok) return fail('lock-unfinished', MESSAGES.unfinished, resealed.error.message);
    }
    const headers = await this.deps.headers;
    if (header.phase === 'turning-off') {
      await headers.remove();
      this.header = null;
      this.deps.cipher.use('off', null);
    } else {
      const settled = withPhase(header, 'on', true);
      await headers.save(settled);
      this.header = settled;
      this.deps.cipher.use('on', {
        currentId: ring.currentId,
        keys: new Map([[ring.currentId, ring.keys.get(ring.currentId) as CryptoKey]]),
      });
    }
    return ok(this.state());
  }

  private async start(): Promise<void> {
    const stored = await (await this.deps.headers).load();
    if (stored === undefined || stored === null) {
      this.deps.cipher.use('off', null);
      await this.open();
      return;
    }
    this.header = parseLockHeader(stored);
    this.isDamaged = this.header === null;
    // Locked: nothing opens until unlock.
    this.deps.cipher.use(this.header?.phase ?? 'on', null);
  }

  private async open(): Promise<void> {
    const service = this.openedBefore ?? (await this.deps.openService(await this.deps.store));
    this.openedBefore = service;
    this.service = service;
    this.resolveOpened(service);
  }

  /** Opens the stored records with the keys just unlocked; the reason when one is refused. */
  private async checkStoredRecords(): Promise<string | null> {
    const store = await this.deps.store;
    try {
      await store.load();
      return null;
    } catch (error) {
      if (error instanceof SealedRecordError) return describeThrown(error);
      throw error;
    }
  }

  private async writableService(): Promise<Result<S>> {
    const service = this.service;
    if (!service) return fail('locked', MESSAGES.locked);
    return service.isWriter() ? ok(service) : fail('read-only', MESSAGES.notWriter);
  }

  private state(): LockState {
    if (this.isDamaged) return { isOn: true, isLocked: true, isDamaged: true, changedAt: null };
    if (!this.header) return { isOn: false };
    return { isOn: true, isLocked: this.service === null, isDamaged: false, changedAt: this.header.changedAt };
  }

  private pendingOpen(): Promise<S> {
    return new Promise<S>((resolve) => {
      this.resolveOpened = resolve;
    });
  }

  private nowIso(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Runs lock operations one at a time (a double click must not interleave two changes). */
  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.started).then(operation);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
