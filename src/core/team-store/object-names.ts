/**
 * The team store's object names. They carry no data — only a fixed layout and random ids — so
 * the bucket host learns nothing from a listing but counts, sizes and times. Under the team's
 * prefix:
 *
 *   ff2api-team.json                        the team manifest (plain JSON: wrapped keys only)
 *   devices/<device id>/backups/<object id> a backup file, sealed
 *   devices/<device id>/log/<sequence>      one browser's change log, in order (12 digits)
 *   devices/<device id>/state               one browser's latest state
 *   devices/<device id>/snapshots/<object id> a team database snapshot, sealed
 *   probes/<probe id>                       a connection check's test object (deleted at once)
 *
 * The parser is strict: any other name, or one under another prefix, is foreign — never read as
 * ours and never deleted. Ids are 32 lowercase hex digits (128 random bits).
 */

export const MANIFEST_NAME = 'ff2api-team.json';

export type ObjectName =
  | { kind: 'manifest' }
  | { kind: 'backup'; deviceId: string; objectId: string }
  | { kind: 'log'; deviceId: string; sequence: number }
  | { kind: 'state'; deviceId: string }
  | { kind: 'snapshot'; deviceId: string; objectId: string }
  | { kind: 'probe'; probeId: string };

const ID = '[0-9a-f]{32}';
const SEQUENCE_DIGITS = 12;
const LAYOUT: readonly [RegExp, (m: RegExpExecArray) => ObjectName][] = [
  [/^ff2api-team\.json$/, () => ({ kind: 'manifest' })],
  [
    new RegExp(`^devices/(${ID})/backups/(${ID})$`),
    (m) => ({ kind: 'backup', deviceId: at(m, 1), objectId: at(m, 2) }),
  ],
  [
    new RegExp(`^devices/(${ID})/log/(\\d{${SEQUENCE_DIGITS}})$`),
    (m) => ({ kind: 'log', deviceId: at(m, 1), sequence: Number(at(m, 2)) }),
  ],
  [new RegExp(`^devices/(${ID})/state$`), (m) => ({ kind: 'state', deviceId: at(m, 1) })],
  [
    new RegExp(`^devices/(${ID})/snapshots/(${ID})$`),
    (m) => ({ kind: 'snapshot', deviceId: at(m, 1), objectId: at(m, 2) }),
  ],
  [new RegExp(`^probes/(${ID})$`), (m) => ({ kind: 'probe', probeId: at(m, 1) })],
];

/** What a full key is, when it is exactly one of ours under `prefix`; null when it is foreign. */
export function parseObjectName(prefix: string, key: string): ObjectName | null {
  if (!key.startsWith(prefix)) return null;
  const relative = key.slice(prefix.length);
  for (const [pattern, build] of LAYOUT) {
    const match = pattern.exec(relative);
    if (match) return build(match);
  }
  return null;
}

/** The name relative to the prefix (what an object's seal binds, so a copy under another prefix fails too). */
export function relativeObjectName(name: ObjectName): string {
  switch (name.kind) {
    case 'manifest':
      return MANIFEST_NAME;
    case 'backup':
      return `devices/${checkId(name.deviceId)}/backups/${checkId(name.objectId)}`;
    case 'log':
      return `devices/${checkId(name.deviceId)}/log/${sequenceText(name.sequence)}`;
    case 'state':
      return `devices/${checkId(name.deviceId)}/state`;
    case 'snapshot':
      return `devices/${checkId(name.deviceId)}/snapshots/${checkId(name.objectId)}`;
    case 'probe':
      return `probes/${checkId(name.probeId)}`;
  }
}

/** The full key of one of our objects. */
export function objectKey(prefix: string, name: ObjectName): string {
  return `${prefix}${relativeObjectName(name)}`;
}

/** The key of a connection check's probe. */
export function probeName(prefix: string, probeId: string): string {
  return objectKey(prefix, { kind: 'probe', probeId });
}

/** The device an object belongs to (a browser writes and deletes only its own). */
export function deviceOf(name: ObjectName): string | null {
  return 'deviceId' in name ? name.deviceId : null;
}

/** A fresh random id (128 bits, hex). */
export function newObjectId(): string {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(16))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

export function isObjectId(text: string): boolean {
  return new RegExp(`^${ID}$`).test(text);
}

function checkId(id: string): string {
  if (!isObjectId(id)) throw new Error(`not an object id: ${id}`);
  return id;
}

function sequenceText(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence >= 10 ** SEQUENCE_DIGITS) {
    throw new Error(`not a log sequence: ${sequence}`);
  }
  return String(sequence).padStart(SEQUENCE_DIGITS, '0');
}

function at(match: RegExpExecArray, group: number): string {
  return match[group] ?? '';
}
