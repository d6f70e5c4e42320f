import type { SecretsMode } from '../../core/backup/format/format';
import type { RestoreWarning } from '../../core/backup/read/problems';
import type { RestoreMode, TableChange } from '../../core/backup/restore/changes';
import type { RestoreNames } from '../../core/backup/restore/names';
import type { DataTable } from '../../core/db/schema';
import type { SettingChange } from '../../core/settings/settings-changes';
import type { ChangesSince } from '../../core/snapshots/changes-since';
import type { ChangesByPerson } from '../../core/team-sync/changes-since';
import type { SnapshotRow } from '../snapshots/snapshot-types';

/** What the page sees of a restore: the preview of a file or snapshot, the outcome, the undo. */

export interface RestorePreview {
  previewId: string;
  fileName: string;
  /** Human name of the shape read, e.g. "FF2API Web backup 2.0", "FF2API v1.0 sidebar backup". */
  shapeLabel: string;
  fileCreatedAt: string | null;
  fileCounts: Record<DataTable, number>;
  warnings: RestoreWarning[];
  changes: Record<RestoreMode, Record<DataTable, TableChange>>;
  /** Set when the file is older than the last change here: what replacing would lose. */
  wouldLose: Record<RestoreMode, { changes: number; since: string } | null>;
  /** True when the live database has data (replace then needs the typed RESTORE). */
  liveHasData: boolean;
  secrets: SecretsMode;
  /** True when the file is encrypted and no passphrase was given yet: counts only. */
  needsPassphrase: boolean;
  /** What each mode does, in the names a user knows (null while the file is locked). */
  names: Record<RestoreMode, RestoreNames> | null;
  /** The certified content checksum of the file's data (null while locked). */
  checksum: string | null;
  /** The settings each mode would take from the file (end of day, retention …); empty: none. */
  settingChanges: Record<RestoreMode, SettingChange[]>;
  /**
   * Set when this browser is in a team database: a replace then replaces the team's database for
   * every teammate. What teammates changed since the file was made, by person (lost by replacing).
   */
  team: { changedSince: ChangesByPerson[] } | null;
}

/** How a restore is asked for. */
export interface RestoreOptions {
  /**
   * The browser deleted its data and this restore brings it back (the eviction alert is up): the
   * person's name the file carries comes back with the data.
   */
  isRecovery?: boolean;
}

/** What a restore, merge or undo did. */
export interface RestoreOutcome {
  mode: RestoreMode | 'undo';
  /** True when it replaced the team's database for every teammate (a team restore or its undo). */
  isTeamRestore?: boolean;
  counts: Record<DataTable, number>;
  warnings: RestoreWarning[];
  /** Settings the restore took from the file (end of day, retention …), in words; none for an undo. */
  settingChanges?: SettingChange[];
}

export interface UndoPreview {
  /** What is undone: a restore (replace or merge) of `sourceName`, or an earlier undo. */
  kind: 'restore' | 'merge' | 'undo';
  sourceName: string;
  at: string;
  /** The snapshot the undo returns to. */
  snapshot: SnapshotRow;
  /** Per table, what undoing does to the database as it is now. */
  changes: Record<DataTable, TableChange>;
  /** True when that was a team restore (or its undo): undoing it replaces the team's database. */
  isTeamRestore: boolean;
  /** Changes made since that restore (lost by undoing); null when there were none. */
  changedSince: (ChangesSince & { lastChangeAt: string }) | null;
}
