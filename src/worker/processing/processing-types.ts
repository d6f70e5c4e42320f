/**
 * What the page and the worker say of processing files into loads (the calls: processing-calls.ts).
 * The worker holds the parsed file, the credentials and the records; the page holds the timers (the
 * sending loop in src/core/csv/send-loop.ts), so the page's clock drives waits and retries.
 */
import type { ConfigurationFit } from '../../core/csv/configuration-fit';
import type { Conversion } from '../../core/csv/conversions';
import type { HeaderCheck } from '../../core/csv/header-check';
import type { RowProblem } from '../../core/csv/row-reader';
import type { MappingSuggestion } from '../../core/csv/suggestions';
import type { RunSummary } from '../../core/db/processing-runs';
import type { RunStanding } from '../../core/db/run-standing';

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
