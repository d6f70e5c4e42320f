import { readDatabaseTimes } from '../../core/db/meta';
import { SCHEMA_VERSION } from '../../core/db/schema';
import { countRows } from '../../core/db/tables';
import { describeThrown, fail, ok, type AppError, type Result } from '../../core/result';
import { newSnapshotId, type SnapshotManifest } from '../../core/snapshots/manifest';
import { isSafetyTrigger, SAFETY_PIN_DAYS, type SnapshotTrigger } from '../../core/snapshots/triggers';
import { judgeSnapshotCheck, type SnapshotCheckReport } from '../../core/snapshots/verification';
import type { Clock } from '../../core/clock';
import type { LiveDatabase } from '../engine/live-database';
import type { SnapshotChecker } from './snapshot-check';
import type { SnapshotFacts } from './snapshot-facts';
import type { SnapshotStore } from './snapshot-store';

/** What taking and checking snapshots works with. */
export interface SnapshotTakerDeps {
  live: LiveDatabase;
  clock: Clock;
  store: SnapshotStore;
  checker: SnapshotChecker;
  facts: SnapshotFacts;
}

const MESSAGES = {
  readOnly: 'Another tab is editing the database, so snapshots are taken there. Nothing was changed here.',
  unverified: (problem: string) =>
    `The snapshot was taken but did not pass its check, so it does not count: ${problem} Your database is unchanged. Download a backup now to be safe.`,
  failed:
    'The snapshot could not be taken. Your database and the earlier snapshots are unchanged. Download a backup now to be safe.',
};

/**
 * Takes snapshots and verifies them: export the live database (after a flush), compress and
 * fingerprint it in the checker, store manifest and bytes together, then read the stored copy
 * back and check it completely. Only a verified snapshot counts.
 */
export class SnapshotTaker {
  /** The last failure, also kept here: with storage full, even recording it may fail. */
  lastFailure: { at: string; message: string } | null = null;

  private readonly store: SnapshotStore;
  private readonly checker: SnapshotChecker;

  constructor(private readonly deps: SnapshotTakerDeps) {
    this.store = deps.store;
    this.checker = deps.checker;
  }

  /** A verified snapshot of the live database, or the reason there is none. */
  async take(trigger: SnapshotTrigger, note: string | null): Promise<Result<SnapshotManifest>> {
    const { live } = this.deps;
    if (!live.isWriter) return fail('read-only', MESSAGES.readOnly);
    // A failed save is shown by the sidebar already; the snapshot is still worth having.
    await live.flush();
    let bytes: Uint8Array;
    let facts: { counts: SnapshotManifest['counts']; dataChangedAt: string | null };
    try {
      facts = live.read((db) => ({ counts: countRows(db), dataChangedAt: readDatabaseTimes(db).lastChangeAt }));
      bytes = live.exportBytes();
    } catch (error) {
      return this.recordFailure(failure(describeThrown(error)));
    }
    return this.storeAndVerify(trigger, note, bytes, facts);
  }

  /**
   * A verified snapshot of given database bytes (the stored database before a schema
   * migration). Its counts are those of its rows brought to the current schema.
   */
  async takeFromBytes(
    trigger: SnapshotTrigger,
    bytes: Uint8Array,
    dataChangedAt: string | null,
  ): Promise<Result<SnapshotManifest>> {
    return this.storeAndVerify(trigger, null, bytes, { counts: null, dataChangedAt });
  }

  /**
   * Checks a stored snapshot and records the verdict in its manifest. Right after it is taken
   * the check is the digest (the copy is byte for byte the exported database), integrity,
   * foreign keys and counts; `full` also reads every row for the content checksum.
   */
  async verify(manifest: SnapshotManifest, full = true): Promise<Result<SnapshotManifest>> {
    const nowIso = this.deps.clock.now().toISOString();
    const stored = await this.store.readBytes(manifest.id);
    const report = stored
      ? await this.checker.check(stored, { withChecksum: full })
      : {
          unreadable: 'its bytes are missing from storage',
          databaseSha256: null,
          integrity: [],
          foreignKeyViolations: 0,
          counts: null,
          checksum: null,
        };
    const verdict = judgeSnapshotCheck(manifest, report);
    const next: SnapshotManifest = verdict.ok
      ? { ...manifest, checksum: verdict.checksum, verification: { state: 'verified', at: nowIso } }
      : { ...manifest, verification: { state: 'failed', at: nowIso, problem: verdict.problem } };
    const updated = await this.store.update(next);
    if (!updated.ok) return this.recordFailure(updated.error);
    if (!verdict.ok) return fail('snapshot-unverified', MESSAGES.unverified(verdict.problem));
    this.lastFailure = null;
    await this.deps.facts.lastFailure.write(null);
    return ok(next);
  }

  /**
   * Reads a verified snapshot's content checksum from its stored copy (a full check): done after
   * the snapshot counts, off the path of the operation that wanted it — at 100k uploads it costs
   * as much as building a backup file. `recordContentChecksum` then stores the result.
   */
  async readContentChecksum(id: string): Promise<SnapshotCheckReport | null> {
    const stored = await this.store.readBytes(id);
    return stored ? this.checker.check(stored, { withChecksum: true }) : null;
  }

  /** Adds what `readContentChecksum` found to the manifest as it is now (if it is still there). */
  async recordContentChecksum(id: string, report: SnapshotCheckReport): Promise<void> {
    const current = (await this.store.list()).find((m) => m.id === id);
    if (!current || current.checksum !== null || current.verification.state !== 'verified') return;
    const verdict = judgeSnapshotCheck(current, report);
    await this.store.update(
      verdict.ok ? { ...current, checksum: verdict.checksum } : this.failed(current, verdict.problem),
    );
  }

  /** The manifest as it is now, marked as failed (for a copy found damaged when opened). */
  async markFailed(id: string, problem: string): Promise<void> {
    const current = (await this.store.list()).find((m) => m.id === id);
    if (current) await this.store.update(this.failed(current, problem));
  }

  private failed(manifest: SnapshotManifest, problem: string): SnapshotManifest {
    return { ...manifest, verification: { state: 'failed', at: this.deps.clock.now().toISOString(), problem } };
  }

  private async storeAndVerify(
    trigger: SnapshotTrigger,
    note: string | null,
    bytes: Uint8Array,
    facts: { counts: SnapshotManifest['counts'] | null; dataChangedAt: string | null },
  ): Promise<Result<SnapshotManifest>> {
    const takenAt = this.deps.clock.now().toISOString();
    let prepared;
    let counts = facts.counts;
    try {
      // Bytes from before a migration are counted the way a restore would read them.
      if (counts === null) counts = (await this.checker.describe(bytes.slice())).counts;
      prepared = await this.checker.prepare(bytes);
    } catch (error) {
      return this.recordFailure(failure(describeThrown(error)));
    }
    const manifest: SnapshotManifest = {
      id: newSnapshotId(takenAt),
      takenAt,
      trigger,
      note: note?.trim() ? note.trim().slice(0, 200) : null,
      counts,
      databaseSha256: prepared.databaseSha256,
      checksum: null,
      schemaVersion: SCHEMA_VERSION,
      databaseBytes: prepared.databaseBytes,
      storedBytes: prepared.compressed.size,
      dataChangedAt: facts.dataChangedAt,
      verification: { state: 'pending' },
      pin: isSafetyTrigger(trigger)
        ? { kind: 'until', until: new Date(Date.parse(takenAt) + SAFETY_PIN_DAYS * 86_400_000).toISOString() }
        : null,
    };
    const added = await this.store.add(manifest, prepared.compressed);
    if (!added.ok) return this.recordFailure(added.error);
    return this.verify(manifest, false);
  }

  /** Remembers a failure for the health panel (it turns Critical) and passes it on. */
  private async recordFailure<T>(error: AppError): Promise<Result<T>> {
    this.lastFailure = { at: this.deps.clock.now().toISOString(), message: error.message };
    await this.deps.facts.lastFailure.write(this.lastFailure);
    return { ok: false, error };
  }
}

function failure(detail: string): AppError {
  return { code: 'snapshot-failed', message: MESSAGES.failed, detail };
}
