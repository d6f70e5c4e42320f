import { readBackupFile, type ParsedBackup } from '../../core/backup/read/read';
import { countLostChanges, planRestore, type RestorePlan } from '../../core/backup/restore/plan';
import { buildRestoredDatabase } from '../../core/backup/restore/build';
import { META_KEYS, readDatabaseTimes, writeMeta } from '../../core/db/meta';
import { DATA_TABLES } from '../../core/db/schema';
import { countRows, readAllTables } from '../../core/db/tables';
import { inTransaction } from '../../core/db/transaction';
import { describeThrown, fail, ok, type Result } from '../../core/result';
import type { BackupSource, RestoreMode, RestoreOutcome, RestorePreview, TableChange } from '../api';
import type { OperationContext, StepReporter } from './operation-context';

const MESSAGES = {
  previewExpired: 'That file’s preview is no longer current (the database changed or another file was chosen). Nothing was changed. Choose the file again.',
  fileUnreadable: 'The file could not be read from disk (it may have been moved or changed). Nothing was changed. Choose it again.',
};

interface PendingRestore {
  previewId: string;
  fileName: string;
  parsed: ParsedBackup;
  plans: Record<RestoreMode, RestorePlan>;
  /** The live data's last change when the preview was made; a later write invalidates it. */
  liveChangedAt: string | null;
}

/**
 * Restores from a backup file: check and preview without touching anything, then apply. A
 * restore is all or nothing: the new database is built and verified apart from the live one,
 * stored, and only then swapped in. (The copy to undo it is a `Before restore` snapshot, taken
 * by the caller: see src/worker/snapshots.)
 */
export class RestoreOperations {
  private pending: PendingRestore | null = null;

  constructor(private readonly context: OperationContext) {}

  /** Reads and checks a file, and previews both restore modes, without touching the live database. */
  inspectBackup(file: BackupSource, options: { passphrase?: string } = {}): Promise<Result<RestorePreview>> {
    return this.context.track('check', (step) => this.inspectTracked(file, options, step));
  }

  private async inspectTracked(file: BackupSource, options: { passphrase?: string }, step: StepReporter): Promise<Result<RestorePreview>> {
    this.pending = null;
    const bytes = await readContents(file.contents);
    if (!bytes.ok) return bytes;
    const read = await readBackupFile(bytes.value, {
      onProgress: step('Checking the file', 0, 0.8),
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
      now: this.context.deps.clock.now().toISOString(),
    });
    if (!read.ok) return { ok: false, error: read.error };
    const { current, times } = this.context.live.read((db) => ({ current: readAllTables(db), times: readDatabaseTimes(db) }));
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
    step('Comparing with this browser’s database', 0.8, 1)(0);
    return ok(this.previewParsed(file.name, read.backup, current, times.lastChangeAt, liveHasData));
  }

  /**
   * Previews tables that do not come from a file (a snapshot of this browser's database) exactly
   * as a file's: the same plans, lost-changes warning and `applyRestore`.
   */
  inspectTables(name: string, parsed: ParsedBackup): Result<RestorePreview> {
    this.pending = null;
    const { current, times } = this.context.live.read((db) => ({ current: readAllTables(db), times: readDatabaseTimes(db) }));
    const liveHasData = DATA_TABLES.some((table) => current[table].length > 0);
    return ok(this.previewParsed(name, parsed, current, times.lastChangeAt, liveHasData));
  }

  /** Plans both modes against the live tables and keeps the plan for `applyRestore`. */
  private previewParsed(fileName: string, parsed: ParsedBackup, current: ReturnType<typeof readAllTables>, lastChangeAt: string | null, liveHasData: boolean): RestorePreview {
    const plans = { replace: planRestore(current, parsed.tables, 'replace'), merge: planRestore(current, parsed.tables, 'merge') };
    const previewId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    this.pending = { previewId, fileName, parsed, plans, liveChangedAt: lastChangeAt };
    return {
      previewId,
      fileName,
      shapeLabel: parsed.shapeLabel,
      fileCreatedAt: parsed.createdAt,
      fileCounts: parsed.fileCounts,
      warnings: parsed.warnings,
      changes: { replace: plans.replace.changes, merge: plans.merge.changes },
      wouldLose: {
        replace: countLostChanges(plans.replace, lastChangeAt, parsed.createdAt),
        merge: countLostChanges(plans.merge, lastChangeAt, parsed.createdAt),
      },
      liveHasData,
      secrets: parsed.secrets,
      needsPassphrase: false,
    };
  }

  /** Applies the previewed file; the live database changes only if every step succeeds. */
  applyRestore(previewId: string, mode: RestoreMode): Promise<Result<RestoreOutcome>> {
    return this.context.track('restore', (step) => this.applyTracked(previewId, mode, step));
  }

  private async applyTracked(previewId: string, mode: RestoreMode, step: StepReporter): Promise<Result<RestoreOutcome>> {
    const pending = this.pending;
    if (!pending || pending.previewId !== previewId) return fail('preview-expired', MESSAGES.previewExpired);
    const flushed = await this.context.live.flush();
    if (!flushed.ok) return flushed;
    const liveTimes = this.context.live.read(readDatabaseTimes);
    if (liveTimes.lastChangeAt !== pending.liveChangedAt) return fail('preview-expired', MESSAGES.previewExpired);

    const nowIso = this.context.deps.clock.now().toISOString();
    const plan = pending.plans[mode];
    const changed = DATA_TABLES.some((t) => plan.changes[t].add + plan.changes[t].update + plan.changes[t].remove > 0);
    const built = this.context.live.read((db) =>
      buildRestoredDatabase(this.context.deps.SQL, {
        tables: plan.tables,
        keepFrom: db,
        now: nowIso,
        onProgress: step('Building and checking the restored database', 0, 0.8),
        activity: {
          kind: 'restore',
          summary: `${mode === 'replace' ? 'Replaced the database with' : 'Merged'} ${pending.fileName}${this.context.byline()}`,
          details: { by: this.context.operatorName || null, fileName: pending.fileName, mode, shape: pending.parsed.shapeLabel, fileCreatedAt: pending.parsed.createdAt, counts: pending.parsed.fileCounts, checksum: pending.parsed.checksum, warnings: pending.parsed.warnings.length },
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
    step('Saving', 0.8, 1)(0);
    const replaced = await this.context.live.replaceWith(next);
    if (!replaced.ok) return replaced;
    this.pending = null;
    return ok({ mode, counts: this.context.live.read(countRows), warnings: pending.parsed.warnings, status: await this.context.readStatus() });
  }

  /** Drops the previewed file (after an undo, the preview no longer describes the database). */
  forgetPending(): void {
    this.pending = null;
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
