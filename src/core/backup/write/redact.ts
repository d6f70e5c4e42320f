import type { Values } from '../checksum/database-rows';
import { SECRET_CREDENTIAL_KEYS } from '../format/format';

/**
 * A configuration row's stored values without API keys and bearer tokens (secrets "omitted"):
 * the base URL stays, and the row says it needs credentials, so the file describes exactly what
 * a restore will store and its checksum covers that. Column positions as in TABLE_COLUMNS.
 */
export function redactSecrets(values: Values): void {
  const API_CREDENTIALS = 4;
  const BEARER_TOKEN = 6;
  const NEEDS_CREDENTIALS = 14;
  let credentials: unknown;
  try {
    credentials = JSON.parse(String(values[API_CREDENTIALS] ?? '{}'));
  } catch {
    credentials = null;
  }
  const kept: Record<string, unknown> = {};
  if (credentials !== null && typeof credentials === 'object' && !Array.isArray(credentials)) {
    for (const [key, value] of Object.entries(credentials)) {
      if (!(SECRET_CREDENTIAL_KEYS as readonly string[]).includes(key))
        Object.defineProperty(kept, key, { value, enumerable: true });
    }
  }
  values[API_CREDENTIALS] = JSON.stringify(kept);
  values[BEARER_TOKEN] = null;
  values[NEEDS_CREDENTIALS] = 1;
}
