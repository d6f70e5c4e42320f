import { lazyInstance, lazyModule, type LazyInstance } from '../../platform/lazy-import';
import type { Clock } from '../../core/clock';
import type { SendLoopResult } from '../../core/csv/send-loop';
import type { LiveDatabase } from '../engine/live-database';
import type { FeatureCalls } from '../feature-calls';
import type { ProcessingOperations, ProcessingOverrides } from './processing-operations';
import type { ConnectionRequest, ResendKind } from './processing-types';

/** What file processing is built from: the live database, the clock, and the browser's parts unless overridden. */
export interface ProcessingBase {
  live: LiveDatabase;
  clock: Clock;
  appVersion: string;
  /** The `Before processing` snapshot each run starts with. */
  beforeRun: () => Promise<void>;
  overrides?: ProcessingOverrides;
}

/**
 * File processing (papaparse, the CSV core, the load API client) loaded the first time it is used:
 * a chunk of its own, so opening the app and restoring a backup do not pay for it. One instance
 * per worker, since it holds the runs being sent and the files read.
 */
export function openProcessing(base: ProcessingBase): LazyInstance<ProcessingOperations> {
  return lazyInstance(
    lazyModule(() => import('./processing-operations')),
    (m) => m.createProcessingOperations(base, { beforeRun: base.beforeRun, ...base.overrides }),
  );
}

type Processing = LazyInstance<ProcessingOperations>;

/** Loads it if needed, then runs `work`; a part that could not load is a thrown failure the page shows. */
async function withProcessing<R>(
  processing: Processing,
  work: (operations: ProcessingOperations) => Promise<R> | R,
): Promise<R> {
  const loaded = await processing.get();
  if (!loaded.ok) throw new Error(loaded.error.message);
  return work(loaded.value);
}

/** The Process file view's calls: files, mappings, validation, runs and their downloads, connection tests. */
export const processingCalls = {
  reads: {
    /** Runs still open: interrupted, cancelled, stopped, or with uncertain loads. */
    listOpenRuns: (p: Processing) => withProcessing(p, (o) => o.runs.listOpen()),
    /** One run, or null. */
    getRun: (p: Processing, runId: number) => withProcessing(p, (o) => o.runs.get(runId)),
    /** A run's failures (invalid rows and refused loads) with row and load numbers, the first `limit`. */
    listRunFailures: (p: Processing, runId: number, limit: number) =>
      withProcessing(p, (o) => o.listRunFailures(runId, limit)),
    /** A page of a run's processing errors. */
    listRunErrors: (p: Processing, runId: number, limit: number, offset: number) =>
      withProcessing(p, (o) => o.listRunErrors(runId, limit, offset)),
  },
  actions: {
    /** Reads and parses a chosen file in the worker; with a configuration, checks its headers too. */
    readProcessingFile: (p: Processing, file: Blob, name: string, configurationId: number | null) =>
      withProcessing(p, (o) => o.readProcessingFile(file, name, configurationId)),
    /** The same summary for a file already read, against another configuration (header check, fit, earlier runs). */
    summarizeLoadedFile: (p: Processing, fileId: string, configurationId: number) =>
      withProcessing(p, (o) => o.summarizeLoadedFile(fileId, configurationId)),
    /** Saves a configuration's field mappings (one version and one change-log row per call). */
    saveMappings: (p: Processing, configurationId: number, mappings: Record<string, string>) =>
      withProcessing(p, (o) => o.saveMappings(configurationId, mappings)),
    /** Saves the file's headers as the configuration's `file_headers` (`Update configuration`). */
    saveFileHeaders: (p: Processing, configurationId: number, fileId: string) =>
      withProcessing(p, (o) => o.saveFileHeaders(configurationId, fileId)),
    /** Validates every row against the configuration's mapping; nothing is written. */
    validateProcessingFile: (p: Processing, fileId: string, configurationId: number) =>
      withProcessing(p, (o) => o.validateProcessingFile(fileId, configurationId)),
    /**
     * Records a new run (history row, validation errors) and makes its valid rows ready to send.
     * Refused while this file (same content) is being sent with the configuration, and — unless
     * `sendAgain` — once it was processed with it.
     */
    startProcessingRun: (
      p: Processing,
      fileId: string,
      configurationId: number,
      options: { sendAgain?: boolean } = {},
    ) => withProcessing(p, (o) => o.runs.startRun(fileId, configurationId, options.sendAgain === true)),
    /** Makes a run's unsent, failed or uncertain rows ready to send again, from the same file. */
    prepareResend: (p: Processing, runId: number, which: ResendKind, fileId: string | null) =>
      withProcessing(p, (o) => o.runs.prepareResend(runId, which, fileId)),
    /** Records what was sent so far and claims up to `max` more rows, durably, before any POST. */
    claimLoads: (p: Processing, runId: number, max: number) => withProcessing(p, (o) => o.runs.claim(runId, max)),
    /** One attempt at one claimed load (its outcome is recorded with the next claim or the end). */
    sendLoad: (p: Processing, runId: number, row: number, _attempt: number, isLastAttempt: boolean) =>
      withProcessing(p, (o) => o.runs.send(runId, row, isLastAttempt)),
    /** Ends a sending pass: records the rest, gives back unstarted claims, sets the run's state. */
    endSendPass: (p: Processing, runId: number, result: SendLoopResult) =>
      withProcessing(p, (o) => o.runs.endPass(runId, result)),
    /** `processing_report_YYYYMMDD_HHMMSS.json` of a run. */
    buildRunReport: (p: Processing, runId: number) => withProcessing(p, (o) => o.buildRunReport(runId)),
    /** Failed or successful rows as CSV, in the file's own columns (needs the run's file). */
    buildRunRowsCsv: (p: Processing, runId: number, fileId: string, which: 'failed' | 'successful') =>
      withProcessing(p, (o) => o.buildRunRowsCsv(runId, fileId, which)),
    /** Checks a configuration's credentials against its API (typed ones first, stored ones otherwise). */
    testConnection: (p: Processing, request: ConnectionRequest) => withProcessing(p, (o) => o.testConnection(request)),
  },
} satisfies FeatureCalls<Processing>;
