/**
 * A note outside IndexedDB — in localStorage, which a browser clearing IndexedDB keeps — that
 * this browser had data, and which backup file holds it. If the database is ever gone while the
 * note says it existed, the app says so instead of quietly starting empty (docs/design.md, eviction).
 * Key "ff2api-web.data-marker": { hadDataAt, lastBackup: { fileName, at, where } | null }.
 */

const KEY = 'ff2api-web.data-marker';

export interface DataMarker {
  /** When this browser was last seen holding data. */
  hadDataAt: string;
  /** The newest backup file made from here, and where it went. */
  lastBackup: { fileName: string; at: string; where: string } | null;
}

/** The marker, or null when this browser never held data (or storage is blocked). */
export function readDataMarker(): DataMarker | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const marker = value as Partial<DataMarker>;
    if (typeof marker.hadDataAt !== 'string') return null;
    const last = marker.lastBackup;
    const isLast =
      last !== null &&
      typeof last === 'object' &&
      typeof last?.fileName === 'string' &&
      typeof last.at === 'string' &&
      typeof last.where === 'string';
    return { hadDataAt: marker.hadDataAt, lastBackup: isLast ? last : null };
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
