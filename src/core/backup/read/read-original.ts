import { checkIntegrity } from './integrity';
import { assembleLegacyTables } from './legacy-tables';
import {
  convertOriginalConfiguration,
  convertOriginalUpload,
  type LegacyContext,
  type NewConfiguration,
  type NewUpload,
} from './legacy-rows';
import { refusalWithProblems } from './messages';
import type { FileFacts, ReadContext } from './parsed';
import type { DataTables } from '../../db/rows';
import type { AppError } from '../../result';
import { checkFields, optionalText } from './fields';
import { ProblemLog, WarningTally } from './problems';
import { GUARANTEES } from './guarantees';
import { REPAIRS } from './repairs';
import { parseTimestamp } from '../format/timestamps';
import { describeKind, isPlainObject } from '../format/values';

/**
 * Reads the original FF2API's sidebar backup, format 1.0 (reference/ff2api-original.md §2.2–2.3):
 * `backup_info` + `brokerage_configurations` + `upload_history` (+ `processing_errors`, always
 * empty). Three eras, told apart by the keys present: A (no auth_type in configurations, no
 * configuration_name in history), B (history has configuration_name), C (configurations have
 * auth_type, bearer_token, file_headers).
 */

/** The original wrote created_at, version "1.0" and app_version "FF2API v1.0"; only created_at is used. */
const originalInfoSpec = { created_at: optionalText(100) };

/** An original file read: its facts and its normalized tables (the original never wrote many rows). */
export type LegacyRead = { ok: true; facts: FileFacts; tables: DataTables } | { ok: false; error: AppError };

/** The original's history limit (bug B2): a file with exactly this many uploads was probably cut. */
const ORIGINAL_HISTORY_LIMIT = 100;

/** Reads a file with the original sidebar backup's sections. */
export function readOriginalBackup(top: Record<string, unknown>, context: ReadContext): LegacyRead {
  const problems = new ProblemLog();
  const warnings = new WarningTally();
  const fileTime = readFileTime(top.backup_info, 'backup_info', context, problems, warnings);
  const configurationRows = readArraySection(top, 'brokerage_configurations', problems);
  const uploadRows = readArraySection(top, 'upload_history', problems);
  const ignoredErrors = top.processing_errors;
  if (ignoredErrors !== undefined && !(Array.isArray(ignoredErrors) && ignoredErrors.length === 0)) {
    warnings.add(REPAIRS.processingErrorsIgnored, Array.isArray(ignoredErrors) ? ignoredErrors.length : 1);
  }
  // With an unreadable file date the file is refused, but its rows are still checked so that
  // every problem is reported at once.
  const legacy: LegacyContext = { fileTime: fileTime ?? context.now, problems, warnings };
  const configurations = convertAll(configurationRows, convertOriginalConfiguration, legacy);
  const uploads = convertAll(uploadRows, convertOriginalUpload, legacy);
  context.progress(0.6);
  if (uploadRows.length === ORIGINAL_HISTORY_LIMIT) warnings.add(REPAIRS.historyTruncated, ORIGINAL_HISTORY_LIMIT);

  return finishLegacyRead({
    configurations,
    uploads,
    fileTime: legacy.fileTime,
    uploadsNewestFirst: true,
    warnings,
    problems,
    shape: 'ff2api-1.0',
    shapeLabel: `FF2API v1.0 sidebar backup${eraOf(configurationRows, uploadRows)}`,
    secrets: 'plain',
  });
}

/** Builds the tables of an original file's converted rows, checks them, and wraps the result. */
export function finishLegacyRead(args: {
  configurations: readonly NewConfiguration[];
  uploads: readonly NewUpload[];
  fileTime: string;
  uploadsNewestFirst: boolean;
  warnings: WarningTally;
  problems: ProblemLog;
  shape: 'ff2api-1.0' | 'ff2api-export';
  shapeLabel: string;
  secrets: 'plain' | 'omitted';
}): LegacyRead {
  const { warnings, problems } = args;
  const tables = assembleLegacyTables(args.configurations, args.uploads, {
    fileTime: args.fileTime,
    uploadsNewestFirst: args.uploadsNewestFirst,
    warnings,
  });
  if (problems.count === 0) checkIntegrity(tables, problems, { ids: false });
  if (problems.count > 0) return refusalWithProblems(problems);
  warnings.note(GUARANTEES.noChecksum);
  return {
    ok: true,
    tables,
    facts: {
      shape: args.shape,
      shapeLabel: args.shapeLabel,
      createdAt: args.fileTime,
      secrets: args.secrets,
      warnings: warnings.list(),
      stated: null,
    },
  };
}

/**
 * The file's date (the original's local naive time), which stands in for times rows lost; the
 * time of reading when the file does not say (with a warning). Null when it is not a time.
 */
export function readFileTime(
  info: unknown,
  section: string,
  context: ReadContext,
  problems: ProblemLog,
  warnings: WarningTally,
): string | null {
  if (!isPlainObject(info)) {
    problems.add(
      section,
      undefined,
      undefined,
      info === undefined ? 'is missing' : `should be an object, but is ${describeKind(info)}`,
    );
    return null;
  }
  const parsed = checkFields(originalInfoSpec, info, section, undefined, problems);
  if (parsed === null) return null;
  const text = parsed.created_at;
  if (text === undefined || text === null || text.trim() === '') {
    warnings.add(REPAIRS.fileDateMissing);
    return context.now;
  }
  const time = parseTimestamp(text.trim());
  if (time === null) {
    problems.add(section, undefined, 'created_at', `is not a time: "${text.slice(0, 40)}"`);
    return null;
  }
  if (time.zone === 'local') warnings.add(REPAIRS.localTimes);
  return time.iso;
}

/** A section that must be a list of rows; an empty list (with a located problem) otherwise. */
export function readArraySection(top: Record<string, unknown>, section: string, problems: ProblemLog): unknown[] {
  const value = Object.hasOwn(top, section) ? top[section] : undefined;
  if (Array.isArray(value)) return value;
  problems.add(
    section,
    undefined,
    undefined,
    value === undefined ? 'is missing' : `should be a list of rows, but is ${describeKind(value)}`,
  );
  return [];
}

/** Converts every row, keeping those that could be read (the others are logged problems). */
export function convertAll<T>(
  rows: readonly unknown[],
  convert: (raw: unknown, index: number, context: LegacyContext) => T | null,
  context: LegacyContext,
): T[] {
  const converted: T[] = [];
  rows.forEach((raw, index) => {
    const row = convert(raw, index, context);
    if (row !== null) converted.push(row);
  });
  return converted;
}

/** " (era A)", " (era B)", " (era C)" from the keys present, or "" when rows are too few to tell. */
function eraOf(configurations: readonly unknown[], uploads: readonly unknown[]): string {
  const hasKey = (rows: readonly unknown[], key: string) =>
    rows.some((row) => isPlainObject(row) && Object.hasOwn(row, key));
  if (['auth_type', 'bearer_token', 'file_headers'].some((key) => hasKey(configurations, key))) return ' (era C)';
  if (hasKey(uploads, 'configuration_name')) return ' (era B)';
  if (uploads.length > 0) return ' (era A)';
  return configurations.length > 0 ? ' (era A or B)' : '';
}
