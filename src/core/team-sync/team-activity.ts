import type { RestoreRecord } from './changes';
import type { LostChange } from './epochs';
import { fieldLabel, type ConflictView, type TeamBrowser } from './team-views';

/**
 * The team's activity as the Team view lists it, newest first: browsers joining, backups made,
 * team restores (who replaced the team database with what), changes a restore replaced before
 * anyone saw them, conflicts, and objects in the store that were refused. Worked out from what
 * the engine already keeps, so every browser with the same changes tells the same story (apart
 * from its own refusals and the teammates' states it has read).
 */

export type TeamActivityKind = 'joined' | 'left' | 'backup' | 'restore' | 'lost' | 'conflict' | 'refused';

export interface TeamActivityEntry {
  at: string;
  kind: TeamActivityKind;
  text: string;
}

export interface TeamActivitySources {
  browsers: readonly TeamBrowser[];
  restores: readonly { record: RestoreRecord; at: string }[];
  lost: readonly LostChange[];
  conflicts: readonly ConflictView[];
  refused: readonly { name: string; reason: string; at: string }[];
  /** Removals and leaves (membership.ts). */
  departures: readonly { at: string; text: string }[];
}

/** The most entries the view lists. */
export const ACTIVITY_LIMIT = 100;

export function teamActivity(sources: TeamActivitySources): TeamActivityEntry[] {
  const entries: TeamActivityEntry[] = [
    ...sources.browsers.map((b) => ({
      at: b.joinedAt,
      kind: 'joined' as const,
      text: `${b.person} joined the team with ${b.browserName}`,
    })),
    ...sources.browsers.flatMap((b) =>
      b.lastBackupAt
        ? [{ at: b.lastBackupAt, kind: 'backup' as const, text: `${b.person} made a backup in ${b.browserName}` }]
        : [],
    ),
    ...sources.departures.map((d) => ({ ...d, kind: 'left' as const })),
    ...sources.restores.map(({ record, at }) => ({ at, kind: 'restore' as const, text: restoreText(record) })),
    ...sources.lost.map((l) => ({
      at: l.at,
      kind: 'lost' as const,
      text: `A change by ${l.person} was replaced by a team restore before anyone saw it: ${l.what}`,
    })),
    ...sources.conflicts.map((c) => ({ at: c.other.at, kind: 'conflict' as const, text: conflictText(c) })),
    ...sources.refused.map((r) => ({
      at: r.at,
      kind: 'refused' as const,
      text: `An object in the team store was refused and not used (${r.reason})`,
    })),
  ];
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, ACTIVITY_LIMIT);
}

function restoreText(record: RestoreRecord): string {
  switch (record.source) {
    case 'team-created':
      return `${record.person} started the team database from ${record.browser}`;
    case 'undo':
      return `${record.person} undid the last team restore`;
    case 'file':
      return `${record.person} replaced the team database with ${record.fileName ?? 'a backup file'}`;
    case 'snapshot':
      return `${record.person} replaced the team database with a snapshot`;
  }
}

function conflictText(c: ConflictView): string {
  const where = c.configuration ? `${c.brokerage} / ${c.configuration}` : c.brokerage;
  return c.kind === 'deleted'
    ? `Conflict: ${c.other.person} edited the ${fieldLabel(c.field)} of ${where} while it was deleted`
    : `Conflict: ${c.other.person}’s ${fieldLabel(c.field)} of ${where} lost to ${c.kept?.person ?? 'another edit'}’s`;
}
