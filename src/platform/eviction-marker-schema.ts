import * as z from 'zod/mini';

/** The eviction marker (./eviction-marker.ts). */
export interface DataMarker {
  /** When this browser was last seen holding data. */
  hadDataAt: string;
  /** The newest backup file made from here, and where it went. */
  lastBackup: { fileName: string; at: string; where: string } | null;
  /** The team store this browser was connected to (its address only), to restore from after an eviction. */
  teamStore: { endpoint: string; region: string; bucket: string; prefix: string } | null;
}

/** The note as stored; a damaged one keeps what it can (a good time with a bad file reads as no file). */
const MarkerSchema = z.object({
  hadDataAt: z.string(),
  lastBackup: z.catch(z.nullable(z.object({ fileName: z.string(), at: z.string(), where: z.string() })), null),
  teamStore: z.catch(
    z.nullable(z.object({ endpoint: z.string(), region: z.string(), bucket: z.string(), prefix: z.string() })),
    null,
  ),
});

/** The marker's stored text read back through its schema; null when it is not a marker. */
export function parseDataMarker(text: string): DataMarker | null {
  try {
    const parsed = MarkerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
