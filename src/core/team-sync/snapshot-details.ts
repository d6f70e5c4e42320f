import * as z from 'zod/mini';
import { byDevice, tableCounts } from './schema-parts';

/**
 * What a snapshot's sealed header says about it (readable with one ranged GET): the epoch its
 * data belongs to, how far it had read each device's log (every change of that epoch up to there
 * is in it), and its data's checksum.
 */
const detailsSchema = z.object({
  epoch: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
  epochClock: z.string().check(z.maxLength(80)),
  positions: byDevice(z.int().check(z.gte(0))),
  checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  counts: tableCounts(),
  schemaVersion: z.int(),
});
export type SnapshotDetails = z.infer<typeof detailsSchema>;

/** The details, or null when the header does not carry them as a snapshot's must. */
export function readSnapshotDetails(details: Record<string, unknown>): SnapshotDetails | null {
  const parsed = detailsSchema.safeParse(details);
  return parsed.success ? parsed.data : null;
}
