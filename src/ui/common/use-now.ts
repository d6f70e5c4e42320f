import { createContext, useContext, useEffect, useState } from 'react';
import { systemClock, type Clock } from '../../core/clock';

/** The clock the UI reads; tests provide a fixed one. */
export const ClockContext = createContext<Clock>(systemClock);

const TICK_MS = 60_000;

/**
 * The current time, re-read every minute, so age and risk banners move on while the page stays
 * open for days — not only when something is written.
 */
export function useNow(): Date {
  const clock = useContext(ClockContext);
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    setNow(clock.now());
    const timer = setInterval(() => setNow(clock.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [clock]);
  return now;
}
