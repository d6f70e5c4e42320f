import { loadBackup, type Candidate } from '../../core/backup/load/load-backup';
import { countsOf, nameChanges, type RestoreNames } from '../../core/backup/restore/names';
import { countLostChanges } from '../../core/backup/restore/plan';
import { buildMerged, finishReplace } from '../../core/backup/restore/build';
import { withAttached } from '../../core/backup/restore/attach';
import type { BackupContents } from '../../core/backup/scan/byte-source';
import { readDatabaseTimes } from '../../core/db/meta';
import { DATA_TABLES } from '../../core/db/schema';
import { countRows } from '../../core/db/tables';
import { previewFileSettings } from '../../core/settings/settings-from-file';
import { readExplicitSettings } from '../../core/settings/settings-record';
import { takeFileSettings } from '../../core/settings/take-file-settings';
import { fail, ok, type Result } from '../../core/result';
import type { RestoreMode, TableChange } from '../../core/backup/restore/changes';
import type { StartDigestOffload } from '../../core/backup/checksum/digest-offload';
import type { Clock } from '../../core/clock';
import type { Database, SqlJsStatic } from '../../core/db/sql-types';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { StepReporter, Track } from '../engine/progress';
import type { RestoreOptions, RestoreOutcome, RestorePreview } from './restore-types';

/** What restoring works with. */
export interface RestoreDeps {
  SQL: SqlJsStatic;
  live: LiveDatabase;
  clock: Clock;
  track: Track;
  operator: Operator;
  digestOffload?: StartDigestOffload;
}

const MESSAGES = {
  previewExpired:
    'That file’s preview is no longer current (the database changed or another file was chosen). Nothing was changed. Choose the file again.',
};

interface PendingRestore {
  previewId: string;
  fileName: string;
  candidate: Candidate;
  names: Record<RestoreMode, RestoreNames>;
  /** The live data's last change when the preview was made; a later write invalidates it. */
  liveChangedAt: string | null;
}

/**
 * Restores from a backup file (or any candidate database, such as a snapshot): read, check and
 * certify it into a database of its own and preview both modes in names, without touching
 * anything; then apply. A restore is all or nothing: the new database is built and certified
 * apart from the live one, stored, and only then swapped in. (The copy to undo it is a
 * `Before restore` snapshot, taken by the caller first: see src/worker/snapshots.)
 */
export class RestoreOperations {
  private pending: PendingRestore | null = null;

  constructor(private readonly deps: RestoreDeps) {}

  /** Reads and checks a file, and previews both restore modes, without touching the live database. */
  inspectBackup(file: BackupSource, options: { passphrase?: string } = {}): Promise<Result<RestorePreview>> {
    return this.deps.track('check', (step) => this.inspectTracked(file.name, file.contents, options, step));
  }

  /**
   * Previews a restore from an already-built candidate (e.g. a snapshot opened by the snapshot
   * store): the same names preview and the same apply, verify and store path as a file. Takes
   * ownership of `candidate.db`.
   */
  inspectCandidate(label: string, candidate: Candidate): Result<RestorePreview> {
    this.forgetPending();
    return ok(this.previewOf(label, candidate));
  }

  private async inspectTracked(
    fileName: string,
    contents: BackupContents,
    options: { passphrase?: string },
    step: StepReporter,
  ): Promise<Result<RestorePreview>> {
    this.forgetPending();
    const { SQL, clock, digestOffload } = this.deps;
    const read = await loadBackup(SQL, contents, {
      onProgress: step('Checking the file', 0, 0.9),
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
      now: clock.now().toISOString(),
      ...(digestOffload ? { digestOffload } : {}),
    });
    if (!read.ok) return { ok: false, error: read.error };
    if ('locked' in read) {
      const liveHasData = this.liveHasData();
      return ok({
        previewId: '',
        fileName,
        shapeLabel: read.locked.shapeLabel,
        fileCreatedAt: read.locked.createdAt,
        fileCounts: read.locked.counts,
        warnings: [],
        changes: { replace: emptyChanges(), merge: emptyChanges() },
        wouldLose: { replace: null, merge: null },
        liveHasData,
        secrets: 'encrypted',
        needsPassphrase: true,
        names: null,
        checksum: null,
        settingChanges: { replace: [], merge: [] },
        team: null,
      });
    }
    step('Comparing with this browser’s database', 0.9, 1)(0);
    return ok(this.previewOf(fileName, read.candidate));
  }

  private previewOf(fileName: string, candidate: Candidate): RestorePreview {
    const names = this.deps.live.read((live) =>
      withAttached(candidate.db, live, 'live', () => nameChanges(candidate.db)),
    );
    const times = this.deps.live.read(readDatabaseTimes);
    const here = this.deps.live.read(readExplicitSettings);
    const previewId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    this.pending = { previewId, fileName, candidate, names, liveChangedAt: times.lastChangeAt };
    const changes = { replace: countsOf(names.replace), merge: countsOf(names.merge) };
    return {
      previewId,
      fileName,
      shapeLabel: candidate.shapeLabel,
      fileCreatedAt: candidate.createdAt,
      fileCounts: candidate.counts,
      warnings: candidate.warnings,
      changes,
      // A merge only adds, and replaces a configuration only by a newer copy of it: it loses nothing.
      wouldLose: { replace: countLostChanges(changes.replace, times.lastChangeAt, candidate.createdAt), merge: null },
      liveHasData: this.liveHasData(),
      secrets: candidate.secrets,
      needsPassphrase: false,
      names,
      checksum: candidate.checksum,
      settingChanges: {
        replace: previewFileSettings(candidate.appSettings, here, 'replace'),
        merge: previewFileSettings(candidate.appSettings, here, 'merge'),
      },
      team: null,
    };
  }

  /** Applies the previewed file; the live database changes only if every step succeeds. */
  applyRestore(previewId: string, mode: RestoreMode, options: RestoreOptions = {}): Promise<Result<RestoreOutcome>> {
    return this.deps.track('restore', (step) => this.applyTracked(previewId, mode, options, step));
  }

  private async applyTracked(
    previewId: string,
    mode: RestoreMode,
    options: RestoreOptions,
    step: StepReporter,
  ): Promise<Result<RestoreOutcome>> {
    const pending = this.pending;
    if (!pending || pending.previewId !== previewId) return fail('preview-expired', MESSAGES.previewExpired);
    const { live, clock, SQL, operator } = this.deps;
    const flushed = await live.flush();
    if (!flushed.ok) return flushed;
    if (live.read(readDatabaseTimes).lastChangeAt !== pending.liveChangedAt)
      return fail('preview-expired', MESSAGES.previewExpired);

    const nowIso = clock.now().toISOString();
    const { candidate } = pending;
    const origin = { fileName: pending.fileName, fileCreatedAt: candidate.createdAt };
    const details = {
      by: operator.nameOrNull,
      fileName: pending.fileName,
      mode,
      shape: candidate.shapeLabel,
      fileCreatedAt: candidate.createdAt,
      counts: candidate.counts,
      checksum: candidate.checksum,
      warnings: candidate.warnings.length,
    };
    const summary = `${mode === 'replace' ? 'Replaced the database with' : 'Merged'} ${pending.fileName}${operator.byline()}`;
    step('Building and checking the restored database', 0, 0.7)(0);
    // The pending file is used up either way: a replace turns its database into the live one.
    this.pending = null;
    const built =
      mode === 'replace'
        ? await live.read((db) =>
            finishReplace(candidate.db, db, { now: nowIso, activity: { kind: 'restore', summary, details }, origin }),
          )
        : await live.read((db) =>
            buildMerged(SQL, db, candidate.db, {
              now: nowIso,
              activity: { kind: 'restore', summary, details },
              origin,
            }),
          );
    if (mode === 'merge') candidate.db.close();
    if (!built.ok) return built;
    const next = built.value instanceof Object && 'checksum' in built.value ? built.value.db : built.value;
    const by = operator.nameOrNull;
    const settingChanges = takeFileSettings(next, candidate.appSettings, {
      mode,
      isRecovery: options.isRecovery === true,
      now: nowIso,
      by,
      fileName: pending.fileName,
    });
    step('Saving', 0.7, 1)(0);
    const replaced = await live.replaceWith(next);
    if (!replaced.ok) return replaced;
    return ok({ mode, counts: live.read(countRows), warnings: candidate.warnings, settingChanges });
  }

  /** The previewed file's database, while its preview is current (read only: it stays the preview's). */
  pendingDatabase(previewId: string): Database | null {
    return this.pending?.previewId === previewId ? this.pending.candidate.db : null;
  }

  /**
   * Hands the previewed file over to another restore path (a team restore), when the preview still
   * describes the database: the caller owns the candidate from then on.
   */
  async takePending(previewId: string): Promise<Result<{ fileName: string; candidate: Candidate }>> {
    const pending = this.pending;
    if (!pending || pending.previewId !== previewId) return fail('preview-expired', MESSAGES.previewExpired);
    const flushed = await this.deps.live.flush();
    if (!flushed.ok) return flushed;
    if (this.deps.live.read(readDatabaseTimes).lastChangeAt !== pending.liveChangedAt)
      return fail('preview-expired', MESSAGES.previewExpired);
    this.pending = null;
    return ok({ fileName: pending.fileName, candidate: pending.candidate });
  }

  /** Drops the previewed file (after an undo, the preview no longer describes the database). */
  forgetPending(): void {
    this.pending?.candidate.db.close();
    this.pending = null;
  }

  private liveHasData(): boolean {
    const counts = this.deps.live.read(countRows);
    return DATA_TABLES.some((table) => counts[table] > 0);
  }
}

function emptyChanges(): Record<(typeof DATA_TABLES)[number], TableChange> {
  const none = { add: 0, update: 0, remove: 0, unchanged: 0 };
  return Object.fromEntries(DATA_TABLES.map((t) => [t, { ...none }])) as Record<
    (typeof DATA_TABLES)[number],
    TableChange
  >;
}
