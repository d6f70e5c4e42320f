import { sha256Hex } from '../backup/checksum/canonical';
import { encodeUtf8 } from '../backup/format/encoding';

/**
 * Global ids. Every browser's backup must have the same checksum, and backups carry ids, so a
 * row has the same id in every browser. Ids are made so they never need to change: each browser
 * of a team has a slot, and every row it creates gets the next id of its slot,
 *
 *   id = slot × 2^28 + n      (slot 1 … 2^24 − 1, n 1 … 2^28 − 1; every id below 2^52)
 *
 * Slot 0 holds the rows a team started from (the first browser's data, a restored file), with
 * the ids they had. The slot comes from the device id's SHA-256, and a browser joining takes the
 * next candidate when a teammate's state already names it; two browsers joining in the same
 * seconds with the same 24-bit slot (about one chance in 10^7 per pair) is found at the next sync
 * and stops sharing with a message rather than mixing rows.
 */

export const COUNTER_BITS = 28;
export const SLOT_SIZE = 2 ** COUNTER_BITS;
export const SLOT_COUNT = 2 ** 24;

export interface IdRange {
  low: number;
  high: number;
}

/** The ids slot `slot` hands out. */
export function slotRange(slot: number): IdRange {
  return { low: slot * SLOT_SIZE + 1, high: (slot + 1) * SLOT_SIZE - 1 };
}

/** The slot an id belongs to (0: the rows the team started from). */
export function slotOfId(id: number): number {
  return Math.floor(id / SLOT_SIZE);
}

/** This device's slot: the first candidate from its id that no known teammate holds. */
export async function chooseSlot(deviceId: string, taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const digest = await sha256Hex(encodeUtf8(`ff2api-team-slot:${deviceId}:${attempt}`));
    const slot = (Number.parseInt(digest.slice(0, 8), 16) % (SLOT_COUNT - 1)) + 1;
    if (!taken.has(slot)) return slot;
  }
}

/** True for a slot a device may hold. */
export function isDeviceSlot(slot: number): boolean {
  return Number.isSafeInteger(slot) && slot >= 1 && slot < SLOT_COUNT;
}
