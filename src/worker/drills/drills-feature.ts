import type { Candidate } from '../../core/backup/load/load-backup';
import type { StartDigestOffload } from '../../core/backup/checksum/digest-offload';
import type { Clock } from '../../core/clock';
import { readDatabaseTimes } from '../../core/db/meta';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { damagedDrill, describeDuration } from '../../core/drills/drill-verdict';
import type { DrillCandidate, DrillOutcome, DrillRecord } from '../../core/drills/drill-types';
import { fail, ok, type AppError, type Result } from '../../core/result';
import { readStoredSettings } from '../../core/settings/settings-record';
import { classifyCheckFailure } from '../../core/snapshots/backup-check';
import { lazyModule } from '../../platform/lazy-import';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { RecordAudit } from '../engine/audit';
import type { Fact } from '../engine/fact-store';
import type { LiveDatabase } from '../engine/live-database';
import type { Track } from '../engine/progress';
import type { RestoreTiming } from '../health/restore-timing';
import { readDrills } from './drill-records';
import type { restoreFileApart as RestoreFileApart } from './drill-run';

/** Restoring apart and comparing (the restore engine: a chunk of its own). */
const loadDrillRun = lazyModule(() => import('./drill-run'));

const MESSAGES = {
  locked:
    'The backup the drill picked is encrypted. Enter its passphrase under “Backup file options”, then run the drill again. Nothing was recorded.',
  noFile: 'The drill needs the file itself; nothing was recorded. Run the drill again.',
  notJudged: (message: string) => `The drill could not judge the backup it picked: ${message} Nothing was recorded.`,
};

/** What drills need of the snapshots: the recent verified ones, and one opened apart as a restore would. */
export interface DrillSnapshots {
  candidates(): Promise<DrillCandidate[]>;
  open(id: string): Promise<Result<Candidate>>;
}

/** What drills work with. */
export interface DrillsDeps {
  SQL: SqlJsStatic;
  live: LiveDatabase;
  clock: Clock;
  track: Track;
  audit: RecordAudit;
  snapshots: DrillSnapshots;
  restoreTiming: Fact<RestoreTiming>;
  /** A backup of the team store, fetched and opened as the file it was (the team store feature's). */
  openStoreBackup: (key: string) => Promise<Result<BackupSource>>;
  digestOffload?: StartDigestOffload;
}

/** Refusals that say nothing about the backup: nothing is recorded, the person is told why. */
const NOT_RECORDED = new Set(['needs-passphrase', 'drill-store-not-reached']);

/**
 * Drills (the backup procedures' monthly test restore and quarterly drill): the backup the page
 * picked is restored apart from the live data, compared with it, timed against the recovery-time
 * target (a setting), and the result recorded in the audit trail with its notes. The live data is
 * never touched.
 */
export class Drills {
  constructor(private readonly deps: DrillsDeps) {}

  /** Past drills made in this browser, newest first. */
  listDrills(limit = 20): DrillRecord[] {
    return this.deps.live.read((db) => readDrills(db, limit));
  }

  /** Runs a drill on `candidate` (a file's contents come with it; a snapshot is opened here). */
  run(
    candidate: DrillCandidate,
    file?: BackupSource,
    options: { passphrase?: string } = {},
  ): Promise<Result<DrillOutcome>> {
    return this.deps.track('check', async (step) => {
      step(`Drill: restoring ${candidate.name} apart`, 0, 1)(0);
      const run = await loadDrillRun();
      if (!run.ok) return run;
      const { live, clock } = this.deps;
      const targetMinutes = live.read(readStoredSettings).recoveryTargetMinutes;
      const started = performance.now();
      const opened = await this.open(candidate, file, options, run.value.restoreFileApart);
      const durationMs = performance.now() - started;
      if (!opened.ok) {
        const kind = classifyCheckFailure(opened.error.code, candidate.name);
        if (kind === 'not-judged' || NOT_RECORDED.has(opened.error.code)) return opened;
        return ok(await this.record(damagedDrill(candidate, durationMs, targetMinutes, opened.error.message)));
      }
      const restored = opened.value;
      try {
        const outcome = live.read((db) =>
          run.value.compareAndJudge({
            candidate,
            restored: restored.db,
            live: db,
            backupAt: restored.createdAt ?? candidate.at,
            liveChangedAt: readDatabaseTimes(db).lastChangeAt,
            durationMs,
            targetMinutes,
          }),
        );
        const rows = Object.values(restored.counts).reduce((sum, n) => sum + n, 0);
        await this.deps.restoreTiming.write({
          ms: durationMs,
          rows,
          at: clock.now().toISOString(),
          what: `drill on ${candidate.name}`,
        });
        return ok(await this.record(outcome));
      } finally {
        restored.db.close();
      }
    });
  }

  private async open(
    candidate: DrillCandidate,
    file: BackupSource | undefined,
    options: { passphrase?: string },
    restoreFileApart: typeof RestoreFileApart,
  ): Promise<Result<Candidate>> {
    if (candidate.origin === 'snapshot') return this.deps.snapshots.open(candidate.id);
    if (candidate.origin === 'store') {
      const fetched = await this.deps.openStoreBackup(candidate.id);
      // A refused object is a damaged backup; a store that does not answer says nothing about it.
      if (!fetched.ok && fetched.error.code !== 'object-tampered')
        return fail('drill-store-not-reached', MESSAGES.notJudged(fetched.error.message), fetched.error.detail);
      if (!fetched.ok) return fetched;
      file = fetched.value;
    }
    if (!file) return fail('drill-no-file', MESSAGES.noFile);
    const { SQL, clock, digestOffload } = this.deps;
    const loaded = await restoreFileApart(SQL, file.contents, {
      now: clock.now().toISOString(),
      ...(options.passphrase ? { passphrase: options.passphrase } : {}),
      ...(digestOffload ? { digestOffload } : {}),
    });
    if (!loaded.ok) return { ok: false, error: notJudgedMessage(loaded.error, candidate.name) };
    if ('locked' in loaded) return fail('needs-passphrase', MESSAGES.locked);
    return ok(loaded.candidate);
  }

  /** The drill into the audit trail (its findings in the details), then back to the caller. */
  private async record(outcome: DrillOutcome): Promise<DrillOutcome> {
    const { candidate } = outcome;
    const where =
      candidate.origin === 'folder' ? 'backup folder' : candidate.origin === 'store' ? 'team store' : 'snapshots';
    const verdict = outcome.outcome === 'passed' ? 'Drill passed' : 'Drill failed';
    const problem = outcome.outcome === 'passed' ? '' : (outcome.notes[0] ?? '');
    await this.deps.audit({
      kind: 'drill',
      summary: `${verdict}: ${candidate.name} (${where}), restored apart in ${describeDuration(outcome.durationMs)}${problem ? ` — ${problem}` : ''}`,
      details: {
        ok: outcome.outcome === 'passed',
        isBackup: true,
        outcome: outcome.outcome,
        problem,
        origin: candidate.origin,
        fileName: candidate.name,
        backupAt: candidate.at,
        durationMs: outcome.durationMs,
        targetMinutes: outcome.targetMinutes,
        notes: outcome.notes,
        tables: outcome.tables,
      },
    });
    return outcome;
  }
}

/** A refusal the drill cannot judge keeps its code; its message says nothing was recorded. */
function notJudgedMessage(error: AppError, fileName: string): AppError {
  return classifyCheckFailure(error.code, fileName) === 'not-judged'
    ? { ...error, message: MESSAGES.notJudged(error.message) }
    : error;
}
