/** Where time comes from; injected so banners, schedules and tests agree on "now". */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that follows another one it hears from now and then: the app's one clock is the
 * page's (Playwright's `page.clock` moves only the page), and the worker learns it with every
 * call. Between two calls it runs on at the pace of `elapsedMs`, a monotonic counter.
 */
export function followingClock(
  elapsedMs: () => number = () => performance.now(),
): Clock & { follow(otherNowMs: number): void } {
  let offsetMs = Date.now() - elapsedMs();
  return {
    now: () => new Date(offsetMs + elapsedMs()),
    follow: (otherNowMs) => {
      offsetMs = otherNowMs - elapsedMs();
    },
  };
}

/** A clock fixed at (and movable from) a given time, for tests. */
export function fixedClock(
  start: Date | string,
): Clock & { set(t: Date | string): void; advanceHours(h: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (t) => {
      current = new Date(t);
    },
    advanceHours: (h) => {
      current = new Date(current.getTime() + h * 3_600_000);
    },
  };
}

/** ISO 8601 UTC with milliseconds — the only format we store. */
export function toIso(date: Date): string {
  return date.toISOString();
}
