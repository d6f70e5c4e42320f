import type { ObjectInfo } from '../team-store/object-store';
import { parseObjectName } from '../team-store/object-names';

/**
 * One listing of the team's `devices/` folder, read as the sync protocol needs it: per device
 * its log objects (by sequence), its state object and its snapshots. Names that are not exactly
 * ours are foreign — never read, never deleted — and only counted, so the Team view can say so.
 */

export interface DeviceObjects {
  logs: number[];
  state: ObjectInfo | null;
  snapshots: { objectId: string; info: ObjectInfo }[];
}

export interface TeamListing {
  devices: Map<string, DeviceObjects>;
  foreign: string[];
}

/** The prefix a listing asks for. */
export const DEVICES_FOLDER = 'devices/';

/** Sorts a listing of `<prefix>devices/` into devices' objects. */
export function readListing(prefix: string, objects: readonly ObjectInfo[]): TeamListing {
  const devices = new Map<string, DeviceObjects>();
  const foreign: string[] = [];
  const of = (device: string) => {
    let entry = devices.get(device);
    if (!entry) devices.set(device, (entry = { logs: [], state: null, snapshots: [] }));
    return entry;
  };
  for (const info of objects) {
    const name = parseObjectName(prefix, info.name);
    if (name === null) foreign.push(info.name);
    else if (name.kind === 'log') of(name.deviceId).logs.push(name.sequence);
    else if (name.kind === 'state') of(name.deviceId).state = info;
    else if (name.kind === 'snapshot') of(name.deviceId).snapshots.push({ objectId: name.objectId, info });
  }
  for (const entry of devices.values()) entry.logs.sort((a, b) => a - b);
  return { devices, foreign };
}

/**
 * The log objects to read next from one device, in order: those right after `position` with no
 * gap (a later one waits while an earlier one is not listed yet). `gap` is true when the next
 * one needed is gone while later ones are there — compacted away: catch up from a snapshot.
 */
export function logsToRead(logs: readonly number[], position: number): { read: number[]; gap: boolean } {
  const after = logs.filter((sequence) => sequence > position);
  const read: number[] = [];
  for (const sequence of after) {
    if (sequence !== position + read.length + 1) break;
    read.push(sequence);
  }
  return { read, gap: after.length > 0 && read.length === 0 };
}
