/**
 * What this browser found out about each configuration's load API: whether it lets this page send
 * the `Idempotency-Key` header (src/platform/idempotency-key-support.ts). Stored in `app_meta`,
 * this browser's own bookkeeping (not carried in backups: another browser finds out again), one
 * key per configuration, with the API's origin — a configuration moved to another API starts
 * unknown again.
 */
import type { Database } from './sql-types';
import { selectRows } from './transaction';

/** What is known about an API and the Idempotency-Key header. */
export type IdempotencyKeySupport = 'unknown' | 'accepted' | 'refused';

/** A remembered finding, as the configuration shows it. */
export interface KeySupportFact {
  support: 'accepted' | 'refused';
  checkedAt: string;
}

const KEY_PREFIX = 'load_api_idempotency_key:';

const SQL = {
  read: 'SELECT value FROM app_meta WHERE key = ?',
  readAll: "SELECT key, value FROM app_meta WHERE key LIKE 'load\\_api\\_idempotency\\_key:%' ESCAPE '\\'",
  write: 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
} as const;

/** The finding for a configuration at its current base URL, or null when none is known. */
export function readKeySupport(db: Database, configurationId: number, baseUrl: string): KeySupportFact | null {
  const row = selectRows<{ value: string }>(db, SQL.read, [`${KEY_PREFIX}${configurationId}`])[0];
  return row ? parseFact(row.value, baseUrl) : null;
}

/** Every configuration's finding by id (for the configuration list), each checked against its base URL. */
export function readAllKeySupport(
  db: Database,
  baseUrlOf: (configurationId: number) => string | undefined,
): Map<number, KeySupportFact> {
  const found = new Map<number, KeySupportFact>();
  for (const row of selectRows<{ key: string; value: string }>(db, SQL.readAll)) {
    const id = Number(row.key.slice(KEY_PREFIX.length));
    const baseUrl = baseUrlOf(id);
    const fact = baseUrl === undefined ? null : parseFact(row.value, baseUrl);
    if (fact) found.set(id, fact);
  }
  return found;
}

/** Remembers a finding (nothing is written for `unknown`). */
export function rememberKeySupport(
  db: Database,
  configurationId: number,
  baseUrl: string,
  support: IdempotencyKeySupport,
  now: string,
): void {
  if (support === 'unknown') return;
  db.run(SQL.write, [
    `${KEY_PREFIX}${configurationId}`,
    JSON.stringify({ support, origin: originOf(baseUrl), checkedAt: now }),
  ]);
}

/** A stored finding, if it is readable and about this base URL's origin. */
function parseFact(text: string, baseUrl: string): KeySupportFact | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return null;
    const { support, origin, checkedAt } = value as Record<string, unknown>;
    if (
      (support !== 'accepted' && support !== 'refused') ||
      origin !== originOf(baseUrl) ||
      typeof checkedAt !== 'string'
    )
      return null;
    return { support, checkedAt };
  } catch {
    return null;
  }
}

/** The scheme, host and port of a base URL (the whole text when it is not a URL). */
function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl.trim()).origin;
  } catch {
    return baseUrl.trim();
  }
}
