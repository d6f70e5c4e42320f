import { buildBackupFile } from '../core/backup/write/write';
import { readBackupFile, type ParsedBackup } from '../core/backup/read/read';
import { countLostChanges, planRestore, type RestorePlan } from '../core/backup/restore/plan';
import { buildRestoredDatabase } from '../core/backup/restore/build';
import { backupFileName } from '../core/backup/write/file-name';
import { logActivity, readAllActivity } from '../core/db/activity';
import { META_KEYS, readDatabaseTimes, writeMeta } from '../core/db/meta';
import { openDatabase } from '../core/db/open';
import { SCHEMA_VERSION, DATA_TABLES } from '../core/db/schema';
import { countRows, readAllTables } from '../core/db/tables';
import { inTransaction } from '../core/db/transaction';
import { describeThrown, fail, ok, type Result } from '../core/result';
import type {
  OperationProgress,
  BackupSource,
  BackupFile, BackupReceipt, BackupRequest, DatabaseStatus, RestoreMode, RestoreOutcome, RestorePreview, TableChange,
} from './api';
import type { ServiceDeps } from './database-service';
import type { LiveDatabase } from './live-database';

const MESSAGES = {
  backupFailed: 'The backup file could not be built. Your database was not changed. Try again; if it keeps failing, reload the page.',
  previewExpired: 'That file’s preview is no longer current (the database changed or another file was chosen). Nothing was changed. Choose the file again.',
  noSnapshot: 'There is no earlier database to go back to. Nothing was changed.',
  fileUnreadable: 'The file could not be read from disk (it may have been moved or changed). Nothing was changed. Choose it again.',
  snapshotUnreadable: 'The copy kept before the last restore could not be read, so undo is not possible. Nothing was changed.',
  passphraseNeeded: 'This backup is encrypted. Enter its passphrase to restore it. Nothing was changed.',
};

/** Makes a progress callback for one step that spans `from`–`to` of the whole operation. */
type StepReporter = (label: string, from: number, to: number) => (fraction: number) => void;

interface PendingRestore {
  previewId: string;
  fileName: string;
  parsed: ParsedBackup;
  plans: Record<RestoreMode, RestorePlan>;
  /** The live data's last change when the preview was made; a later write invalidates it. */
  liveChangedAt: string | null;
}

/**
 * Backup, restore and undo against the live database. A restore is all or nothing: the new
 * database is built and verified apart from the live one, stored together with an undo snapshot
 * in one IndexedDB transaction, and only then swapped in.
 */
export class BackupOperations {
  private pending: PendingRestore | null = null;
  /** Who is at the keyboard, as the user typed it; recorded with every logged event. */
  operatorName = '';
  /** Cached description of the undo snapshot; undefined until first read (it is 25 MB at 100k rows). */
  private undoInfo: { takenAt: string; label: string } | null | undefined;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly live: LiveDatabase,
    private readonly readStatus: () => Promise<DatabaseStatus>,
    private readonly report: (progress: OperationProgress) => void,
  ) {}

  /** Runs a long operation, reporting its progress, and always reports its end. */
  private async track<T>(task: 'backup' | 'check' | 'restore' | 'undo', work: (step: StepReporter) => Promise<T>): Promise<T> {
    let lastSent = -1;
    const step = (label: string, from: number, to: number) => (fraction: number) => {
      const overall = from + (to - from) * Math.min(1, Math.max(0, fraction));
      // At most ~100 messages per operation, whatever the row count.
      if (overall - lastSent < 0.01 && overall < 1) return;
      lastSent = overall;
      this.report({ task, step: label, fraction: overall });
    };
    try {
      step('Starting', 0, 0)(0);
      return await work(step);
    } finally {
      this.report({ task: null });
    }
  }

  /** Builds a backup file of every row of every table. */
  createBackup(request: BackupRequest): Promise<Result<BackupFile>> {
    return this.track('backup', (step) => this.createBackupTracked(request, step));
  }

  private async createBackupTracked(request: BackupRequest, step: StepReporter): Promise<Result<BackupFile>> {
    const flushed = await this.live.flush();
    if (!flushed.ok) return flushed;
    const createdAt = this.deps.clock.now();
    try {
      step('Reading the database', 0, 0.3)(0);
      const { tables, activity } = this.live.read((db) => ({ tables: readAllTables(db), activity: readAllActivity(db) }));
      const built = await buildBackupFile({
        onProgress: step('Writing the backup file', 0.3, 1),
        tables,
        activity,
        createdAt: createdAt.toISOString(),
        trigger: request.trigger,
        appVersion: this.deps.appVersion,
        schemaVersion: SCHEMA_VERSION,
        secrets: request.secrets,
        ...(request.passphrase === undefined ? {} : { passphrase: request.passphrase }),
      });
      const fileName = backupFileName(request.trigger, createdAt);
      const receipt: BackupReceipt = {
        fileName,
        createdAt: createdAt.toISOString(),
        trigger: request.trigger,
        counts: built.counts,
        checksum: built.checksum,
        secrets: request.secrets,
        sizeBytes: built.bytes.byteLength,
      };
      return ok({ fileName, blob: new Blob([built.bytes as BlobPart], { type: 'application/json' }), receipt });
    } catch (error) {
      return fail('backup-failed', MESSAGES.backupFailed, describeThrown(error));
    }
  }

  /**
   * Records the backup point once the file was handed to the browser. The point is the time the
   * file's data was read, so a change made meanwhile still counts as "changed since backup".
   */
  async confirmBackupSaved(receipt: BackupReceipt): Promise<Result<DatabaseStatus>> {
    const nowIso = this.deps.clock.now().toISOString();
    const saved = await this.live.write((db) => {
      inTransaction(db, () => {
        writeMeta(db, META_KEYS.lastBackupAt, receipt.createdAt);
        logActivity(db, {
          at: nowIso,
          kind: 'backup',
          summary: `${receipt.trigger === 'emergency' ? 'Emergency backup' : 'Backup'} downloaded: ${receipt.fileName}${this.byline()}`,
          details: { ...receipt, by: this.operatorName || null },
        });
      });
      return ok(undefined);
    });
    if (!saved.ok) return saved;
    return ok(await this.readStatus());
  }

  /** Reads and checks a file, and previews both restore modes, without touching the live database. */
  inspectBackup(file: BackupSource, options: { passphrase?: string } = {}): Promise<Result<RestorePreview>> {
    return this.track('check', (step) => this.inspectTracked(file, options, step));
  }

  private async inspectTracked(file: BackupSource, options: { passphrase?: string }, step: StepReporter): Promise<Result<RestorePreview>> {
    this.pending = null;
    const bytes = await readContents(file.contents);
    if (!bytes.ok) return bytes;
    const read = await readBackupFile(bytes.value, {
      onProgress: step('Checking the file', 0, 0.8),
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
      now: this.deps.clock.now().toISOString(),
    });
    if (!read.ok) return { ok: false, error: read.error };
    const { current, times } = this.live.read((db) => ({ current: readAllTables(db), times: readDatabaseTimes(db) }));
    const liveHasData = DATA_TABLES.some((table) => current[table].length > 0);
    if ('locked' in read) {
      return ok({
        previewId: '',
        fileName: file.name,
        shapeLabel: read.locked.shapeLabel,
        fileCreatedAt: read.locked.createdAt,
        fileCounts: read.locked.counts,
        warnings: [],
        changes: { replace: emptyChanges(), merge: emptyChanges() },
        wouldLose: { replace: null, merge: null },
        liveHasData,
        secrets: 'encrypted',
        needsPassphrase: true,
      });
    }
    const parsed = read.backup;
    step('Comparing with this browser’s database', 0.8, 1)(0);
    const plans = { replace: planRestore(current, parsed.tables, 'replace'), merge: planRestore(current, parsed.tables, 'merge') };
    const previewId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    this.pending = { previewId, fileName: file.name, parsed, plans, liveChangedAt: times.lastChangeAt };
    return ok({
      previewId,
      fileName: file.name,
      shapeLabel: parsed.shapeLabel,
      fileCreatedAt: parsed.createdAt,
      fileCounts: parsed.fileCounts,
      warnings: parsed.warnings,
      changes: { replace: plans.replace.changes, merge: plans.merge.changes },
      wouldLose: {
        replace: countLostChanges(plans.replace, times.lastChangeAt, parsed.createdAt),
        merge: countLostChanges(plans.merge, times.lastChangeAt, parsed.createdAt),
      },
      liveHasData,
      secrets: parsed.secrets,
      needsPassphrase: false,
    });
  }

  /** Applies the previewed file; the live database changes only if every step succeeds. */
  applyRestore(previewId: string, mode: RestoreMode): Promise<Result<RestoreOutcome>> {
    return this.track('restore', (step) => this.applyTracked(previewId, mode, step));
  }

  private async applyTracked(previewId: string, mode: RestoreMode, step: StepReporter): Promise<Result<RestoreOutcome>> {
    const pending = this.pending;
    if (!pending || pending.previewId !== previewId) return fail('preview-expired', MESSAGES.previewExpired);
    const flushed = await this.live.flush();
    if (!flushed.ok) return flushed;
    const liveTimes = this.live.read(readDatabaseTimes);
    if (liveTimes.lastChangeAt !== pending.liveChangedAt) return fail('preview-expired', MESSAGES.previewExpired);

    const nowIso = this.deps.clock.now().toISOString();
    const plan = pending.plans[mode];
    const changed = DATA_TABLES.some((t) => plan.changes[t].add + plan.changes[t].update + plan.changes[t].remove > 0);
    const built = this.live.read((db) =>
      buildRestoredDatabase(this.deps.SQL, {
        tables: plan.tables,
        keepFrom: db,
        now: nowIso,
        onProgress: step('Building and checking the restored database', 0, 0.8),
        activity: {
          kind: 'restore',
          summary: `${mode === 'replace' ? 'Replaced the database with' : 'Merged'} ${pending.fileName}${this.byline()}`,
          details: { by: this.operatorName || null, fileName: pending.fileName, mode, shape: pending.parsed.shapeLabel, fileCreatedAt: pending.parsed.createdAt, counts: pending.parsed.fileCounts, checksum: pending.parsed.checksum, warnings: pending.parsed.warnings.length },
        },
      }),
    );
    if (!built.ok) return built;
    const next = built.value;
    if (mode === 'merge') {
      // A merge keeps local data the file lacks, so it is not a backup point: keep the previous
      // restore time, and count the merge as a change only if it changed something.
      inTransaction(next, () => {
        if (liveTimes.restoredAt === null) next.run('DELETE FROM app_meta WHERE key = ?', [META_KEYS.restoredAt]);
        else writeMeta(next, META_KEYS.restoredAt, liveTimes.restoredAt);
        writeMeta(next, META_KEYS.lastChangeAt, changed ? nowIso : (liveTimes.lastChangeAt ?? nowIso));
      });
    }
    step('Saving, with a copy for undo', 0.8, 1)(0);
    const snapshot = { bytes: this.live.exportBytes(), takenAt: nowIso, label: `before restoring ${pending.fileName}` };
    const replaced = await this.live.replaceWith(next, snapshot);
    if (!replaced.ok) return replaced;
    this.pending = null;
    this.undoInfo = { takenAt: snapshot.takenAt, label: snapshot.label };
    return ok({ mode, counts: this.live.read(countRows), warnings: pending.parsed.warnings, status: await this.readStatus() });
  }

  /** Returns the data to the snapshot taken before the last restore; the activity log keeps both. */
  undoRestore(): Promise<Result<RestoreOutcome>> {
    return this.track('undo', (step) => this.undoTracked(step));
  }

  private async undoTracked(step: StepReporter): Promise<Result<RestoreOutcome>> {
    const snapshot = await this.deps.store.loadSnapshot();
    if (!snapshot) return fail('no-snapshot', MESSAGES.noSnapshot);
    let previous;
    try {
      previous = openDatabase(this.deps.SQL, snapshot.bytes);
    } catch (error) {
      return fail('snapshot-unreadable', MESSAGES.snapshotUnreadable, describeThrown(error));
    }
    const nowIso = this.deps.clock.now().toISOString();
    const tables = readAllTables(previous);
    const previousTimes = readDatabaseTimes(previous);
    previous.close();
    const built = this.live.read((db) =>
      buildRestoredDatabase(this.deps.SQL, {
        tables,
        keepFrom: db,
        now: nowIso,
        onProgress: step('Rebuilding the earlier database', 0, 0.8),
        activity: { kind: 'undo', summary: `Undid the restore: back to the database as it was ${snapshot.label}${this.byline()}`, details: { takenAt: snapshot.takenAt, by: this.operatorName || null } },
      }),
    );
    if (!built.ok) return built;
    const next = built.value;
    // The data is again what it was before the restore, so are its times; it changed just now.
    inTransaction(next, () => {
      for (const [key, value] of [
        [META_KEYS.createdAt, previousTimes.createdAt],
        [META_KEYS.restoredAt, previousTimes.restoredAt],
        [META_KEYS.lastBackupAt, previousTimes.lastBackupAt],
      ] as const) {
        if (value === null) next.run('DELETE FROM app_meta WHERE key = ?', [key]);
        else writeMeta(next, key, value);
      }
      writeMeta(next, META_KEYS.lastChangeAt, nowIso);
    });
    const replaced = await this.live.replaceWith(next, null);
    if (!replaced.ok) return replaced;
    this.pending = null;
    this.undoInfo = null;
    return ok({ mode: 'undo', counts: this.live.read(countRows), warnings: [], status: await this.readStatus() });
  }

  private byline(): string {
    return this.operatorName ? ` (by ${this.operatorName})` : '';
  }

  /** What the sidebar says about the undo snapshot. */
  async describeUndo(): Promise<{ takenAt: string; label: string } | null> {
    if (this.undoInfo === undefined) {
      const snapshot = await this.deps.store.loadSnapshot();
      this.undoInfo = snapshot ? { takenAt: snapshot.takenAt, label: snapshot.label } : null;
    }
    return this.undoInfo;
  }

  /** Another tab may have restored or undone: read the snapshot again next time. */
  forgetUndoInfo(): void {
    this.undoInfo = undefined;
  }
}

function emptyChanges(): Record<(typeof DATA_TABLES)[number], TableChange> {
  const none = { add: 0, update: 0, remove: 0, unchanged: 0 };
  return Object.fromEntries(DATA_TABLES.map((t) => [t, { ...none }])) as Record<(typeof DATA_TABLES)[number], TableChange>;
}

/** The file's bytes: read here in the worker when the page passed the File itself. */
async function readContents(contents: Blob | Uint8Array): Promise<Result<Uint8Array>> {
  if (ArrayBuffer.isView(contents)) return ok(contents);
  try {
    return ok(new Uint8Array(await contents.arrayBuffer()));
  } catch (error) {
    return fail('unreadable-file', MESSAGES.fileUnreadable, describeThrown(error));
  }
}
