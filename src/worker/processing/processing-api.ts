/**
 * The part of the DatabaseApi that processes files into loads (DatabaseApi extends it). The
 * worker holds the parsed file, the credentials and the records; the page holds the timers (the
 * sending loop in src/core/csv/send-loop.ts), so the page's clock drives waits and retries.
 */
import type { ConfigurationFit } from '../../core/csv/configuration-fit';
import type { Conversion } from '../../core/csv/conversions';
import type { HeaderCheck } from '../../core/csv/header-check';
import type { RowProblem } from '../../core/csv/row-reader';
import type { MappingSuggestion } from '../../core/csv/suggestions';
import type { SendAttempt, SendLoopResult } from '../../core/csv/send-loop';
import type { ConfigurationView } from '../../core/db/configuration-view';
import type { DayCounts } from '../../core/db/history-stats';
import type { RunSummary } from '../../core/db/processing-runs';
import type { RunStanding } from '../../core/db/run-standing';
import type { StoredLoad } from '../../core/db/processing-loads';
import type { ProcessingErrorRow } from '../../core/db/rows';
import type { Result } from '../../core/result';
import type { ConnectionCheck } from '../../platform/load-api';

export type {
  StoredLoad,
  ConnectionCheck,
  DayCounts,
  HeaderCheck,
  MappingSuggestion,
  RowProblem,
  SendAttempt,
  SendLoopResult,
};

export interface ProcessingApi {
  /** Reads and parses a chosen file in the worker; with a configuration, checks its headers too. */
  readProcessingFile(file: Blob, name: string, configurationId: number | null): Promise<Result<FileSummary>>;
  /** The same summary for a file already read, against another configuration (header check, fit, earlier runs). */
  summarizeLoadedFile(fileId: string, configurationId: number): Promise<Result<FileSummary>>;
  /** Saves a configuration's field mappings (one version and one change-log row per call). */
  saveMappings(configurationId: number, mappings: Record<string, string>): Promise<Result<ConfigurationView>>;
  /** Saves the file's headers as the configuration's `file_headers` (`Update configuration`). */
  saveFileHeaders(configurationId: number, fileId: string): Promise<Result<ConfigurationView>>;
  /** Validates every row against the configuration's mapping; nothing is written. */
  validateProcessingFile(fileId: string, configurationId: number): Promise<Result<ValidationSummary>>;
  /**
   * Records a new run (history row, validation errors) and makes its valid rows ready to send.
   * Refused while this file (same content) is being sent with the configuration, and — unless
   * `sendAgain` — once it was processed with it.
   */
  startProcessingRun(
    fileId: string,
    configurationId: number,
    options?: { sendAgain?: boolean },
  ): Promise<Result<RunView>>;
  /** Makes a run's unsent, failed or uncertain rows ready to send again, from the same file. */
  prepareResend(runId: number, which: ResendKind, fileId: string | null): Promise<Result<{ rows: number }>>;
  /** Records what was sent so far and claims up to `max` more rows, durably, before any POST. */
  claimLoads(runId: number, max: number): Promise<Result<number[]>>;
  /** One attempt at one claimed load (its outcome is recorded with the next claim or the end). */
  sendLoad(runId: number, row: number, attempt: number, isLastAttempt: boolean): Promise<SendAttempt>;
  /** Ends a sending pass: records the rest, gives back unstarted claims, sets the run's state. */
  endSendPass(runId: number, result: SendLoopResult): Promise<Result<RunView>>;
  /** Runs still open: interrupted, cancelled, stopped, or with uncertain loads. */
  listOpenRuns(): Promise<RunView[]>;
  /** One run, or null. */
  getRun(runId: number): Promise<RunView | null>;
  /** A run's failures (invalid rows and refused loads) with row and load numbers, the first `limit`. */
  listRunFailures(runId: number, limit: number): Promise<{ rows: StoredLoad[]; total: number }>;
  /** A page of a run's processing errors. */
  listRunErrors(runId: number, limit: number, offset: number): Promise<{ rows: ProcessingErrorRow[]; total: number }>;
  /** `processing_report_YYYYMMDD_HHMMSS.json` of a run. */
  buildRunReport(runId: number): Promise<Result<NamedFile>>;
  /** Failed or successful rows as CSV, in the file's own columns (needs the run's file). */
  buildRunRowsCsv(runId: number, fileId: string, which: 'failed' | 'successful'): Promise<Result<NamedFile>>;
  /**
   * Checks a configuration's credentials against its API: typed ones first, stored ones otherwise —
   * and those only for the origin they were saved with (core/secret-binding.ts).
   */
  testConnection(request: ConnectionRequest): Promise<ConnectionCheck>;
}

export type ResendKind = 'rest' | 'failed' | 'uncertain';

export interface FileSummary {
  fileId: string;
  name: string;
  size: number;
  kind: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1252' | 'xlsx';
  rowCount: number;
  rawHeaders: string[];
  headers: string[];
  /** The first 10 data rows (long cells shortened for display). */
  firstRows: string[][];
  /** Up to 3 non-empty sample values per column. */
  samples: string[][];
  headerCheck: HeaderCheck | null;
  /** For fields the configuration does not map yet. */
  suggestions: MappingSuggestion[];
  /** How the file's columns fit the configuration (null without one, or when it knows no columns yet). */
  fit: ConfigurationFit | null;
  /**
   * Earlier runs of this very file (same bytes) with the configuration — those that sent something
   * or are being sent — newest first.
   */
  earlierRuns: RunView[];
}

export interface ValidationSummary {
  total: number;
  valid: number;
  invalid: number;
  /** The first problems, in row order. */
  problems: RowProblem[];
  problemCount: number;
  /** At least 90 % of rows are valid. */
  canContinue: boolean;
  missingColumns: { path: string; column: string }[];
  requiredTotal: number;
  requiredMapped: number;
  /**
   * The first valid row's body exactly as it will be sent, which of its paths are defaults, and
   * which values were converted on the way (`MC456789` → 456789).
   */
  preview: { row: number; body: string; defaulted: string[]; conversions: Conversion[] } | null;
}

export interface RunView extends RunSummary {
  /** How the run stands (sending here or elsewhere, interrupted, cancelled, stopped, finished). */
  standing: RunStanding;
  /** Marked sending by a tab that is gone: its claimed loads are uncertain. */
  isInterrupted: boolean;
  /** This tab is sending it now. */
  isActive: boolean;
  /** The id of the file in the worker that this run was read from, if it is loaded. */
  attachedFileId: string | null;
  /** Loads the API refused or that failed after retries (can be resent). */
  apiFailed: number;
}

export interface NamedFile {
  fileName: string;
  blob: Blob;
}

export interface ConnectionRequest {
  configurationId: number | null;
  brokerageName: string;
  authType: 'api_key' | 'bearer_token';
  baseUrl: string;
  apiKey: string;
  bearerToken: string;
}
