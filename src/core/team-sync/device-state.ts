import * as z from 'zod/mini';
import { decodeUtf8Strict, encodeUtf8 } from '../backup/format/encoding';
import { fail, ok, type Result } from '../result';
import { byDevice, describeIssues, isoUtcTime } from './schema-parts';

/**
 * A browser's state object, `devices/<device>/state`: small, rewritten by its owner only, read
 * by every teammate. It says who the browser is (name, person, slot), when it was last seen, how
 * far it has read each device's log (which compaction waits for), how many of its changes are not
 * shared yet, its last backup, and which snapshots it wrote and read back. Outside input when
 * read: checked, and a state that does not fit is refused like any tampered object.
 */

export const STATE_FORMAT = 'ff2api-team-state';

const HEX32 = z.string().check(z.regex(/^[0-9a-f]{32}$/));
const positions = byDevice(z.int().check(z.gte(0)));
const iso = isoUtcTime();

export const verifiedSnapshotSchema = z.object({
  objectId: HEX32,
  epoch: z.string().check(z.maxLength(32)),
  epochClock: z.string().check(z.maxLength(80)),
  positions,
  checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  createdAt: iso,
});
export type VerifiedSnapshot = z.infer<typeof verifiedSnapshotSchema>;

/** A teammate this browser removed from the team: which membership (its joinedAt), when, by whom. */
export const removalSchema = z.object({
  device: HEX32,
  joinedAt: iso,
  at: iso,
  browserName: z.string().check(z.maxLength(200)),
  person: z.string().check(z.maxLength(200)),
});
export type Removal = z.infer<typeof removalSchema>;

const stateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  version: z.literal(1),
  team: HEX32,
  device: HEX32,
  slot: z.int().check(z.gte(1), z.lt(2 ** 24)),
  browserName: z.string().check(z.maxLength(200)),
  person: z.string().check(z.maxLength(200)),
  lastSeen: iso,
  joinedAt: iso,
  epoch: z.string().check(z.maxLength(32)),
  positions,
  /** This browser's last stored log object (0: none yet). */
  lastSequence: z.int().check(z.gte(0)),
  /** Changes made here and not yet in the store. */
  pending: z.int().check(z.gte(0)),
  lastBackupAt: z.nullable(iso),
  snapshots: z.array(verifiedSnapshotSchema).check(z.maxLength(50)),
  /** Teammates this browser removed (absent in states of browsers that never removed one). */
  removed: z.optional(z.array(removalSchema).check(z.maxLength(500))),
  /** When this browser left the team (its last state); absent or null while it is a member. */
  leftAt: z.optional(z.nullable(iso)),
});
export type DeviceState = z.infer<typeof stateSchema>;

const MAX_STATE_BYTES = 256 * 1024;

export function encodeDeviceState(state: DeviceState): Uint8Array {
  return encodeUtf8(JSON.stringify(state));
}

/** Reads a state object's body; it must belong to this team and to the device it is filed under. */
export function parseDeviceState(bytes: Uint8Array, team: string, device: string): Result<DeviceState> {
  const refuse = (why: string) =>
    fail<DeviceState>(
      'team-state-refused',
      'A teammate’s state in the team store could not be read, so it was ignored. Nothing was changed.',
      why,
    );
  if (bytes.byteLength > MAX_STATE_BYTES) return refuse('too large');
  const text = decodeUtf8Strict(bytes);
  if (text === null) return refuse('not UTF-8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse('not JSON');
  }
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) return refuse(describeIssues(parsed.error).slice(0, 300));
  if (parsed.data.team !== team || parsed.data.device !== device)
    return refuse('it belongs to another team or browser');
  return ok(parsed.data);
}
