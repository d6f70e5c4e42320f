import type { FeatureCalls } from '../feature-calls';
import type { LockApi } from './lock-api';

/** The app lock's calls, served by the lock gate before the database opens (worker/lock/lock-gate.ts). */
export const lockCalls = {
  reads: {
    /** Whether the lock is on and whether this tab has unlocked it. Never waits for the database. */
    getLockState: (gate: LockApi) => gate.getLockState(),
  },
  actions: {
    unlock: (gate: LockApi, passphrase: string, options?: { setDamagedAside?: boolean }) =>
      gate.unlock(passphrase, options),
    lock: (gate: LockApi) => gate.lock(),
    turnOnLock: (gate: LockApi, passphrase: string) => gate.turnOnLock(passphrase),
    changePassphrase: (gate: LockApi, currentPassphrase: string, nextPassphrase: string) =>
      gate.changePassphrase(currentPassphrase, nextPassphrase),
    turnOffLock: (gate: LockApi, passphrase: string) => gate.turnOffLock(passphrase),
  },
} satisfies FeatureCalls<LockApi>;
