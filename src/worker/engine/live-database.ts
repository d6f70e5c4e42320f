import { exportDatabase, openDatabase } from '../../core/db/open';
import { ensureCreatedAt } from '../../core/db/meta';
import { logActivity } from '../../core/db/activity';
import { NewerSchemaError } from '../../core/db/schema';
import { inTransaction } from '../../core/db/transaction';
import type { Database, SqlJsStatic } from '../../core/db/sql-types';
import type { Clock } from '../../core/clock';
import { describeThrown, fail, ok, type AppError, type Result } from '../../core/result';
import type { DatabaseStore } from './database-store';
import { SaveQueue } from './save-queue';
import type { TabCoordination } from './tab-coordination';

/**
 * The live database of this tab: the open sql.js database, the generation it was loaded from or
 * last saved as, and its persistence. All writes go through `write` (one operation, then one
 * coalesced save) or `replaceWith` (a restore or undo: stored atomically, then swapped in).
 */

const MESSAGES = {
  readOnly:
    'Another tab is editing the database, so this tab is read-only. Nothing was changed. Use “Take over editing” in the sidebar to edit here.',
  staleTab:
    'Another tab saved newer data, so this tab’s change was not saved (it must not overwrite newer work). Reload the page to see the latest data.',
  unreadable:
    'The database stored in this browser could not be opened, so the app started with an empty one. The unreadable copy was kept aside, untouched. Restore your latest backup file to continue.',
  newerSchema:
    'The database in this browser was saved by a newer version of FF2API Web. It was left untouched and this tab is read-only. Reload to get the newest version of the app.',
  unexpected:
    'Something went wrong while changing the database. Nothing was changed. Try again; if it keeps happening, download a backup and reload.',
};

/** Retry of a failed save: the data stays in memory (and on screen) until a save commits. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/** Whether the live database is stored: saved (when), being saved, or a save failed (why). */
export type PersistenceState =
  { state: 'saved'; savedAt: string | null } | { state: 'saving' } | { state: 'failed'; error: AppError };

export interface LiveDatabaseDeps {
  SQL: SqlJsStatic;
  store: DatabaseStore;
  clock: Clock;
  tabs: TabCoordination;
}

export class LiveDatabase {
  private persistence: PersistenceState = { state: 'saved', savedAt: null };
  private readonly saves: SaveQueue;
  private readonly changeListeners: (() => void)[] = [];
  /** A problem found at start-up that the user must see (unreadable or newer database). */
  startupProblem: AppError | null = null;
  private isLockedReadOnly = false;
  /** True from a write (or creation) until a save that includes it has committed. */
  private hasUnsavedChanges = false;
  /** A failed save is tried again after this long (doubling up to RETRY_MAX_MS) until one commits. */
  private retryDelayMs = RETRY_FIRST_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(
    private readonly deps: LiveDatabaseDeps,
    private db: Database,
    private generation: number,
  ) {
    this.saves = new SaveQueue(() => this.saveNow());
    deps.tabs.onOtherTabSaved(() => void this.followOtherTab());
    deps.tabs.onWriterChange((isWriter) => {
      // Whoever wrote before us may have saved newer data: start from what is stored.
      if (isWriter) void this.reloadFromStore().then(() => this.emitChange());
      else this.emitChange();
    });
  }

  /** Loads the stored database (or creates one) and joins the tab coordination. */
  static async open(deps: LiveDatabaseDeps): Promise<LiveDatabase> {
    await deps.tabs.tryAcquire();
    const stored = await deps.store.load();
    const nowIso = deps.clock.now().toISOString();
    if (!stored) {
      const db = openDatabase(deps.SQL);
      inTransaction(db, () => {
        ensureCreatedAt(db, nowIso);
        logActivity(db, {
          at: nowIso,
          kind: 'database-created',
          summary: 'New empty database created in this browser',
        });
      });
      const live = new LiveDatabase(deps, db, 0);
      live.hasUnsavedChanges = true;
      return live;
    }
    try {
      const db = openDatabase(deps.SQL, stored.bytes);
      return new LiveDatabase(deps, db, stored.generation);
    } catch (error) {
      const live = new LiveDatabase(deps, openDatabase(deps.SQL), stored.generation);
      if (error instanceof NewerSchemaError) {
        live.isLockedReadOnly = true;
        live.startupProblem = { code: 'newer-database', message: MESSAGES.newerSchema, detail: describeThrown(error) };
      } else {
        await deps.store.quarantine(stored.bytes, describeThrown(error), nowIso);
        inTransaction(live.db, () => ensureCreatedAt(live.db, nowIso));
        live.hasUnsavedChanges = true;
        live.startupProblem = {
          code: 'unreadable-database',
          message: MESSAGES.unreadable,
          detail: describeThrown(error),
        };
      }
      return live;
    }
  }

  /** Whether this tab may write now. */
  get isWriter(): boolean {
    return this.deps.tabs.isWriter() && !this.isLockedReadOnly;
  }

  get persistenceState(): PersistenceState {
    return this.persistence;
  }

  /** Registers a listener for data or writer changes that did not come from this tab's calls. */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Runs a read against the live database. */
  read<T>(query: (db: Database) => T): T {
    return query(this.db);
  }

  /**
   * Runs one user operation (which uses its own transaction and returns an expected failure as a
   * value) and, if it succeeded, saves. Resolves once the save committed or failed.
   */
  async write<T>(operation: (db: Database, nowIso: string) => Result<T>): Promise<Result<T>> {
    if (!this.isWriter) return fail('read-only', MESSAGES.readOnly);
    let result: Result<T>;
    try {
      result = operation(this.db, this.deps.clock.now().toISOString());
    } catch (error) {
      return fail('unexpected', MESSAGES.unexpected, describeThrown(error));
    }
    if (!result.ok) return result;
    this.hasUnsavedChanges = true;
    const saved = await this.saves.request();
    return saved.ok ? result : saved;
  }

  /** Saves whatever is pending now (before a download, when the tab is hidden). */
  async flush(): Promise<Result<void>> {
    if (!this.isWriter) return ok(undefined);
    if (!this.hasUnsavedChanges && !this.saves.isBusy) return ok(undefined);
    return this.saves.request();
  }

  /**
   * Replaces the live database with `next` (already built and verified), storing it first. If
   * storing fails, `next` is closed and the live database and what is stored stay exactly as
   * they were.
   */
  async replaceWith(next: Database): Promise<Result<void>> {
    if (!this.isWriter) {
      next.close();
      return fail('read-only', MESSAGES.readOnly);
    }
    const nowIso = this.deps.clock.now().toISOString();
    const outcome = await this.deps.store.save({
      bytes: exportDatabase(next),
      expectedGeneration: this.generation,
      savedAt: nowIso,
    });
    if (!outcome.ok) {
      next.close();
      return outcome.conflict ? fail('stale-tab', MESSAGES.staleTab) : { ok: false, error: outcome.error };
    }
    this.db.close();
    this.db = next;
    this.generation = outcome.generation;
    this.persistence = { state: 'saved', savedAt: nowIso };
    this.deps.tabs.announceSaved(outcome.generation);
    return ok(undefined);
  }

  /** Exports the live database's bytes (for snapshots). */
  exportBytes(): Uint8Array {
    return exportDatabase(this.db);
  }

  /** Makes this tab the writer, taking the lock from another tab. */
  async takeOver(): Promise<void> {
    await this.deps.tabs.takeOver();
    await this.reloadFromStore();
  }

  private async saveNow(): Promise<Result<void>> {
    this.persistence = { state: 'saving' };
    const nowIso = this.deps.clock.now().toISOString();
    let bytes: Uint8Array;
    try {
      // Cleared before exporting: a write landing during the save sets it again and queues one.
      this.hasUnsavedChanges = false;
      bytes = exportDatabase(this.db);
    } catch (error) {
      this.hasUnsavedChanges = true;
      const failure = { code: 'save-failed', message: MESSAGES.unexpected, detail: describeThrown(error) };
      this.persistence = { state: 'failed', error: failure };
      return { ok: false, error: failure };
    }
    const outcome = await this.deps.store.save({ bytes, expectedGeneration: this.generation, savedAt: nowIso });
    if (outcome.ok) {
      this.retryDelayMs = RETRY_FIRST_MS;
      this.generation = outcome.generation;
      this.persistence = { state: 'saved', savedAt: nowIso };
      this.deps.tabs.announceSaved(outcome.generation);
      return ok(undefined);
    }
    this.hasUnsavedChanges = true;
    const error = outcome.conflict ? { code: 'stale-tab', message: MESSAGES.staleTab } : outcome.error;
    if (outcome.conflict) this.isLockedReadOnly = true;
    else this.scheduleRetry();
    this.persistence = { state: 'failed', error };
    // The page shows the failure until a retry commits (its status is read again on a change).
    this.emitChange();
    return { ok: false, error };
  }

  /**
   * Tries a failed save again later (storage full, a disk error): the change is kept in memory
   * meanwhile, and the page hears of the outcome (its status shows "saved" again).
   */
  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.saves.request().then((saved) => {
        this.retryDelayMs = saved.ok ? RETRY_FIRST_MS : Math.min(RETRY_MAX_MS, this.retryDelayMs * 2);
        this.emitChange();
      });
    }, this.retryDelayMs);
  }

  /** A reader tab follows the writer: when it saved, load what it saved. */
  private async followOtherTab(): Promise<void> {
    if (this.isWriter) return;
    await this.reloadFromStore();
    this.emitChange();
  }

  private async reloadFromStore(): Promise<void> {
    const stored = await this.deps.store.load();
    if (!stored || stored.generation === this.generation) return;
    try {
      const db = openDatabase(this.deps.SQL, stored.bytes);
      this.db.close();
      this.db = db;
      this.generation = stored.generation;
      this.persistence = { state: 'saved', savedAt: stored.savedAt };
    } catch {
      // Leave the current copy on screen; the writer tab owns the stored one.
    }
  }

  private emitChange(): void {
    for (const listener of this.changeListeners) listener();
  }
}
