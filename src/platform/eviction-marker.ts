/**
 * A note outside IndexedDB — in localStorage, which a browser clearing IndexedDB keeps — that
 * this browser had data, and which backup file holds it. If the database is ever gone while the
 * note says it existed, the app says so instead of quietly starting empty (docs/design.md, eviction).
 * Key "ff2api-web.data-marker": { hadDataAt, lastBackup: { fileName, at, where } | null,
 * teamStore: { endpoint, region, bucket, prefix } | null } — where the team store is, never its key.
 */

import * as z from 'zod/mini';

const KEY = 'ff2api-web.data-marker';

/** The note as stored; a damaged one keeps what it can (a good time with a bad file reads as no file). */
const MarkerSchema = z.object({
  hadDataAt: z.string(),
  lastBackup: z.catch(z.nullable(z.object({ fileName: z.string(), at: z.string(), where: z.string() })), null),
  teamStore: z.catch(
    z.nullable(z.object({ endpoint: z.string(), region: z.string(), bucket: z.string(), prefix: z.string() })),
    null,
  ),
});

export interface DataMarker {
  /** When this browser was last seen holding data. */
  hadDataAt: string;
  /** The newest backup file made from here, and where it went. */
  lastBackup: { fileName: string; at: string; where: string } | null;
  /** The team store this browser was connected to (its address only), to restore from after an eviction. */
  teamStore: { endpoint: string; region: string; bucket: string; prefix: string } | null;
}

/** The marker, or null when this browser never held data (or storage is blocked). */
export function readDataMarker(): DataMarker | null {
  try {
    const parsed = MarkerSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Records that the database holds data now, and its newest backup file. */
export function writeDataMarker(marker: DataMarker): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(marker));
  } catch {
    // Storage blocked (private mode): nothing to keep the note in; the app works without it.
  }
}

/** Forgets the marker (the user chose to start with an empty database). */
export function clearDataMarker(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}
