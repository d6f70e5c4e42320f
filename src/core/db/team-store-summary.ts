import type { Database } from './sql-types';
import { selectRows } from './transaction';

/**
 * What the worker needs of `team_store` at every start (./team-store-settings.ts reads the rest,
 * once a store is used): whether a store is connected, whether a copy goes there before risky
 * steps, and this browser's names — none of the keys.
 */
export interface TeamStoreSummary {
  isConnected: boolean;
  copyBeforeRisky: boolean;
  browserName: string;
  person: string;
}

export function readTeamStoreSummary(db: Database): TeamStoreSummary | null {
  const [row] = selectRows<{ connected: number; risky: number; browser_name: string; person: string }>(
    db,
    'SELECT team_key IS NOT NULL AS connected, copy_before_risky AS risky, browser_name, person FROM team_store',
  );
  return row
    ? {
        isConnected: row.connected === 1,
        copyBeforeRisky: row.risky === 1,
        browserName: row.browser_name,
        person: row.person,
      }
    : null;
}
