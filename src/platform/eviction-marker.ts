/**
 * A note outside IndexedDB — in localStorage, which a browser clearing IndexedDB keeps — that
 * this browser had data, and which backup file holds it. If the database is ever gone while the
 * note says it existed, the app says so instead of quietly starting empty (docs/design.md, eviction).
 * Key "ff2api-web.data-marker": { hadDataAt, lastBackup: { fileName, at, where } | null,
 * teamStore: { endpoint, region, bucket, prefix } | null } — where the team store is, never its key.
 */

import type { DataMarker } from './eviction-marker-schema';
import { lazyModule } from './lazy-import';

const KEY = 'ff2api-web.data-marker';

/**
 * The marker's reader (its schema, with zod): loaded only when there is a marker to read — and the
 * app reads it only in the rare cases that need it (the database started empty, or a backup file
 * is unknown), so a start never pays for it.
 */
const loadParser = lazyModule(() => import('./eviction-marker-schema'));

export type { DataMarker };

/** The marker's stored text, or null when there is none (or storage is blocked): cheap, for reading later. */
export function readDataMarkerText(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The marker, or null when this browser never held data (or storage is blocked, or it is damaged). */
export async function readDataMarker(text: string | null = readDataMarkerText()): Promise<DataMarker | null> {
  if (text === null) return null;
  const parser = await loadParser();
  return parser.ok ? parser.value.parseDataMarker(text) : null;
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
