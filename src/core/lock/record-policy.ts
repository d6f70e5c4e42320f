import type { LockPhase } from './lock-header';

/** How stored records are written and which are accepted, in one state of the lock. */
export interface RecordPolicy {
  /** New writes are sealed (true) or written plain (false). */
  seals: boolean;
  /**
   * A plain record is accepted on reading. With the lock fully on it is not: a plain record
   * there was put in place outside the app (a downgrade), and opening it would hand the app
   * data nobody sealed.
   */
  acceptsPlain: boolean;
  /** A change is under way: records not yet in the target form must be rewritten. */
  isTransitional: boolean;
}

const POLICIES: Record<LockPhase | 'off', RecordPolicy> = {
  off: { seals: false, acceptsPlain: true, isTransitional: false },
  'turning-on': { seals: true, acceptsPlain: true, isTransitional: true },
  on: { seals: true, acceptsPlain: false, isTransitional: false },
  changing: { seals: true, acceptsPlain: false, isTransitional: true },
  'turning-off': { seals: false, acceptsPlain: true, isTransitional: true },
};

/** The record policy of a lock phase (`off`: no lock header at all). */
export function recordPolicy(phase: LockPhase | 'off'): RecordPolicy {
  return POLICIES[phase];
}
