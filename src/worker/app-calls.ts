import type { ProcessingOverrides } from './processing/processing-operations';
import { auditCalls } from './audit/audit-calls';
import { backupFileCalls, openBackupFiles } from './backup-files/backup-file-calls';
import { catalogCalls } from './catalog/catalog-calls';
import { openEngine, type EngineDeps } from './engine/engine';
import type { LiveDatabase } from './engine/live-database';
import { bindFeature, type CallsOf } from './feature-calls';
import { drillsCalls, openDrills } from './drills/drills-calls';
import { folderCalls } from './folder/folder-calls';
import { folderOutcomes } from './folder/folder-outcomes';
import { FolderRecords } from './folder/folder-records';
import { BackupHealth } from './health/backup-health';
import { healthCalls } from './health/health-calls';
import { restoreTimingFact } from './health/restore-timing';
import { openProcessing, processingCalls } from './processing/processing-calls';
import { restoreCalls } from './restore/restore-calls';
import { RestoreFeature } from './restore/restore-feature';
import { undoPointFact } from './restore/undo-point';
import { NO_TEAM, type TeamRestoreRoute } from './restore/team-route';
import { snapshotCalls } from './snapshots/snapshot-calls';
import { snapshotFacts } from './snapshots/snapshot-facts';
import { snapshotHealthFacts } from './snapshots/snapshot-health-facts';
import { SnapshotService, type SnapshotDeps } from './snapshots/snapshot-service';
import { AppSettingsFeature } from './settings/app-settings-feature';
import { settingsCalls } from './settings/settings-calls';
import { statusCalls } from './status/status-calls';
import { teamSyncCalls } from './team-sync/team-sync-calls';
import { TeamSyncEntry } from './team-sync/team-sync-entry';
import { syncConnectionOf, type TeamConnection } from './team-sync/team-connection';
import { META_KEYS, readMeta } from '../core/db/meta';
import { teamStoreCalls } from './team-store/team-store-calls';
import { TeamStoreEntry } from './team-store/team-store-entry';
import type { TeamStorePartsDeps } from './team-store/team-store-parts';
import { ok, type Result } from '../core/result';
import { logActivity } from '../core/db/activity';
import { LOCK_SUMMARIES } from './lock/lock-messages';
import type { SnapshotManifest } from '../core/snapshots/manifest';
import { snapshotName } from '../core/snapshots/snapshot-name';
import type { SnapshotTrigger } from '../core/snapshots/triggers';

/**
 * The database worker's features, composed: each feature's calls (its folder's `*-calls.ts`) bound
 * to the state it works with. This is the one place that knows every feature; the features know
 * only the engine and the narrow functions passed to them here.
 */
const FEATURES = [
  statusCalls,
  catalogCalls,
  backupFileCalls,
  restoreCalls,
  snapshotCalls,
  folderCalls,
  healthCalls,
  processingCalls,
  settingsCalls,
  auditCalls,
  drillsCalls,
  teamStoreCalls,
  teamSyncCalls,
] as const;

/** Every call the page may make of the database worker (the lock's calls are the lock gate's). */
export type AppCalls = CallsOf<typeof statusCalls> &
  CallsOf<typeof catalogCalls> &
  CallsOf<typeof backupFileCalls> &
  CallsOf<typeof restoreCalls> &
  CallsOf<typeof snapshotCalls> &
  CallsOf<typeof folderCalls> &
  CallsOf<typeof healthCalls> &
  CallsOf<typeof processingCalls> &
  CallsOf<typeof settingsCalls> &
  CallsOf<typeof auditCalls> &
  CallsOf<typeof drillsCalls> &
  CallsOf<typeof teamStoreCalls> &
  CallsOf<typeof teamSyncCalls>;

/** The calls that only read: the page asks them again of a worker restarted under them. */
export const READ_CALLS: readonly string[] = FEATURES.flatMap((feature) => Object.keys(feature.reads));

/** Every call's name: only these are served to the page (the hooks below are the worker's own). */
export const CALL_NAMES: ReadonlySet<string> = new Set(
  FEATURES.flatMap((f) => [...Object.keys(f.reads), ...Object.keys(f.actions)]),
);

/** What the worker's composition needs beyond the engine's parts. */
export interface WorkerAppDeps extends EngineDeps {
  snapshots: SnapshotDeps;
  /** File processing's platform parts (load API, workbook reader); defaults are the browser's. */
  processing?: ProcessingOverrides;
  /** The team store's waiting copies (default: in memory) and, for tests, its transport and key strength. */
  teamStore?: Partial<
    Pick<TeamStorePartsDeps, 'openUploads' | 'transport' | 'runExclusive' | 'kdfIterations' | 'random'>
  >;
}

/** The safety snapshots before a risky step: a copy of each goes to the team store when chosen there. */
const RISKY_TRIGGERS: ReadonlySet<SnapshotTrigger> = new Set([
  'before-restore',
  'before-merge',
  'before-undo',
  'before-delete',
  'before-processing',
]);

/** The composed worker: the calls, and what the lock gate and tests need besides. */
export type WorkerApp = AppCalls & WorkerHooks;

/** What the lock gate and tests use of the composed worker, beside the page's calls. */
export interface WorkerHooks {
  /** Whether this tab may write now. */
  isWriter: () => boolean;
  /** Writes an activity entry and saves — which re-stores the database in the lock's current form. */
  recordLockChange: (summary: string) => Promise<Result<void>>;
  /** Puts failed unlocks, at their times, into the audit trail. */
  recordFailedUnlocks: (times: readonly string[]) => Promise<Result<void>>;
  /** The live database's bytes exactly as they would be stored (diagnostics and tests). */
  exportLiveBytes: () => Uint8Array;
  /** Resolves when the snapshots' background checksums started so far are done (tests, the bench). */
  whenChecksumsDone: () => Promise<void>;
  /** The stored snapshots' manifests, newest first (diagnostics and tests). */
  snapshotManifests: () => Promise<SnapshotManifest[]>;
  /** The parts themselves, for the bench's finer timings only (never served to the page). */
  internals: { live: LiveDatabase; restore: RestoreFeature };
}

/** Opens the stored database and composes every feature around it. */
export async function openWorkerApp(deps: WorkerAppDeps): Promise<WorkerApp> {
  const engine = await openEngine(deps);
  const { live, clock, progress, operator } = engine;
  const track = progress.track;

  const settings = new AppSettingsFeature(engine);
  const snapshots = new SnapshotService({ ...engine, ...deps.snapshots, facts: snapshotFacts(deps.facts) });
  const teamStore = new TeamStoreEntry({
    ...engine,
    ...deps.teamStore,
    backupOfSnapshot: (id) => snapshots.downloadSnapshot(id, { secrets: 'plain' }),
    inspect: (file, options) => restore.inspectBackup(file, options),
  });
  const takeSafetyCopy = async (trigger: SnapshotTrigger, note: string | null = null) => {
    const taken = await snapshots.takeSnapshot(trigger, note);
    if (taken.ok && RISKY_TRIGGERS.has(trigger)) teamStore.copyBeforeRiskyStep(taken.value.id);
    return taken;
  };
  const safetySnapshots = {
    takeSnapshot: takeSafetyCopy,
    find: (id: string) => snapshots.find(id),
    openCandidate: (manifest: SnapshotManifest) => snapshots.openCandidate(manifest),
    rowOf: (manifest: SnapshotManifest) => snapshots.rowOf(manifest),
  };
  const restoreTiming = restoreTimingFact(deps.facts);
  const folder = new FolderRecords({ ...engine, outcomes: folderOutcomes(deps.facts) });
  // In a browser that joined the team database, a replace (and its undo) is the team's: the
  // restore feature reaches team sync only through these (teamSync is made below; called later).
  const teamRoute: TeamRestoreRoute = {
    isJoined: async () => (await teamSync.joinedEngine()) !== null,
    changedSince: async (file, fileCreatedAt) =>
      (await teamSync.joinedEngine())?.changesSince(file, fileCreatedAt) ?? [],
    restore: async (input) => {
      const engine = await teamSync.joinedEngine();
      if (!engine) return NO_TEAM.restore(input);
      const restored = await engine.restoreForTeam({ ...input, safetyTaken: true });
      return restored.ok ? ok({ restoreId: restored.value.id }) : restored;
    },
  };
  const restore = new RestoreFeature({
    ...engine,
    track,
    snapshots: safetySnapshots,
    undoPoint: undoPointFact(deps.facts),
    restoreTiming,
    team: teamRoute,
  });
  const health = new BackupHealth({
    ...engine,
    track,
    restoreTiming,
    estimateStorage: deps.snapshots.estimateStorage,
    snapshotFacts: () => snapshotHealthFacts(snapshots),
    folderFacts: () => folder.healthFacts(),
    storeFacts: () => teamStore.healthFacts(),
    startedEmpty: !engine.startup.found,
  });
  const drills = openDrills({
    ...engine,
    track,
    restoreTiming,
    snapshots: {
      candidates: async () =>
        (await snapshots.library.manifests())
          .filter((m) => m.verification.state === 'verified')
          .map((m) => ({ origin: 'snapshot' as const, id: m.id, name: snapshotName(m), at: m.takenAt })),
      open: async (id) => {
        const found = await snapshots.find(id);
        return found.ok ? snapshots.openCandidate(found.value) : found;
      },
    },
    openStoreBackup: (key) => teamStore.connected((parts) => parts.restores.open(key)),
  });
  const processing = openProcessing({
    live,
    clock,
    appVersion: deps.appVersion,
    // A snapshot that cannot be stored does not stop the run (it only adds history rows); it shows in Backup health.
    beforeRun: async () => void (await takeSafetyCopy('before-processing')),
    ...(deps.processing ? { overrides: deps.processing } : {}),
  });

  let syncConnection: { session: unknown; connection: TeamConnection } | null = null;
  const teamSync = new TeamSyncEntry({
    database: {
      read: (query) => live.read(query),
      write: (op) => live.write(op),
      replace: (next) => live.replaceWith(next),
    },
    SQL: engine.SQL,
    clock,
    takeSafetySnapshot: (summary) => snapshots.takeSnapshot('before-restore', summary),
    lastBackupAt: () => live.read((db) => readMeta(db, META_KEYS.lastBackupAt)),
    isWriter: () => live.isWriter,
    isConnected: () => teamStore.isConnected(),
    connection: async () => {
      const session = await teamStore.session();
      if (!session.ok) return session;
      // One connection per session: the engine carries on (and keeps its queue) until it changes.
      if (syncConnection?.session !== session.value)
        syncConnection = { session: session.value, connection: syncConnectionOf(session.value) };
      return ok(syncConnection.connection);
    },
  });

  const calls: AppCalls = {
    ...bindFeature(statusCalls, { ...engine, undoSummary: () => restore.undo.describeForStatus() }),
    ...bindFeature(catalogCalls, {
      live,
      takeSafetyCopy,
      activeRunIds: () => processing.current()?.runs.activeIds() ?? new Set<number>(),
    }),
    ...bindFeature(backupFileCalls, openBackupFiles({ ...engine, track, operator })),
    ...bindFeature(restoreCalls, restore),
    ...bindFeature(snapshotCalls, snapshots),
    ...bindFeature(folderCalls, folder),
    ...bindFeature(healthCalls, health),
    ...bindFeature(processingCalls, processing),
    ...bindFeature(settingsCalls, settings),
    ...bindFeature(auditCalls, engine),
    ...bindFeature(drillsCalls, drills),
    ...bindFeature(teamStoreCalls, teamStore),
    ...bindFeature(teamSyncCalls, teamSync),
  };

  // Before the migrated database is ever stored: snapshots before and after the migration.
  const old = engine.startup.preMigration;
  if (old && live.isWriter) {
    await snapshots.takeSnapshotOfBytes('before-migration', old.bytes, null);
    await snapshots.takeSnapshot('after-migration');
  }
  // A brand-new database is stored at once, so its creation time survives a reload.
  await live.flush();

  return {
    ...calls,
    isWriter: () => live.isWriter,
    // Through live.write, not the audit recorder: a tab that cannot write must fail here, since the
    // write is what re-stores the database in the lock's new form.
    recordLockChange: (summary) =>
      live.write((db, now) => {
        const by = operator.nameOrNull;
        logActivity(db, { at: now, kind: 'app-lock', summary: `${summary}${operator.byline()}`, details: { by } });
        return ok(undefined);
      }),
    recordFailedUnlocks: (times) =>
      live.write((db) => {
        for (const at of times)
          logActivity(db, { at, kind: 'app-lock', summary: LOCK_SUMMARIES.failedUnlock, details: { ok: false } });
        return ok(undefined);
      }),
    exportLiveBytes: () => live.exportBytes(),
    whenChecksumsDone: () => snapshots.whenChecksumsDone(),
    snapshotManifests: () => snapshots.library.manifests(),
    internals: { live, restore },
  };
}
