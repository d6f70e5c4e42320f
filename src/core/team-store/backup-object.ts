import * as z from 'zod/mini';
import { stringKeyed } from './schema-parts';
import type { ObjectMetadata } from './envelope-format';
import type { StoreBackupKind } from './store-retention';

/**
 * What a backup object says about itself, inside its sealed header (so the bucket host sees none
 * of it): which kind of backup, the file's name, size, counts and checksum, and which browser
 * and person made it. A listing reads it with one ranged GET per object. It comes from the store,
 * so it is read through a schema: anything else is not a backup of ours.
 */

export const BACKUP_OBJECT_KIND = 'backup';

export interface BackupObjectDetails {
  backupKind: StoreBackupKind;
  fileName: string;
  /** The backup file's content checksum (what a restore certifies). */
  checksum: string;
  /** SHA-256 (hex) of the backup file's bytes: the read-back check compares the copy with it. */
  sha256: string;
  sizeBytes: number;
  counts: Record<string, number>;
  /** How the file holds API credentials: plain, encrypted with a passphrase, or left out. */
  secrets: 'plain' | 'encrypted' | 'omitted';
  browserName: string;
}

const detailsSchema = z.object({
  backupKind: z.enum(['daily', 'emergency', 'manual', 'before-risky']),
  fileName: z.string().check(z.regex(/^ff2api_(emergency_)?backup_\d{8}_\d{6}\.json(\.gz)?$/)),
  checksum: z.string().check(z.maxLength(200)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  sizeBytes: z.int().check(z.gte(0)),
  counts: stringKeyed(z.int().check(z.gte(0))).check(
    z.refine((counts) => Object.keys(counts).every((table) => table.length <= 64), 'table names are short'),
  ),
  secrets: z.enum(['plain', 'encrypted', 'omitted']),
  browserName: z.string().check(z.maxLength(100)),
});

/** The sealed header's metadata for a backup file made at `createdAt` by this browser. */
export function backupObjectMetadata(input: {
  createdAt: string;
  deviceId: string;
  person: string;
  details: BackupObjectDetails;
}): ObjectMetadata {
  return {
    kind: BACKUP_OBJECT_KIND,
    createdAt: input.createdAt,
    deviceId: input.deviceId,
    person: input.person,
    details: { ...input.details },
  };
}

/** The details of a backup object's header, or null when the header is not a backup's. */
export function readBackupDetails(metadata: ObjectMetadata): BackupObjectDetails | null {
  if (metadata.kind !== BACKUP_OBJECT_KIND) return null;
  const parsed = detailsSchema.safeParse(metadata.details);
  return parsed.success ? parsed.data : null;
}
