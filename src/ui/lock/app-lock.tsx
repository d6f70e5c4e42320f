import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DatabaseApi } from '../../worker/api';
import type { LockApi, LockState } from '../../worker/lock/lock-api';
import { announceLockChange, onLockChangedElsewhere, reloadPage } from '../../platform/lock-broadcast';
import { LockSessionContext, type LockSession } from '../common/lock-session';
import { UnlockScreen } from './unlock-screen';
import { useIdleLock } from './use-idle-lock';
import './lock.css';

/**
 * The gate in front of the whole app: until the worker says the lock is off or unlocked, only
 * the unlock screen is rendered — no component that reads data is even mounted.
 */
export function AppLock({
  api,
  children,
}: {
  api: LockApi & Partial<Pick<DatabaseApi, 'watchRestarts'>>;
  children: ReactNode;
}) {
  const [state, setState] = useState<LockState | null>(null);
  const [passphrase, setPassphrase] = useState<string | null>(null);
  // The latest passphrase for the restart handler below (it outlives renders).
  const passphraseRef = useRef<string | null>(null);
  passphraseRef.current = passphrase;

  useEffect(() => {
    void api.getLockState().then(setState);
    return onLockChangedElsewhere(reloadPage);
  }, [api]);

  // A database worker that died is started again from what is stored — locked, since the keys
  // lived only in the old one. With the passphrase this tab was unlocked with, it is unlocked
  // again at once (the user sees the restart notice, not a second unlock); otherwise the unlock
  // screen asks. Nothing of the data is shown while the new worker is locked.
  useEffect(() => {
    // Restart listeners cannot be removed: a cleaned-up effect's one just stops acting.
    let isActive = true;
    const followRestart = async () => {
      if (!isActive) return;
      const next = await api.getLockState();
      const typed = passphraseRef.current;
      if (next.isOn && next.isLocked && !next.isDamaged && typed !== null) {
        const unlocked = await api.unlock(typed);
        if (unlocked.ok) return setState(unlocked.value);
      }
      setState(next);
    };
    void api.watchRestarts?.(() => void followRestart());
    return () => {
      isActive = false;
    };
  }, [api]);

  // `Lock now` locks every tab of this browser; the idle lock only this one (another tab may be in use).
  // The worker that held the decrypted data is gone once `lock` answers (the client starts a
  // fresh, locked one); here the data's screens unmount and the passphrase is dropped. Other tabs
  // reload.
  const lockTab = useCallback(
    async (isEveryTab: boolean) => {
      const locked = await api.lock();
      if (!locked.ok) return locked.error.message;
      if (isEveryTab) announceLockChange();
      passphraseRef.current = null;
      setPassphrase(null);
      setState(locked.value);
      return null;
    },
    [api],
  );
  const lockNow = useCallback(() => lockTab(true), [lockTab]);
  const lockIdleTab = useCallback(() => lockTab(false), [lockTab]);

  const changed = useCallback((next: LockState, nextPassphrase: string | null) => {
    setState(next);
    setPassphrase(nextPassphrase);
    announceLockChange();
  }, []);

  const session = useMemo<LockSession | null>(
    () => (state ? { api, state, passphrase, lockNow, changed } : null),
    [api, state, passphrase, lockNow, changed],
  );

  if (!state || !session)
    return (
      <p role="status" className="lock-opening">
        Opening FF2API…
      </p>
    );
  if (state.isOn && state.isLocked) {
    return (
      <UnlockScreen
        api={api}
        isDamaged={state.isDamaged}
        onUnlocked={(next, typed) => {
          setState(next);
          setPassphrase(typed);
        }}
      />
    );
  }
  return (
    <LockSessionContext.Provider value={session}>
      {state.isOn ? <IdleLock lock={lockIdleTab} /> : null}
      {children}
    </LockSessionContext.Provider>
  );
}

/** Locks after the idle time chosen in the lock settings (page timers: `page.clock` drives them). */
function IdleLock({ lock }: { lock: () => Promise<string | null> }) {
  useIdleLock(lock);
  return null;
}
