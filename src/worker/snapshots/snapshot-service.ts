import { readAllActivity } from '../../core/db/activity';
import { readDatabaseTimes } from '../../core/db/meta';
import { SCHEMA_VERSION } from '../../core/db/schema';
import { endOfDayOf, settingsForFile } from '../../core/settings/app-settings';
import { readExplicitSettings, readStoredSettings } from '../../core/settings/settings-record';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { countRows } from '../../core/db/tables';
import type { Clock } from '../../core/clock';
import { ok, type Result } from '../../core/result';
import { isEndOfDayDue } from '../../core/snapshots/end-of-day';
import type { SnapshotManifest } from '../../core/snapshots/manifest';
import { dueScheduledSnapshot, hasChangesSinceSnapshot } from '../../core/snapshots/schedule';
import type { SnapshotTrigger } from '../../core/snapshots/triggers';
import type { Candidate } from '../../core/backup/load/load-backup';
import type { SecretsMode } from '../../core/backup/format/format';
import { lazyInstance, lazyModule, type LazyInstance } from '../../platform/lazy-import';
import type { BackupFile } from '../backup-files/backup-file-types';
import type { RecordAudit } from '../engine/audit';
import type { LiveDatabase } from '../engine/live-database';
import type { ScheduleOutcome, SnapshotList, SnapshotRow } from './snapshot-types';
import type { SnapshotAudit } from './snapshot-audit';
import type { SnapshotChecker } from './snapshot-check';
import type { SnapshotContents } from './snapshot-contents';
import type { SnapshotFacts } from './snapshot-facts';
import { SnapshotLibrary, type StorageEstimate } from './snapshot-library';
import type { SnapshotStore } from './snapshot-store';
import type { SnapshotTaker } from './snapshot-taker';
import { BackgroundChecksums } from './background-checksums';
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
  audit: RecordAudit;
}

/**
 * Snapshots of the live database: taken (by trigger, one at a time) and verified, listed with
 * why they are kept, pinned, deleted, opened for a restore, downloaded. `takeSnapshot(trigger,
 * note)` is the entry point for other operations that want a safety copy first (e.g.
 * `before-processing`).
 */
export class SnapshotService {
  readonly library: SnapshotLibrary;
  /** Taking and checking snapshots, loaded with the first one (opening the app takes none). */
  private readonly taker: LazyInstance<SnapshotTaker>;
  private readonly serial = new SerialQueue();
  /** When the schedule first saw changes that no snapshot holds (in memory: a reload starts over). */
  private pendingSince: string | null = null;
  private readonly checksums = new BackgroundChecksums();

  /** Its words for the audit trail, loaded with the first snapshot (opening the app takes none). */
  private readonly audit: LazyInstance<SnapshotAudit>;

  constructor(readonly deps: SnapshotServiceDeps) {
    const policy = () => deps.live.read(readStoredSettings).retention;
    this.library = new SnapshotLibrary(deps.store, deps.clock, deps.estimateStorage, policy);
    this.taker = lazyInstance(
      lazyModule(() => import('./snapshot-taker')),
      (m) => new m.SnapshotTaker(deps),
    );
    this.audit = lazyInstance(
      lazyModule(() => import('./snapshot-audit')),
      (m) => new m.SnapshotAudit(deps.audit),
    );
  }

  /** Takes and verifies a snapshot now (after any snapshot work already queued), then applies retention. */
  takeSnapshot(trigger: SnapshotTrigger, note: string | null = null): Promise<Result<SnapshotManifest>> {
    return this.serial.run(async () => {
      const taken = await this.taker.use((taker) => taker.take(trigger, note));
      await this.record((audit) => audit.taken(trigger, note, taken));
      if (taken.ok) {
        this.pendingSince = null;
        const deleted = await this.library.applyRetention();
        await this.record((audit) => audit.retention(deleted));
        this.readChecksumLater(taken.value.id);
      }
      return taken;
    });
  }

  /** A stored snapshot's manifest, or why there is none. */
  find(id: string): Promise<Result<SnapshotManifest>> {
    return this.library.find(id);
  }

  /** The last failure to take or check a snapshot here (none before the first snapshot was taken). */
  get lastTakeFailure(): { at: string; message: string } | null {
    return this.taker.current()?.lastFailure ?? null;
  }

  /** Resolves when the background checksums started so far are done (tests, the bench). */
  whenChecksumsDone(): Promise<void> {
    return this.checksums.whenDone();
  }

  /** Opens a verified snapshot's database file; a copy found damaged is marked failed, in turn with other changes. */
  async openContents(manifest: SnapshotManifest): Promise<Result<SnapshotContents>> {
    const contents = await loadSnapshotContents();
    if (!contents.ok) return contents;
    return contents.value.openSnapshotBytes(this.deps.store, manifest, (problem) =>
      this.serial.run(() => this.markFailed(manifest.id, problem)),
    );
  }

  /** A verified snapshot as a restore candidate (opened apart, checked, certified against its manifest). */
  async openCandidate(given: SnapshotManifest): Promise<Result<Candidate>> {
    const files = await loadSnapshotFiles();
    if (!files.ok) return files;
    const settled = await this.checksums.settled(given, (id) => this.library.find(id));
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
      await this.serial.run(() => this.markFailed(manifest.id, candidate.error.detail ?? candidate.error.message));
    return candidate;
  }

  /** Reads the content checksum in the background; only storing it waits its turn (a pin is never overwritten). */
  private readChecksumLater(id: string): void {
    this.checksums.start(id, async () => {
      const taker = await this.taker.get();
      if (!taker.ok) return;
      const report = await taker.value.readContentChecksum(id);
      if (report) await this.serial.run(() => taker.value.recordContentChecksum(id, report));
    });
  }

  /** Marks a stored snapshot failed (found damaged when opened). */
  private async markFailed(id: string, problem: string): Promise<void> {
    const taker = await this.taker.get();
    if (taker.ok) await taker.value.markFailed(id, problem);
  }

  /** A snapshot of stored bytes that are not the live database (before a schema migration). */
  takeSnapshotOfBytes(
    trigger: SnapshotTrigger,
    bytes: Uint8Array,
    dataChangedAt: string | null,
  ): Promise<Result<SnapshotManifest>> {
    return this.serial.run(async () => {
      const taken = await this.taker.use((taker) => taker.takeFromBytes(trigger, bytes, dataChangedAt));
      await this.record((audit) => audit.taken(trigger, null, taken));
      if (taken.ok) this.readChecksumLater(taken.value.id);
      return taken;
    });
  }

  /** The page's tick: the automatic snapshots due now, and end of day (at the settings' time). */
  async runSchedule(): Promise<ScheduleOutcome> {
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
    const at = endOfDayOf(live.read(readStoredSettings));
    const endOfDay = isEndOfDayDue({ now, at, lastRunAt: lastEndOfDayAt, createdAt: times.createdAt, hasData });
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
    if (!updated.ok) return updated;
    await this.record((audit) => audit.pinned(updated.value, pinned));
    return ok(await this.rowOf(updated.value));
  }

  async deleteSnapshot(id: string): Promise<Result<void>> {
    const found = await this.library.find(id);
    const removed = await this.serial.run(() => this.library.remove(id));
    if (removed.ok && found.ok) await this.record((audit) => audit.deleted(found.value));
    return removed;
  }

  async verifySnapshot(id: string): Promise<Result<SnapshotRow>> {
    const verified = await this.serial.run(async () => {
      const found = await this.library.find(id);
      if (!found.ok) return found;
      const checked = await this.taker.use((taker) => taker.verify(found.value));
      await this.record((audit) => audit.checked(found.value, checked));
      return checked;
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
    const file = await files.value.buildSnapshotBackupFile(this.deps.SQL, contents.value.bytes, {
      manifest,
      activity: this.deps.live.read(readAllActivity),
      appSettings: settingsForFile(this.deps.live.read(readExplicitSettings), request.secrets),
      appVersion: this.deps.appVersion,
      schemaVersion: SCHEMA_VERSION,
      secrets: request.secrets,
      ...(request.passphrase ? { passphrase: request.passphrase } : {}),
    });
    await this.record((audit) => audit.downloaded(manifest, file.fileName));
    return ok(file);
  }

  /** Writes an audit entry; a snapshot's own outcome never depends on it. */
  private async record(write: (audit: SnapshotAudit) => Promise<void>): Promise<void> {
    const audit = await this.audit.get();
    if (audit.ok) await write(audit.value);
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
        await this.serial.run(() => this.taker.use((taker) => taker.verify(manifest)));
      }
    }
  }
}

function describeTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
