import { DATA_TABLES, type DataTable } from '../db/schema';
import * as z from 'zod/mini';
import { SNAPSHOT_TRIGGERS, type SnapshotTrigger } from './triggers';

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
  { state: 'pending' } | { state: 'verified'; at: string } | { state: 'failed'; at: string; problem: string };

/** `user`: pinned by a person until unpinned; `until`: pinned by the app for a while. */
export type SnapshotPin = { kind: 'user' } | { kind: 'until'; until: string } | null;

/** Whether the snapshot is pinned at `now`. */
export function isPinned(pin: SnapshotPin, now: Date): boolean {
  if (pin === null) return false;
  return pin.kind === 'user' || Date.parse(pin.until) > now.getTime();
}

/** A new, sortable snapshot id. */
export function newSnapshotId(takenAt: string, random: () => number = Math.random): string {
  return `${takenAt}-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
}

const VerificationSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending') }),
  z.object({ state: z.literal('verified'), at: z.string() }),
  z.object({ state: z.literal('failed'), at: z.string(), problem: z.string() }),
]);

const PinSchema = z.nullable(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('user') }),
    z.object({ kind: z.literal('until'), until: z.string() }),
  ]),
);

const count = z.number().check(z.int(), z.nonnegative());

/** A manifest as stored: what one read back from IndexedDB (an outside input too) must be. */
const ManifestSchema = z.object({
  id: z.string(),
  takenAt: z.string(),
  trigger: z.enum(SNAPSHOT_TRIGGERS),
  note: z.nullable(z.string()),
  counts: z.object(Object.fromEntries(DATA_TABLES.map((table) => [table, count])) as Record<DataTable, typeof count>),
  databaseSha256: z.string(),
  checksum: z.nullable(z.string()),
  schemaVersion: z.number(),
  databaseBytes: z.number(),
  storedBytes: z.number(),
  dataChangedAt: z.nullable(z.string()),
  verification: VerificationSchema,
  pin: PinSchema,
});

/** Whether a record read back from storage is a manifest this build can use. */
export function isSnapshotManifest(value: unknown): value is SnapshotManifest {
  const parsed = ManifestSchema.safeParse(value);
  // The schema's output must be a SnapshotManifest (a compile-time check that the two agree).
  const manifest: SnapshotManifest | null = parsed.success ? parsed.data : null;
  return manifest !== null;
}
