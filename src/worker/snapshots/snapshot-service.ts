import { readAllActivity } from '../../core/db/activity';
import { readDatabaseTimes } from '../../core/db/meta';
import { SCHEMA_VERSION } from '../../core/db/schema';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { countRows } from '../../core/db/tables';
import type { Clock } from '../../core/clock';
import { ok, type Result } from '../../core/result';
import { isEndOfDayDue } from '../../core/snapshots/end-of-day';
import type { SnapshotManifest } from '../../core/snapshots/manifest';
import { dueScheduledSnapshot, hasChangesSinceSnapshot } from '../../core/snapshots/schedule';
import type { SnapshotTrigger } from '../../core/snapshots/triggers';
import { backupFileName } from '../../core/backup/write/file-name';
import type { Candidate } from '../../core/backup/load/load-backup';
import type { SecretsMode } from '../../core/backup/format/format';
import { lazyModule } from '../../platform/lazy-import';
import type { BackupFile } from '../backup-files/backup-file-types';
import type { LiveDatabase } from '../engine/live-database';
import type { ScheduleOutcome, ScheduleRequest, SnapshotList, SnapshotRow } from './snapshot-types';
import type { SnapshotChecker } from './snapshot-check';
import type { SnapshotContents } from './snapshot-contents';
import type { SnapshotFacts } from './snapshot-facts';
import { SnapshotLibrary, type StorageEstimate } from './snapshot-library';
import type { SnapshotStore } from './snapshot-store';
import { SnapshotTaker } from './snapshot-taker';
import { SerialQueue } from './serial';

/** A verified snapshot's stored bytes, decompressed and checked against their digest (a chunk of its own). */
const loadSnapshotContents = lazyModule(() => import('./snapshot-contents'));
/** Snapshots as restore candidates and as backup files: the restore engine and the writer (a chunk of their own). */
const loadSnapshotFiles = lazyModule(() => import('./snapshot-files'));

/** A snapshot still "being verified" this long after it was taken was cut short by a reload. */
const INTERRUPTED_AFTER_MS = 5 * 60_000;

/** What the snapshot service needs from the platform. */
export interface SnapshotDeps {
  store: SnapshotStore;
  checker: SnapshotChecker;
  estimateStorage: StorageEstimate;
}

/** What the snapshot service works with: the live database and the platform's parts. */
export interface SnapshotServiceDeps extends SnapshotDeps {
  SQL: SqlJsStatic;
  live: LiveDatabase;
  clock: Clock;
  appVersion: string;
  isStoragePersisted: () => Promise<boolean | null>;
  facts: SnapshotFacts;
}

/**
 * Snapshots of the live database: taken (by trigger, one at a time) and verified, listed with
 * why they are kept, pinned, deleted, opened for a restore, downloaded. `takeSnapshot(trigger,
 * note)` is the entry point for other operations that want a safety copy first (e.g.
 * `before-processing`).
 */
export class SnapshotService {
  readonly library: SnapshotLibrary;
  readonly taker: SnapshotTaker;
  private readonly serial = new SerialQueue();
  /** When the schedule first saw changes that no snapshot holds (in memory: a reload starts over). */
  private pendingSince: string | null = null;
  /** Content checksums being read in the background, after their snapshots counted, by snapshot id. */
  private readonly checksums = new Map<string, Promise<void>>();

  constructor(readonly deps: SnapshotServiceDeps) {
    this.library = new SnapshotLibrary(deps.store, deps.clock, deps.estimateStorage);
    this.taker = new SnapshotTaker(deps);
  }

  /** Takes and verifies a snapshot now (after any snapshot work already queued), then applies retention. */
  takeSnapshot(trigger: SnapshotTrigger, note: string | null = null): Promise<Result<SnapshotManifest>> {
    return this.serial.run(async () => {
      const taken = await this.taker.take(trigger, note);
      if (taken.ok) {
        this.pendingSince = null;
        await this.library.applyRetention();
        this.readChecksumLater(taken.value.id);
      }
      return taken;
    });
  }

  /** A stored snapshot's manifest, or why there is none. */
  find(id: string): Promise<Result<SnapshotManifest>> {
    return this.library.find(id);
  }

  /** Resolves when the background checksums started so far are done (tests, the bench). */
  async whenChecksumsDone(): Promise<void> {
    await Promise.all([...this.checksums.values()]);
  }

  /** Opens a verified snapshot's database file; a copy found damaged is marked failed, in turn with other changes. */
  async openContents(manifest: SnapshotManifest): Promise<Result<SnapshotContents>> {
    const contents = await loadSnapshotContents();
    if (!contents.ok) return contents;
    return contents.value.openSnapshotBytes(this.deps.store, manifest, (problem) =>
      this.serial.run(() => this.taker.markFailed(manifest.id, problem)),
    );
  }

  /** A verified snapshot as a restore candidate (opened apart, checked, certified against its manifest). */
  async openCandidate(given: SnapshotManifest): Promise<Result<Candidate>> {
    const files = await loadSnapshotFiles();
    if (!files.ok) return files;
    const settled = await this.withChecksumSettled(given);
    if (!settled.ok) return settled;
    const manifest = settled.value;
    const contents = await this.openContents(manifest);
    if (!contents.ok) return contents;
    const candidate = await files.value.openSnapshotCandidate(this.deps.SQL, contents.value.bytes, {
      label: 'Snapshot kept in this browser',
      takenAt: manifest.takenAt,
      expectedChecksum: manifest.checksum,
    });
    if (!candidate.ok)
      await this.serial.run(() =>
        this.taker.markFailed(manifest.id, candidate.error.detail ?? candidate.error.message),
      );
    return candidate;
  }

  /**
   * The manifest once a content checksum being read for it in the background is recorded. Without
   * that checksum, opening the snapshot repeats the same read-back here (integrity, foreign keys,
   * every row) while the helper is doing it on the other core: as long as the helper's whole read,
   * and both slow down sharing two cores. This is the usual case of Undo straight after a restore:
   * its Before restore snapshot was taken seconds ago.
   */
  private async withChecksumSettled(manifest: SnapshotManifest): Promise<Result<SnapshotManifest>> {
    const reading = this.checksums.get(manifest.id);
    if (manifest.checksum !== null || reading === undefined) return ok(manifest);
    await reading;
    return this.library.find(manifest.id);
  }

  /** The long check outside the queue; only storing its result waits its turn (a pin is never overwritten). */
  private readChecksumLater(id: string): void {
    const work = this.taker
      .readContentChecksum(id)
      .then((report) => (report ? this.serial.run(() => this.taker.recordContentChecksum(id, report)) : undefined))
      .catch(() => undefined);
    this.checksums.set(id, work);
    void work.finally(() => {
      if (this.checksums.get(id) === work) this.checksums.delete(id);
    });
  }

  /** A snapshot of stored bytes that are not the live database (before a schema migration). */
  takeSnapshotOfBytes(
    trigger: SnapshotTrigger,
    bytes: Uint8Array,
    dataChangedAt: string | null,
  ): Promise<Result<SnapshotManifest>> {
    return this.serial.run(async () => {
      const taken = await this.taker.takeFromBytes(trigger, bytes, dataChangedAt);
      if (taken.ok) this.readChecksumLater(taken.value.id);
      return taken;
    });
  }

  /** The page's tick: the automatic snapshots due now, and end of day. */
  async runSchedule(request: ScheduleRequest): Promise<ScheduleOutcome> {
    const { live, clock, facts } = this.deps;
    const idle: ScheduleOutcome = { took: null, failure: null, endOfDayRan: false };
    if (!live.isWriter) return idle;
    const now = clock.now();
    const times = live.read(readDatabaseTimes);
    const manifests = await this.library.manifests();
    await this.finishInterruptedChecks(manifests, now);
    const [newest] = manifests;
    const newestInput = newest ? { takenAt: newest.takenAt, dataChangedAt: newest.dataChangedAt } : null;
    if (
      this.pendingSince === null &&
      hasChangesSinceSnapshot({ lastChangeAt: times.lastChangeAt, newest: newestInput })
    )
      this.pendingSince = now.toISOString();
    const lastEndOfDayAt = await facts.lastEndOfDayAt.read();
    const hasData = Object.values(live.read(countRows)).some((n) => n > 0);
    const endOfDay = isEndOfDayDue({
      now,
      at: request.endOfDay,
      lastRunAt: lastEndOfDayAt,
      createdAt: times.createdAt,
      hasData,
    });
    const trigger = endOfDay
      ? 'end-of-day'
      : dueScheduledSnapshot({
          now,
          lastChangeAt: times.lastChangeAt,
          newest: newestInput,
          pendingSince: this.pendingSince,
        });
    if (trigger === null) return idle;
    const taken = await this.takeSnapshot(trigger);
    if (endOfDay) await facts.lastEndOfDayAt.write(now.toISOString());
    if (!taken.ok) return { ...idle, failure: taken.error, endOfDayRan: endOfDay };
    return { took: await this.rowOf(taken.value), failure: null, endOfDayRan: endOfDay };
  }

  async listSnapshots(): Promise<SnapshotList> {
    return this.library.list(await this.deps.isStoragePersisted());
  }

  async setPinned(id: string, pinned: boolean): Promise<Result<SnapshotRow>> {
    const updated = await this.serial.run(() => this.library.setPinned(id, pinned));
    return updated.ok ? ok(await this.rowOf(updated.value)) : updated;
  }

  deleteSnapshot(id: string): Promise<Result<void>> {
    return this.serial.run(() => this.library.remove(id));
  }

  async verifySnapshot(id: string): Promise<Result<SnapshotRow>> {
    const verified = await this.serial.run(async () => {
      const found = await this.library.find(id);
      return found.ok ? this.taker.verify(found.value) : found;
    });
    return verified.ok ? ok(await this.rowOf(verified.value)) : verified;
  }

  async findSnapshotAt(atIso: string): Promise<Result<SnapshotRow>> {
    const found = await this.library.findAt(atIso, describeTime);
    return found.ok ? ok(await this.rowOf(found.value)) : found;
  }

  /** A normal backup file of a snapshot, named for the time the snapshot was taken. */
  async downloadSnapshot(
    id: string,
    request: { secrets: SecretsMode; passphrase?: string },
  ): Promise<Result<BackupFile>> {
    const found = await this.library.find(id);
    if (!found.ok) return found;
    const manifest = found.value;
    const files = await loadSnapshotFiles();
    if (!files.ok) return files;
    const contents = await this.openContents(manifest);
    if (!contents.ok) return contents;
    const built = await files.value.buildSnapshotBackupFile(this.deps.SQL, contents.value.bytes, {
      activity: this.deps.live.read(readAllActivity),
      takenAt: manifest.takenAt,
      appVersion: this.deps.appVersion,
      schemaVersion: SCHEMA_VERSION,
      secrets: request.secrets,
      ...(request.passphrase ? { passphrase: request.passphrase } : {}),
    });
    const fileName = `${backupFileName('manual', new Date(manifest.takenAt))}${built.isGzip ? '.gz' : ''}`;
    const receipt = {
      fileName,
      createdAt: manifest.takenAt,
      trigger: 'manual' as const,
      counts: built.counts,
      checksum: built.checksum,
      secrets: request.secrets,
      sizeBytes: built.blob.size,
    };
    return ok({ fileName, blob: built.blob, receipt });
  }

  /** A manifest as a list row (with why it is kept). */
  async rowOf(manifest: SnapshotManifest): Promise<SnapshotRow> {
    return this.library.row(manifest, await this.library.manifests());
  }

  /** Snapshots whose verification was cut short (the tab closed mid-way) are checked now. */
  private async finishInterruptedChecks(manifests: readonly SnapshotManifest[], now: Date): Promise<void> {
    for (const manifest of manifests) {
      if (
        manifest.verification.state === 'pending' &&
        now.getTime() - Date.parse(manifest.takenAt) > INTERRUPTED_AFTER_MS
      ) {
        await this.serial.run(() => this.taker.verify(manifest));
      }
    }
  }
}

function describeTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
