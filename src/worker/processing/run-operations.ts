/**
 * Processing runs in the worker: start, claim, send, end, resend. Every claim is durable before
 * the page may POST any of its loads, and outcomes are recorded in batches with the claims.
 * Guarantee: a load is POSTed automatically at most once per Idempotency-Key; a load whose POST
 * may have reached the API unrecorded (tab closed mid-flight) is marked uncertain and is sent
 * again only when the user asks, with the same key.
 */
import { canContinueWith } from '../../core/csv/validate-table';
import { compileMappingPlan } from '../../core/csv/mapping-plan';
import type { SendAttempt, SendLoopResult } from '../../core/csv/send-loop';
import { readConfigurationSecrets, touchConfiguration } from '../../core/db/configuration-secrets';
import { claimLoads, listLoads, recordOutcomes, releaseClaims } from '../../core/db/processing-loads';
import { createRun, readRun, refreshRunCounts, setRunState } from '../../core/db/processing-runs';
import { writeErrorLog } from '../../core/db/processing-error-log';
import { runWrite } from '../../core/db/write';
import { fail, ok, type Result } from '../../core/result';
import type { Clock } from '../../core/clock';
import { readKeySupport, rememberKeySupport, type IdempotencyKeySupport } from '../../core/db/load-api-facts';
import type { Database } from '../../core/db/sql-types';
import type { LoadApiAuth, LoadApiSession } from '../../platform/load-api';
import type { LiveDatabase } from '../engine/live-database';
import { ActiveRun } from './active-run';
import { RUN_MESSAGES as MESSAGES } from './run-messages';
import { RunViews } from './run-views';
import type { LoadedFiles } from './loaded-files';
import { settleAttempt } from './outcome';
import { authForRun } from './connection-auth';
import type { ResendKind, RunView } from './processing-types';

export interface RunDeps {
  live: LiveDatabase;
  clock: Clock;
  files: LoadedFiles;
  /** A load API session; `keySupport` is what is known of the API and the Idempotency-Key header. */
  createSession: (auth: LoadApiAuth, keySupport?: IdempotencyKeySupport) => LoadApiSession;
  /** This worker's id: a run marked sending by another id was interrupted. */
  owner: string;
  /**
   * Called before a new run records anything: the hook for a `Before processing` snapshot
   * (issue 6). A no-op until the snapshots engineer's `takeSnapshot(trigger)` is wired in.
   */
  beforeRun: (trigger: 'Before processing') => Promise<void>;
}

/** Start, claim, send and end runs. */
export class RunOperations {
  private readonly active = new Map<number, ActiveRun>();
  private readonly views: RunViews;

  constructor(private readonly deps: RunDeps) {
    this.views = new RunViews({
      ...deps,
      isSending: (runId) => this.active.has(runId),
      sendingIds: () => this.active.keys(),
    });
  }

  /**
   * Records a new run and makes its valid rows ready to send — never while the same file is being
   * sent with the configuration, and only with `sendAgain` once it was processed with it.
   */
  async startRun(fileId: string, configurationId: number, sendAgain: boolean): Promise<Result<RunView>> {
    const file = this.deps.files.get(fileId);
    if (!file) return fail('file-missing', MESSAGES.noFile);
    const earlier = this.earlierRunsOf(configurationId, file.fingerprint);
    const running = earlier.find((run) => run.standing === 'sending' || run.standing === 'sending-elsewhere');
    if (running) return fail('file-being-sent', MESSAGES.beingSent(file.name));
    const last = earlier[0];
    if (last && !sendAgain)
      return fail('file-already-processed', MESSAGES.alreadyProcessed(file.name, last.sent, last.failed));
    const config = this.deps.live.read((db) => readConfigurationSecrets(db, configurationId));
    if (!config) return fail('configuration-missing', MESSAGES.noConfiguration);
    const auth = authForRun(config);
    if (!auth.ok) return auth;
    const validation = this.deps.files.validate(file, config.mappings);
    if (validation.validRows.length === 0) return fail('no-valid-rows', MESSAGES.noValidRows);
    if (!canContinueWith(validation.validRows.length, file.rows.length))
      return fail('too-many-invalid', MESSAGES.tooManyInvalid);
    await this.deps.beforeRun('Before processing');
    const sessionId = crypto.randomUUID();
    const written = await this.deps.live.write((db, now) =>
      runWrite(db, now, () => {
        touchConfiguration(db, configurationId, now);
        return ok(
          createRun(
            db,
            {
              brokerageName: config.brokerageName,
              configurationName: config.configurationName,
              configurationId,
              fileName: file.name,
              totalRows: file.rows.length,
              headers: file.headers,
              sessionId,
              fingerprint: file.fingerprint,
              fileSize: file.size,
              mappings: config.mappings,
              problems: validation.problems,
              invalidRows: validation.invalidRows,
              owner: this.deps.owner,
            },
            now,
          ),
        );
      }),
    );
    if (!written.ok) return written;
    this.activate(
      written.value,
      configurationId,
      file,
      auth.value,
      validation.plan,
      sessionId,
      validation.validRows,
      0,
    );
    return this.view(written.value);
  }

  /** Makes unsent, failed or uncertain rows of a run ready to send again. */
  async prepareResend(runId: number, which: ResendKind, fileId: string | null): Promise<Result<{ rows: number }>> {
    if (this.active.has(runId)) return fail('run-busy', MESSAGES.busy);
    const run = this.deps.live.read((db) => readRun(db, runId));
    if (!run) return fail('run-missing', MESSAGES.noRun);
    const file = this.deps.files.get(fileId) ?? this.deps.files.findByFingerprint(run.fingerprint);
    if (!file || file.fingerprint !== run.fingerprint) return fail('needs-file', MESSAGES.needsFile(run.fileName));
    const config =
      run.configurationId === null
        ? null
        : this.deps.live.read((db) => readConfigurationSecrets(db, run.configurationId as number));
    if (!config) return fail('configuration-missing', MESSAGES.noConfiguration);
    const auth = authForRun(config);
    if (!auth.ok) return auth;
    const isSendingElsewhere = run.state === 'sending' && !this.views.isInterrupted(run);
    if (which === 'uncertain' && (run.claimed === 0 || isSendingElsewhere))
      return fail('not-interrupted', MESSAGES.notInterrupted);
    const loads = this.deps.live.read((db) => listLoads(db, runId));
    // The run's own mappings, not the configuration's current ones: a resend builds the same loads.
    const plan = compileMappingPlan(run.mappings, file.headers);
    let rows: number[];
    if (which === 'rest') {
      const known = new Set(loads.map((load) => load.row));
      rows = this.deps.files.validate(file, run.mappings).validRows.filter((row) => !known.has(row));
    } else {
      rows = loads.filter((load) => load.state === (which === 'failed' ? 'failed' : 'claimed')).map((load) => load.row);
    }
    if (rows.length === 0) return fail('nothing-to-send', MESSAGES.nothingToSend);
    const marked = await this.deps.live.write((db, now) =>
      runWrite(db, now, () => {
        setRunState(db, runId, 'sending', null, this.deps.owner, now);
        return ok(undefined);
      }),
    );
    if (!marked.ok) return marked;
    this.activate(
      runId,
      run.configurationId as number,
      file,
      auth.value,
      plan,
      run.sessionId ?? `run-${runId}`,
      rows,
      run.processingSeconds,
    );
    return ok({ rows: rows.length });
  }

  /** Records outcomes so far and claims up to `max` more rows; resolves once both are durable. */
  async claim(runId: number, max: number): Promise<Result<number[]>> {
    const run = this.active.get(runId);
    if (!run) return fail('run-not-active', MESSAGES.notActive);
    const rows = run.peekClaim(max);
    const outcomes = run.takePending();
    const written = await this.deps.live.write((db, now) =>
      runWrite(db, now, () => {
        if (!readRun(db, runId)) return fail('run-missing', MESSAGES.noRun);
        recordOutcomes(db, runId, outcomes, now);
        this.rememberWhatWasLearned(db, run, now);
        claimLoads(
          db,
          runId,
          rows.map((row) => ({ row, loadNumber: run.loadNumberOf(row) })),
          now,
        );
        refreshRunCounts(db, runId, run.secondsAt(this.deps.clock.now().getTime()));
        return ok(listLoads(db, runId, 'claimed'));
      }),
    );
    if (!written.ok) {
      run.restore(outcomes);
      return written;
    }
    for (const load of written.value) run.generations.set(load.row, load.keyGeneration);
    run.commitClaim(rows.length);
    return ok(rows);
  }

  /** One attempt at one claimed load. */
  async send(runId: number, row: number, isLastAttempt: boolean): Promise<SendAttempt> {
    const run = this.active.get(runId);
    if (!run) return { kind: 'stop', message: MESSAGES.notActive, recorded: false };
    const body = run.bodyOf(row);
    const answer = await run.session.postLoad(body, run.keyOf(row));
    const settled = settleAttempt(answer, row, run.loadNumberOf(row), body, isLastAttempt);
    if (settled.record) run.pending.push(settled.record);
    return settled.next;
  }

  /** Ends a pass: records the rest, gives back claims never POSTed, sets the run's state. */
  async endPass(runId: number, result: SendLoopResult): Promise<Result<RunView>> {
    const run = this.active.get(runId);
    if (!run) return fail('run-not-active', MESSAGES.notActive);
    const outcomes = run.takePending();
    const state = result.ended === 'finished' ? 'finished' : result.ended;
    const written = await this.deps.live.write((db, now) =>
      runWrite(db, now, () => {
        if (!readRun(db, runId)) return fail('run-missing', MESSAGES.noRun);
        recordOutcomes(db, runId, outcomes, now);
        this.rememberWhatWasLearned(db, run, now);
        releaseClaims(db, runId, [...result.unstarted, ...result.unrecorded]);
        setRunState(db, runId, state, result.stopMessage, null, now);
        refreshRunCounts(db, runId, run.secondsAt(this.deps.clock.now().getTime()));
        writeErrorLog(db, runId);
        return ok(undefined);
      }),
    );
    this.active.delete(runId);
    if (!written.ok) return written;
    return this.view(runId);
  }

  /** Earlier runs of this very file with the configuration that sent something or are being sent, newest first. */
  earlierRunsOf(configurationId: number, fingerprint: string): RunView[] {
    return this.views.earlierRunsOf(configurationId, fingerprint);
  }

  /** Runs still open, newest first. */
  listOpen(): RunView[] {
    return this.views.listOpen();
  }

  /** The runs this tab is sending now (or has just marked for sending). */
  activeIds(): ReadonlySet<number> {
    return this.views.activeIds();
  }

  /** One run as the UI sees it. */
  get(runId: number): RunView | null {
    return this.views.get(runId);
  }

  private view(runId: number): Result<RunView> {
    const run = this.views.get(runId);
    return run ? ok(run) : fail('run-missing', MESSAGES.noRun);
  }

  private activate(
    runId: number,
    configurationId: number,
    file: ActiveRun['file'],
    auth: LoadApiAuth,
    plan: ReturnType<typeof compileMappingPlan>,
    sessionId: string,
    rows: number[],
    secondsBefore: number,
  ): void {
    const known: IdempotencyKeySupport =
      this.deps.live.read((db) => readKeySupport(db, configurationId, auth.baseUrl))?.support ?? 'unknown';
    const session = this.deps.createSession(auth, known);
    const api = { configurationId, baseUrl: auth.baseUrl, keySupport: known };
    this.active.set(
      runId,
      new ActiveRun(runId, file, plan, session, sessionId, rows, secondsBefore, this.deps.clock.now().getTime(), api),
    );
  }

  /** Writes what the session found out about the Idempotency-Key header (in the caller's transaction). */
  private rememberWhatWasLearned(db: Database, run: ActiveRun, now: string): void {
    const learned = run.session.idempotencyKeySupport();
    if (learned === run.api.keySupport) return;
    rememberKeySupport(db, run.api.configurationId, run.api.baseUrl, learned, now);
    run.api.keySupport = learned;
  }
}
