import type { DeviceState } from './device-state';

/**
 * Who is in the team, worked out from the browsers' state objects alone (every browser writes only
 * its own): a browser that left says so in its own last state (`leftAt`); a browser removed by a
 * teammate is named in the remover's state (`removed`), together with the membership it ended —
 * the removed browser's `joinedAt` as the remover saw it. Joining again gives a new `joinedAt`, so
 * an old removal no longer applies and nothing has to be taken back. Removal changes no data: the
 * logs a removed browser stored stay readable and applied; it only stops counting as active
 * (compaction no longer waits for it, its silence is no warning) and stops syncing itself.
 */

export interface MembershipEnd {
  kind: 'removed' | 'left';
  /** Who ended it: the remover, or the browser's own person when it left. */
  person: string;
  /** The browser of whoever ended it. */
  browserName: string;
  at: string;
}

/** How this membership ended (removed: the earliest removal naming it), or null while a member. */
export function removalOf(device: string, joinedAt: string, states: readonly DeviceState[]): MembershipEnd | null {
  let found: MembershipEnd | null = null;
  for (const remover of [...states].sort((a, b) => a.device.localeCompare(b.device))) {
    if (remover.device === device) continue;
    for (const removal of remover.removed ?? []) {
      if (removal.device !== device || removal.joinedAt !== joinedAt) continue;
      if (!found || removal.at < found.at)
        found = { kind: 'removed', person: remover.person, browserName: remover.browserName, at: removal.at };
    }
  }
  return found;
}

/** How a browser's membership, as its state says, ended; null while it is a member. */
export function membershipEnd(state: DeviceState, states: readonly DeviceState[]): MembershipEnd | null {
  if (state.leftAt) return { kind: 'left', person: state.person, browserName: state.browserName, at: state.leftAt };
  return removalOf(state.device, state.joinedAt, states);
}

/** The states of browsers still in the team (the ones compaction waits for). */
export function memberStates(states: readonly DeviceState[]): DeviceState[] {
  return states.filter((state) => membershipEnd(state, states) === null);
}

/** The team's removals and leaves as activity: who removed whom, and who left, with when. */
export function membershipActivity(states: readonly DeviceState[]): { at: string; text: string }[] {
  return states.flatMap((state) => [
    ...(state.leftAt ? [{ at: state.leftAt, text: `${state.person} left the team with ${state.browserName}` }] : []),
    ...(state.removed ?? []).map((removal) => ({
      at: removal.at,
      text: `${state.person} removed ${removal.person}’s browser “${removal.browserName}” from the team`,
    })),
  ]);
}
