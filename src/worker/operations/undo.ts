import { buildRestoredDatabase } from '../../core/backup/restore/build';
import { META_KEYS, readDatabaseTimes, writeMeta } from '../../core/db/meta';
import { openDatabase } from '../../core/db/open';
import { countRows, readAllTables } from '../../core/db/tables';
import { inTransaction } from '../../core/db/transaction';
import { describeThrown, fail, ok, type Result } from '../../core/result';
import type { RestoreOutcome } from '../api';
import type { OperationContext, StepReporter } from './operation-context';

const MESSAGES = {
  noSnapshot: 'There is no earlier database to go back to. Nothing was changed.',
  snapshotUnreadable: 'The copy kept before the last restore could not be read, so undo is not possible. Nothing was changed.',
};

/** Undo of the last restore: back to the copy of the database kept just before it. */
export class UndoOperations {
  /** Cached description of the undo snapshot; undefined until first read (it is 25 MB at 100k rows). */
  private undoInfo: { takenAt: string; label: string } | null | undefined;

  constructor(
    private readonly context: OperationContext,
    /** Called after an undo replaced the database. */
    private readonly onUndone: () => void,
  ) {}

  /** Returns the data to the snapshot taken before the last restore; the activity log keeps both. */
  undoRestore(): Promise<Result<RestoreOutcome>> {
    return this.context.track('undo', (step) => this.undoTracked(step));
  }

  private async undoTracked(step: StepReporter): Promise<Result<RestoreOutcome>> {
    const snapshot = await this.context.deps.store.loadSnapshot();
    if (!snapshot) return fail('no-snapshot', MESSAGES.noSnapshot);
    let previous;
    try {
      previous = openDatabase(this.context.deps.SQL, snapshot.bytes);
    } catch (error) {
      return fail('snapshot-unreadable', MESSAGES.snapshotUnreadable, describeThrown(error));
    }
    const nowIso = this.context.deps.clock.now().toISOString();
    const tables = readAllTables(previous);
    const previousTimes = readDatabaseTimes(previous);
    previous.close();
    const built = await this.context.live.read((db) =>
      buildRestoredDatabase(this.context.deps.SQL, {
        tables,
        keepFrom: db,
        now: nowIso,
        onProgress: step('Rebuilding the earlier database', 0, 0.8),
        activity: { kind: 'undo', summary: `Undid the restore: back to the database as it was ${snapshot.label}${this.context.byline()}`, details: { takenAt: snapshot.takenAt, by: this.context.operatorName || null } },
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
    const replaced = await this.context.live.replaceWith(next, null);
    if (!replaced.ok) return replaced;
    this.undoInfo = null;
    this.onUndone();
    return ok({ mode: 'undo', counts: this.context.live.read(countRows), warnings: [], status: await this.context.readStatus() });
  }

  /** What the sidebar says about the undo snapshot. */
  async describeUndo(): Promise<{ takenAt: string; label: string } | null> {
    if (this.undoInfo === undefined) {
      const snapshot = await this.context.deps.store.loadSnapshot();
      this.undoInfo = snapshot ? { takenAt: snapshot.takenAt, label: snapshot.label } : null;
    }
    return this.undoInfo;
  }

  /** Another tab may have restored or undone: read the snapshot again next time. */
  forgetUndoInfo(): void {
    this.undoInfo = undefined;
  }

  /** A restore just stored a new undo snapshot. */
  remember(info: { takenAt: string; label: string }): void {
    this.undoInfo = info;
  }
}
