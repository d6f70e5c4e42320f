import { describeCounts, formatLocalTime } from './format';

/** What the team is told after a backup or restore (the procedures ask to announce both). */
export interface TeamNote {
  /** "Backup", "Emergency backup", "Restore (replace)", "Restore (merge)". */
  what: string;
  fileName: string;
  /** Who did it ("Your name" under Recent activity); null when no name was given. */
  by: string | null;
  /** ISO time it happened. */
  at: string;
  counts: { brokerages: number; brokerage_configurations: number; upload_history: number };
  /** The file's SHA-256 content checksum (hex); null when unknown. */
  checksum: string | null;
}

/**
 * One line for the team's chat: "FF2API backup: ff2api_backup_20261122_170003.json, by Dana,
 * Nov 22, 2026, 5:00 PM — 2 brokerages, 3 configurations, 340 uploads — checksum 1a2b3c4d".
 * Without a name the "by" part is left out rather than filled with a placeholder.
 */
export function describeTeamNote(note: TeamNote): string {
  const by = note.by ? ` by ${note.by},` : '';
  const checksum = note.checksum ? ` — checksum ${note.checksum.slice(0, 8)}` : '';
  const counts = describeCounts(note.counts).toLowerCase();
  return `FF2API ${note.what.toLowerCase()}: ${note.fileName},${by} ${formatLocalTime(note.at)} — ${counts}${checksum}`;
}
