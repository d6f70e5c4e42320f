import { useEffect } from 'react';
import { IDLE_CHANGED_EVENT, readIdleMinutes } from './idle-settings';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `lock` once the page has seen no keyboard, pointer or scroll activity for the chosen
 * idle time. It compares times rather than counting on one long timer: a sleeping laptop or a
 * throttled background tab fires timers late, and the check then sees the whole idle span.
 * Page timers and `Date.now()`, so Playwright's `page.clock` drives it.
 */
export function useIdleLock(lock: () => Promise<string | null>): void {
  useEffect(() => {
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isLocking = false;

    const schedule = () => {
      clearTimeout(timer);
      const limitMs = readIdleMinutes() * 60_000;
      const remaining = Math.max(1_000, lastActivity + limitMs - Date.now());
      timer = setTimeout(check, remaining);
    };
    const check = () => {
      if (isLocking) return;
      if (Date.now() - lastActivity >= readIdleMinutes() * 60_000) {
        isLocking = true;
        // If it could not lock (a change not saved yet), try again after another idle span.
        void lock().then((problem) => {
          isLocking = false;
          if (problem) {
            lastActivity = Date.now();
            schedule();
          }
        });
      } else schedule();
    };
    const onActivity = () => {
      lastActivity = Date.now();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener(IDLE_CHANGED_EVENT, schedule);
    schedule();
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener(IDLE_CHANGED_EVENT, schedule);
    };
  }, [lock]);
}
