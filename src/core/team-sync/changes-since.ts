import { withAttached } from '../backup/restore/attach';
import type { Database } from '../db/sql-types';
import { selectRows } from '../db/transaction';
import type { DeviceState } from './device-state';
import { clockTime } from './hlc';
import { slotOfId } from './id-range';
import { APPEND_TABLES } from './sync-tables';

/**
 * Before a team restore replaces everything, the preview says what teammates changed since the
 * file was made, by whom (the original procedures' "check with the team before restoring"):
 * brokerage and configuration edits written after the file's time, by their author; history rows
 * the team holds and the file lacks, by the browser whose id range they are in (its person).
 */

export interface ChangesByPerson {
  person: string;
  browserName: string;
  device: string | null;
  /** Brokerages and configurations edited (rows). */
  edited: number;
  /** Uploads, errors and configuration changes the file does not have. */
  added: number;
  /** A few of them, in words. */
  examples: string[];
}

const MAX_EXAMPLES = 5;

export function teamChangesSince(
  live: Database,
  file: Database,
  fileCreatedAt: string,
  states: readonly DeviceState[],
): ChangesByPerson[] {
  const byDevice = new Map<string, ChangesByPerson>();
  const bySlot = new Map(states.map((s) => [s.slot, s]));
  const entry = (device: string | null, person: string): ChangesByPerson => {
    const key = device ?? `person:${person}`;
    let found = byDevice.get(key);
    if (!found) {
      const state = states.find((s) => s.device === device);
      found = {
        person: state?.person ?? person,
        browserName: state?.browserName ?? '',
        device,
        edited: 0,
        added: 0,
        examples: [],
      };
      byDevice.set(key, found);
    }
    return found;
  };
  const edits = selectRows<{ tbl: string; row_id: number; hlc: string; person: string; name: string | null }>(
    live,
    `SELECT w.tbl, w.row_id, MAX(w.hlc) AS hlc, w.person,
       (SELECT json_extract(n.value, '$') FROM team_sync_writes n WHERE n.tbl = w.tbl AND n.row_id = w.row_id
         AND n.field IN ('name', 'configuration_name') ORDER BY n.hlc DESC LIMIT 1) AS name
     FROM team_sync_writes w GROUP BY w.tbl, w.row_id, substr(w.hlc, -32), w.person`,
  );
  for (const edit of edits) {
    if (clockTime(edit.hlc) <= fileCreatedAt) continue;
    const who = entry(edit.hlc.slice(-32), edit.person);
    who.edited++;
    if (who.examples.length < MAX_EXAMPLES)
      who.examples.push(`${edit.tbl === 'brokerages' ? 'brokerage' : 'configuration'} “${edit.name ?? edit.row_id}”`);
  }
  withAttached(live, file, 'file', () => {
    for (const table of APPEND_TABLES) {
      const added = selectRows<{ id: number; label: string | null }>(
        live,
        `SELECT id, ${table === 'upload_history' ? 'filename' : 'NULL'} AS label FROM main.${table} WHERE id NOT IN (SELECT id FROM file.${table})`,
      );
      for (const row of added) {
        const state = bySlot.get(slotOfId(row.id));
        const who = entry(state?.device ?? null, state?.person ?? 'someone before the team started');
        who.added++;
        if (row.label !== null && who.examples.length < MAX_EXAMPLES) who.examples.push(`upload “${row.label}”`);
      }
    }
  });
  return [...byDevice.values()].sort((a, b) => b.edited + b.added - (a.edited + a.added));
}
