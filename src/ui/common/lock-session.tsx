import { createContext, useContext } from 'react';
import type { LockApi, LockState } from '../../worker/lock/lock-api';

/**
 * The app lock as the unlocked app sees it: its state, the passphrase typed in this page (kept
 * in memory only, so backup files can be encrypted with the same passphrase; a lock drops it),
 * and the actions that change it.
 */
export interface LockSession {
  api: LockApi;
  state: LockState;
  /** The lock passphrase given in this page (unlock, turn on, change); null when the lock is off. */
  passphrase: string | null;
  /**
   * Locks every tab now: saves, ends the worker that held the key and the decrypted data, tells
   * other tabs, shows the unlock screen. Returns an error text when it could not.
   */
  lockNow: () => Promise<string | null>;
  /** Records a new state after turning the lock on or off or changing the passphrase here. */
  changed: (state: LockState, passphrase: string | null) => void;
}

export const LockSessionContext = createContext<LockSession | null>(null);

/** The lock session; null outside the app lock (component tests of other features). */
export function useLockSession(): LockSession | null {
  return useContext(LockSessionContext);
}

/** The lock session, for components that only exist inside the app lock. */
export function useRequiredLockSession(): LockSession {
  const session = useContext(LockSessionContext);
  if (!session) throw new Error('useRequiredLockSession must be used inside <AppLock>');
  return session;
}
