import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LockApi, LockState } from '../../worker/api';
import { announceLockChange, onLockChangedElsewhere, reloadPage } from '../../platform/lock-broadcast';
import { LockSessionContext, type LockSession } from './lock-session';
import { UnlockScreen } from './unlock-screen';
import { useIdleLock } from './use-idle-lock';
import './lock.css';

/**
 * The gate in front of the whole app: until the worker says the lock is off or unlocked, only
 * the unlock screen is rendered — no component that reads data is even mounted.
 */
export function AppLock({ api, children }: { api: LockApi; children: ReactNode }) {
  const [state, setState] = useState<LockState | null>(null);
  const [passphrase, setPassphrase] = useState<string | null>(null);

  useEffect(() => {
    void api.getLockState().then(setState);
    return onLockChangedElsewhere(reloadPage);
  }, [api]);

  // `Lock now` locks every tab of this browser; the idle lock only this one (another tab may be in use).
  const lockTab = useCallback(
    async (isEveryTab: boolean) => {
      const locked = await api.lock();
      if (!locked.ok) return locked.error.message;
      if (isEveryTab) announceLockChange();
      reloadPage();
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

  if (!state || !session) return <p role="status" className="lock-opening">Opening FF2API…</p>;
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
