/**
 * A note outside IndexedDB — in localStorage, which a browser clearing IndexedDB keeps — that
 * this browser had data, and which backup file holds it. If the database is ever gone while the
 * note says it existed, the app says so instead of quietly starting empty (docs/design.md, eviction).
 * Key "ff2api-web.data-marker": { hadDataAt, lastBackup: { fileName, at, where } | null,
 * teamStore: { endpoint, region, bucket, prefix } | null } — where the team store is, never its key.
 *
 * Checked by hand rather than with a schema library: the page reads it at start, and a few-field
 * record is not worth the library's weight in the JavaScript loaded then.
 */

const KEY = 'ff2api-web.data-marker';

export interface DataMarker {
  /** When this browser was last seen holding data. */
  hadDataAt: string;
  /** The newest backup file made from here, and where it went. */
  lastBackup: { fileName: string; at: string; where: string } | null;
  /** The team store this browser was connected to (its address only), to restore from after an eviction. */
  teamStore: { endpoint: string; region: string; bucket: string; prefix: string } | null;
}

/** The marker, or null when this browser never held data (or storage is blocked, or it is damaged). */
export function readDataMarker(): DataMarker | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!isRecord(value) || typeof value.hadDataAt !== 'string') return null;
    // A damaged part keeps what it can: a good time with a bad file reads as no file.
    const last = value.lastBackup;
    const store = value.teamStore;
    const lastBackup = hasStrings(last, ['fileName', 'at', 'where'])
      ? { fileName: last.fileName, at: last.at, where: last.where }
      : null;
    const teamStore = hasStrings(store, ['endpoint', 'region', 'bucket', 'prefix'])
      ? { endpoint: store.endpoint, region: store.region, bucket: store.bucket, prefix: store.prefix }
      : null;
    return { hadDataAt: value.hadDataAt, lastBackup, teamStore };
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasStrings<K extends string>(value: unknown, keys: readonly K[]): value is Record<K, string> {
  return isRecord(value) && keys.every((key) => typeof value[key] === 'string');
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
