import { DATA_TABLES, type DataTable } from '../db/schema';
import { isSnapshotTrigger, type SnapshotTrigger } from './triggers';

/**
 * A snapshot's manifest: everything known about one stored copy of the database except its
 * bytes. The bytes (gzip of the SQLite file) are stored apart, under the same id.
 */
export interface SnapshotManifest {
  /** Sortable and unique: the time taken, then a random tail. */
  id: string;
  /** ISO UTC, on the page's clock. */
  takenAt: string;
  trigger: SnapshotTrigger;
  note: string | null;
  /** Rows per data table, counted in the live database when the snapshot was taken. */
  counts: Record<DataTable, number>;
  /**
   * SHA-256 of the uncompressed database file as exported from the live database. Verification
   * recomputes it from the stored copy: equal digests mean the copy is exactly what was taken.
   */
  databaseSha256: string;
  /** The content checksum a backup file of this data carries; set by the first verification. */
  checksum: string | null;
  schemaVersion: number;
  /** Size of the SQLite file, and of the compressed copy stored. */
  databaseBytes: number;
  storedBytes: number;
  /** The live data's last change time it holds: later changes are in no snapshot yet. */
  dataChangedAt: string | null;
  verification: SnapshotVerification;
  pin: SnapshotPin;
}

export type SnapshotVerification =
  | { state: 'pending' }
  | { state: 'verified'; at: string }
  | { state: 'failed'; at: string; problem: string };

/** `user`: pinned by a person until unpinned; `until`: pinned by the app for a while. */
export type SnapshotPin = { kind: 'user' } | { kind: 'until'; until: string } | null;

/** Whether the snapshot is pinned at `now`. */
export function isPinned(pin: SnapshotPin, now: Date): boolean {
  if (pin === null) return false;
  return pin.kind === 'user' || Date.parse(pin.until) > now.getTime();
}

/** A new, sortable snapshot id. */
export function newSnapshotId(takenAt: string, random: () => number = Math.random): string {
  return `${takenAt}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

/** Type guard for manifests read back from storage (IndexedDB is an outside input too). */
export function isSnapshotManifest(value: unknown): value is SnapshotManifest {
  if (!isRecord(value)) return false;
  const strings = ['id', 'takenAt', 'databaseSha256'] as const;
  if (!strings.every((key) => typeof value[key] === 'string')) return false;
  if (!isSnapshotTrigger(value.trigger)) return false;
  if (!(value.note === null || typeof value.note === 'string')) return false;
  if (!(value.checksum === null || typeof value.checksum === 'string')) return false;
  if (!(value.dataChangedAt === null || typeof value.dataChangedAt === 'string')) return false;
  if (!['schemaVersion', 'databaseBytes', 'storedBytes'].every((key) => Number.isFinite(value[key]))) return false;
  const counts = value.counts;
  if (!isRecord(counts) || !DATA_TABLES.every((table) => Number.isInteger(counts[table]))) return false;
  return isVerification(value.verification) && isPin(value.pin);
}

function isVerification(value: unknown): value is SnapshotVerification {
  if (!isRecord(value)) return false;
  if (value.state === 'pending') return true;
  if (value.state === 'verified') return typeof value.at === 'string';
  return value.state === 'failed' && typeof value.at === 'string' && typeof value.problem === 'string';
}

function isPin(value: unknown): value is SnapshotPin {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  return value.kind === 'user' || (value.kind === 'until' && typeof value.until === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
