import { expect } from 'vitest';
import { DATA_TABLES } from '../../src/core/db/schema';
import type { DatabaseStore } from '../../src/worker/engine/database-store';
import { loadSqlJs } from './sqljs';

/** A database's rows as a failed operation must keep them, and its audit trail apart. */
export interface DataState {
  /** Every data row and this browser's bookkeeping (app_meta), as text. */
  data: string;
  activity: unknown[][];
}

/** The data and the audit trail held in database bytes (null for none). */
export async function dataStateOf(bytes: Uint8Array | undefined): Promise<DataState | null> {
  if (!bytes) return null;
  const SQL = await loadSqlJs();
  const db = new SQL.Database(bytes);
  try {
    const tables = [...DATA_TABLES, 'app_meta'].map((t) => db.exec(`SELECT * FROM ${t} ORDER BY 1`));
    const activity = db.exec('SELECT id, at, kind, summary, details FROM activity_log ORDER BY id')[0]?.values ?? [];
    return { data: JSON.stringify(tables), activity };
  } finally {
    db.close();
  }
}

/** The live database's state and, given its store, the stored one's. */
export async function captureData(api: { exportLiveBytes(): Uint8Array }, store?: DatabaseStore) {
  return {
    live: await dataStateOf(api.exportLiveBytes()),
    stored: store ? await dataStateOf((await store.load())?.bytes) : null,
  };
}

/**
 * The data is exactly as it was, live and stored; the audit trail only grew (a failed restore is
 * recorded), every earlier entry unchanged.
 */
export function expectDataKept(
  after: Awaited<ReturnType<typeof captureData>>,
  before: Awaited<ReturnType<typeof captureData>>,
) {
  for (const where of ['live', 'stored'] as const) {
    if (before[where] === null) continue;
    expect(after[where]?.data).toBe(before[where]?.data);
    const kept = before[where]?.activity ?? [];
    expect(after[where]?.activity.slice(0, kept.length)).toEqual(kept);
  }
}
