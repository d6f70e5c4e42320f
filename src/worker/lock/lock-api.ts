import type { Result } from '../../core/result';

/** What the page may know of the lock (never a key, never the passphrase). */
export type LockState =
  | { isOn: false }
  | {
      isOn: true;
      /** True until the passphrase was given in this worker (and again after `lock`). */
      isLocked: boolean;
      /** The lock's record is unreadable: the data cannot be opened here at all. */
      isDamaged: boolean;
      /** When the lock was turned on or its passphrase last changed; null when damaged. */
      changedAt: string | null;
    };

/** The app lock, as the lock gate implements it (the page's calls: ./lock-calls.ts). */
export interface LockApi {
  /** Whether the lock is on and whether this tab has unlocked it. Never waits for the database. */
  getLockState(): Promise<LockState>;
  /**
   * Checks the passphrase and opens the database; a wrong one changes nothing. A stored database
   * that fails its integrity check is refused (`tampered`), unless `setDamagedAside`: then it is
   * kept aside untouched and the app starts with an empty database, to restore a backup into.
   */
  unlock(passphrase: string, options?: { setDamagedAside?: boolean }): Promise<Result<LockState>>;
  /**
   * Saves what is pending, then forgets the key; the worker then ends itself (db.worker.ts), so
   * nothing decrypted outlives the lock, and the page's client starts a fresh, locked worker.
   */
  lock(): Promise<Result<LockState>>;
  /** Seals the stored database (and its snapshots) under a new passphrase. */
  turnOnLock(passphrase: string): Promise<Result<LockState>>;
  /** Re-seals everything under a new passphrase and a new key; a crash half-way is finished at the next unlock. */
  changePassphrase(currentPassphrase: string, nextPassphrase: string): Promise<Result<LockState>>;
  /** Stores everything plain again and removes the lock. */
  turnOffLock(passphrase: string): Promise<Result<LockState>>;
}

/** Shortest passphrase the lock accepts. */
export const MIN_LOCK_PASSPHRASE_LENGTH = 8;
