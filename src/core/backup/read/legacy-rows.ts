import type { ConfigurationRow, UploadRow } from '../../db/rows';
import { DEFAULT_BASE_URL } from '../format/format';
import { MAX_DOCUMENT_LENGTH, MAX_TEXT_LENGTH } from '../format/limits';
import { isStorableText, toStorableText } from '../format/text-rule';
import { anything, checkFields, optionalCount, optionalOneOf, optionalString, optionalText, text } from './fields';
import type { ProblemLog, WarningTally } from './problems';
import { REPAIRS } from './repairs';
import { parseTimestamp } from '../format/timestamps';
import { Bad, checkCredentialObject, checkHeaderList, checkMappingObject, checkName } from '../format/values';

/**
 * Rows of the original FF2API's files (sidebar backup 1.0, all eras, and the old export) turned
 * into our rows, repairing its known defects (reference/ff2api-original.md §2.6) and counting
 * each repair. Ids are assigned by the caller.
 */

export type NewConfiguration = Omit<ConfigurationRow, 'id'>;
export type NewUpload = Omit<UploadRow, 'id'>;

export interface LegacyContext {
  /** The file's own date (ISO UTC): the stand-in for times the file lost. */
  fileTime: string;
  problems: ProblemLog;
  warnings: WarningTally;
}

/** A configuration as the original's backup wrote it; era A/B files lack the last three keys. */
const originalConfigurationSpec = {
  brokerage_name: text(MAX_TEXT_LENGTH),
  configuration_name: text(MAX_TEXT_LENGTH),
  field_mappings: anything,
  api_credentials: anything,
  created_at: optionalText(100),
  updated_at: optionalText(100),
  description: optionalText(MAX_TEXT_LENGTH),
  auth_type: optionalOneOf('api_key', 'bearer_token'),
  bearer_token: optionalText(MAX_TEXT_LENGTH),
  file_headers: anything,
};

/** An upload history row of a backup (eras A–C) or an export (which adds error_log). */
const originalUploadSpec = {
  brokerage_name: optionalString(MAX_TEXT_LENGTH),
  /** Exports from before the brokerage rename call it customer_name. */
  customer_name: optionalString(MAX_TEXT_LENGTH),
  configuration_name: optionalText(MAX_TEXT_LENGTH),
  filename: text(MAX_TEXT_LENGTH),
  total_records: optionalCount,
  successful_records: optionalCount,
  failed_records: optionalCount,
  error_log: anything,
  upload_timestamp: optionalText(MAX_DOCUMENT_LENGTH),
};

/** The text the database can store, repairing (and counting) broken characters (format/text-rule). */
export function repairText<T extends string | null | undefined>(value: T, warnings: WarningTally): T {
  if (typeof value !== 'string' || isStorableText(value)) return value;
  warnings.add(REPAIRS.textRepaired);
  return toStorableText(value) as T;
}

/** The placeholder the original wrote for credentials it could not restore. */
const PLACEHOLDER_SECRET = 'RESTORE_REQUIRED';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One original configuration, repaired; null (with problems logged) when it cannot be read. */
export function convertOriginalConfiguration(
  raw: unknown,
  index: number,
  context: LegacyContext,
): NewConfiguration | null {
  const section = 'brokerage_configurations';
  const fields = checkFields(originalConfigurationSpec, raw, section, index, context.problems);
  if (!fields) return null;
  const { problems, warnings } = context;
  const at = (field: string, result: Bad) => problems.add(section, index, field, result.message);

  const brokerageName = tidyName(fields.brokerage_name, context);
  const configurationName = tidyName(fields.configuration_name, context);
  const mappings = checkMappingObject(fields.field_mappings);
  const headers = fields.file_headers === undefined ? null : checkHeaderList(fields.file_headers);
  const rawCredentials = fields.api_credentials ?? null;
  const credentials = rawCredentials === null ? {} : checkCredentialObject(rawCredentials);
  const createdAt = readTime(fields.created_at, section, index, 'created_at', context);
  const updatedAt = readTime(fields.updated_at, section, index, 'updated_at', context);

  if (brokerageName instanceof Bad) at('brokerage_name', brokerageName);
  if (configurationName instanceof Bad) at('configuration_name', configurationName);
  if (mappings instanceof Bad) at('field_mappings', mappings);
  if (headers instanceof Bad) at('file_headers', headers);
  if (credentials instanceof Bad) at('api_credentials', credentials);
  if (
    brokerageName instanceof Bad ||
    configurationName instanceof Bad ||
    mappings instanceof Bad ||
    headers instanceof Bad ||
    credentials instanceof Bad ||
    createdAt instanceof Bad ||
    updatedAt instanceof Bad
  )
    return null;

  if (createdAt === null || updatedAt === null) warnings.add(REPAIRS.configurationTimesMissing);
  const authType = fields.auth_type ?? 'api_key';
  if (fields.auth_type === undefined || fields.auth_type === null) warnings.add(REPAIRS.authTypeMissing);
  const secrets = readSecrets(authType, credentials, repairText(fields.bearer_token ?? null, warnings), warnings);
  return {
    brokerage_name: brokerageName,
    configuration_name: configurationName,
    field_mappings: mappings,
    api_credentials: secrets.credentials,
    auth_type: authType,
    bearer_token: secrets.bearerToken,
    file_headers: headers,
    created_at: createdAt ?? context.fileTime,
    updated_at: updatedAt ?? createdAt ?? context.fileTime,
    last_used_at: null,
    version: 1,
    is_active: 1,
    description: repairText(fields.description ?? null, warnings),
    needs_credentials: secrets.needsCredentials ? 1 : 0,
  };
}

/**
 * Credentials as we store them. A missing, empty or placeholder secret never drops the
 * configuration (the original did): it is kept, marked "needs credentials".
 */
export function readSecrets(
  authType: 'api_key' | 'bearer_token',
  credentials: Record<string, string | null>,
  bearerToken: string | null,
  warnings: WarningTally,
): { credentials: string; bearerToken: string | null; needsCredentials: boolean } {
  const baseUrl = credentials.base_url?.trim() ? credentials.base_url : null;
  if (baseUrl === null) warnings.add(REPAIRS.baseUrlDefault);
  const apiKey = isUsableSecret(credentials.api_key) ? credentials.api_key : null;
  const token = isUsableSecret(bearerToken) ? bearerToken : null;
  const needsCredentials = authType === 'api_key' ? apiKey === null : token === null;
  if (needsCredentials) warnings.add(REPAIRS.needsCredentials);
  return {
    credentials: JSON.stringify(
      apiKey === null
        ? { base_url: baseUrl ?? DEFAULT_BASE_URL }
        : { base_url: baseUrl ?? DEFAULT_BASE_URL, api_key: apiKey },
    ),
    bearerToken: token,
    needsCredentials,
  };
}

/** One original upload history row, repaired; null (with problems logged) when it cannot be read. */
export function convertOriginalUpload(raw: unknown, index: number, context: LegacyContext): NewUpload | null {
  const section = 'upload_history';
  const fields = checkFields(originalUploadSpec, raw, section, index, context.problems);
  if (!fields) return null;
  const { problems, warnings } = context;

  const rawBrokerage = fields.brokerage_name ?? fields.customer_name;
  const brokerageName = rawBrokerage === undefined ? new Bad('is missing') : tidyName(rawBrokerage, context);
  const configurationName = readUploadConfigurationName(fields.configuration_name, context);
  const errorLog = readErrorLog(fields.error_log);
  if (brokerageName instanceof Bad) problems.add(section, index, 'brokerage_name', brokerageName.message);
  if (configurationName instanceof Bad) problems.add(section, index, 'configuration_name', configurationName.message);
  if (errorLog instanceof Bad) problems.add(section, index, 'error_log', errorLog.message);
  const when = readUploadTime(fields.upload_timestamp ?? null, section, index, context);
  if (brokerageName instanceof Bad || configurationName instanceof Bad || errorLog instanceof Bad || when === null)
    return null;

  const counts = [fields.total_records, fields.successful_records, fields.failed_records];
  if (counts.some((n) => n === null || n === undefined)) warnings.add(REPAIRS.countsMissing);
  const [total = 0, successful = 0, failed = 0] = counts.map((n) => n ?? 0);
  if (successful + failed > total) warnings.add(REPAIRS.countsInconsistent);
  return {
    brokerage_name: brokerageName,
    configuration_name: configurationName,
    filename: repairText(fields.filename, warnings),
    total_records: total,
    successful_records: successful,
    failed_records: failed,
    error_log: repairText(errorLog ?? when.errorLog, warnings),
    processing_time_seconds: null,
    file_headers: null,
    upload_timestamp: when.time,
    session_id: repairText(when.sessionId, warnings),
    timestamp_unknown: when.unknown ? 1 : 0,
  };
}

/**
 * The original's upload_timestamp (bug B1): usually the session UUID (or `restored_<time>` for
 * rows its early restore wrote), sometimes the error log's JSON, sometimes a real time.
 */
function readUploadTime(
  text: string | null,
  section: string,
  index: number,
  context: LegacyContext,
): { time: string; unknown: boolean; sessionId: string | null; errorLog: string | null } | null {
  const unknownTime = { time: context.fileTime, unknown: true, sessionId: null, errorLog: null };
  if (text === null || text.trim() === '') {
    context.warnings.add(REPAIRS.timeMissing);
    return unknownTime;
  }
  const parsed = text.length <= 40 ? parseTimestamp(text.trim()) : null;
  if (parsed) {
    if (parsed.zone === 'local') context.warnings.add(REPAIRS.localTimes);
    return { time: parsed.iso, unknown: false, sessionId: null, errorLog: null };
  }
  if (UUID.test(text) || (text.startsWith('restored_') && text.length <= 100)) {
    context.warnings.add(REPAIRS.timeWasSessionId);
    return { ...unknownTime, sessionId: text };
  }
  if (isJsonDocument(text)) {
    context.warnings.add(REPAIRS.timeWasErrorLog);
    return { ...unknownTime, errorLog: text };
  }
  context.problems.add(
    section,
    index,
    'upload_timestamp',
    `is neither a time, a session id nor an error log: "${text.slice(0, 40)}"`,
  );
  return null;
}

/** History configuration_name: absent, null, "None" or "" mean none (bug B11: str(None)). */
function readUploadConfigurationName(value: string | null | undefined, context: LegacyContext): string | null | Bad {
  if (value === undefined || value === null) return null;
  if (value === 'None' || value.trim() === '') {
    context.warnings.add(REPAIRS.configurationNameNone);
    return null;
  }
  return tidyName(value, context);
}

/** An export's error_log: parsed JSON (stored as its text) or already text. */
function readErrorLog(value: unknown): string | null | Bad {
  if (value === undefined || value === null) return null;
  let text: string | undefined;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return new Bad('is nested too deeply to store');
  }
  if (text === undefined) return null;
  if (text.length > MAX_DOCUMENT_LENGTH)
    return new Bad(`is longer than ${MAX_DOCUMENT_LENGTH.toLocaleString('en-US')} characters`);
  return text;
}

/** A time of a configuration: null when absent (the caller substitutes), Bad when not a time. */
function readTime(
  value: string | null | undefined,
  section: string,
  index: number,
  field: string,
  context: LegacyContext,
): string | null | Bad {
  if (value === undefined || value === null || value.trim() === '') return null;
  const parsed = parseTimestamp(value.trim());
  if (parsed === null) {
    const bad = new Bad(`is not a time: "${value.slice(0, 40)}"`);
    context.problems.add(section, index, field, bad.message);
    return bad;
  }
  if (parsed.zone === 'local') context.warnings.add(REPAIRS.localTimes);
  return parsed.iso;
}

/** The app's name rule, counting names it changed. */
export function tidyName(raw: string, context: { warnings: WarningTally }): string | Bad {
  const name = checkName(repairText(raw, context.warnings));
  if (typeof name === 'string' && name !== raw) context.warnings.add(REPAIRS.namesTidied);
  return name;
}

/** A secret that can be used: text, not blank, not the original's placeholder. */
function isUsableSecret(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '' && value !== PLACEHOLDER_SECRET;
}

/** Text that is a JSON array or object (the error log the original put into upload_timestamp). */
function isJsonDocument(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== '[' && first !== '{') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
