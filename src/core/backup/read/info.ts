import { DATA_TABLES, SCHEMA_VERSION, type DataTable } from '../../db/schema';
import { FILE_CHECKSUM_SINCE_MINOR, FORMAT_MAJOR, FORMAT_NAME, type BackupInfoHeader } from '../format/format';
import { MAX_COUNT, MAX_TEXT_LENGTH } from '../format/limits';
import { isIsoUtc } from '../format/timestamps';
import { Bad, describeKind, isPlainObject, reservedKeyOf } from '../format/values';
import { checkFields, integer, oneOf, text, type FieldRule } from './fields';
import { READ_MESSAGES, refusal } from './messages';
import type { ProblemLog } from './problems';

/**
 * The clear header of our own files (`backup_info`), and the rule that decides which files are
 * ours: any file carrying our format's marks is read as ours and checked — or refused — never
 * read as an original file with its checksum ignored (a damaged `format` byte once made a 2.0
 * file pass as an original one, edits and all).
 */

/** `backup_info` of a 2.x file, checked. */
export type BackupInfo = BackupInfoHeader;

/** Keys only our backup_info has (the original wrote created_at, version "1.0", app_version). */
const OUR_INFO_KEYS = ['format', 'checksum', 'file_checksum', 'counts', 'secrets', 'schema_version', 'trigger'];

/** Top-level keys only our files have. */
export const OUR_SECTIONS = ['brokerages', 'configuration_changes', 'activity_log', 'encrypted', 'sealed_chunks'];

/** True when a backup_info carries any mark of our format (a key of ours, or a version 2 or later). */
export function hasOurMarks(info: Record<string, unknown>): boolean {
  if (OUR_INFO_KEYS.some((key) => Object.hasOwn(info, key))) return true;
  const version = info.version;
  const major =
    typeof version === 'string'
      ? /^\s*(\d+)/.exec(version)?.[1]
      : typeof version === 'number'
        ? String(Math.trunc(version))
        : undefined;
  return major !== undefined && Number(major) >= FORMAT_MAJOR;
}

/** Format 3.x and later, or a newer database schema: refused before anything else is looked at. */
export function refuseNewer(
  info: Record<string, unknown>,
): { ok: false; error: { code: string; message: string } } | null {
  const version = typeof info.version === 'number' ? String(info.version) : info.version;
  if (typeof version === 'string') {
    const major = /^(\d+)(?:\.|$)/.exec(version);
    if (major && Number(major[1]) > FORMAT_MAJOR)
      return refusal('newer-version', READ_MESSAGES.newerVersion(version.slice(0, 20)));
    if (!major || Number(major[1]) < FORMAT_MAJOR)
      return refusal('unknown-version', READ_MESSAGES.unknownVersion(version.slice(0, 20)));
  }
  const schema = info.schema_version;
  if (typeof schema === 'number' && schema > SCHEMA_VERSION)
    return refusal('newer-version', READ_MESSAGES.newerSchema(schema, SCHEMA_VERSION));
  return null;
}

const isoTime: FieldRule<string> = (v) =>
  typeof v === 'string' && v.length <= 40 && isIsoUtc(v)
    ? v
    : new Bad(
        v === undefined
          ? 'is missing'
          : `should be an ISO 8601 UTC time such as 2026-11-22T17:00:03.120Z, but is ${describeKind(v)}`,
      );

const versionRule: FieldRule<string> = (v) =>
  typeof v === 'string' && /^2\.\d{1,4}$/.test(v)
    ? v
    : new Bad(`should be "2.0", "2.1" or "2.2", but is ${describeKind(v)}`);

const countsRule: FieldRule<Record<DataTable, number>> = (v) => {
  if (!isPlainObject(v)) return new Bad(`should be an object, but is ${describeKind(v)}`);
  const counts = {} as Record<DataTable, number>;
  for (const table of DATA_TABLES) {
    const n = integer(0, MAX_COUNT)(Object.hasOwn(v, table) ? v[table] : undefined);
    if (n instanceof Bad) return new Bad(`.${table} ${n.message}`);
    counts[table] = n;
  }
  return counts;
};

const checksumRule: FieldRule<{ algorithm: 'SHA-256'; value: string }> = (v) => {
  if (!isPlainObject(v)) return new Bad(`should be an object, but is ${describeKind(v)}`);
  if (v.algorithm !== 'SHA-256') return new Bad('.algorithm should be "SHA-256"');
  if (typeof v.value !== 'string' || !/^[0-9a-f]{64}$/.test(v.value)) return new Bad('.value should be 64 hex digits');
  return { algorithm: 'SHA-256', value: v.value };
};

/** The file checksum: required from 2.2 on (checkBackupInfo), absent in older files. */
const optionalChecksum: FieldRule<{ algorithm: 'SHA-256'; value: string } | undefined> = (v) =>
  v === undefined ? v : checksumRule(v);

const INFO_SPEC = {
  format: oneOf(FORMAT_NAME),
  version: versionRule,
  app_version: text(MAX_TEXT_LENGTH),
  created_at: isoTime,
  trigger: text(MAX_TEXT_LENGTH),
  schema_version: integer(1, SCHEMA_VERSION),
  counts: countsRule,
  checksum: checksumRule,
  file_checksum: optionalChecksum,
  secrets: oneOf('plain', 'encrypted', 'omitted'),
};

/** Checks our backup_info, logging each problem under `backup_info`; null when any. */
export function checkBackupInfo(raw: Record<string, unknown>, problems: ProblemLog): BackupInfo | null {
  const reserved = reservedKeyOf(raw);
  if (reserved !== undefined) {
    problems.add('backup_info', undefined, reserved, `uses the reserved key "${reserved}"`);
    return null;
  }
  const info = checkFields(INFO_SPEC, raw, 'backup_info', undefined, problems);
  if (!info) return null;
  // A file of a version that carries the file checksum but lacks it was edited: refused, not read with less checked.
  if (Number(info.version.split('.')[1]) >= FILE_CHECKSUM_SINCE_MINOR && info.file_checksum === undefined) {
    problems.add('backup_info', undefined, 'file_checksum', `is missing: every format ${info.version} file carries it`);
    return null;
  }
  return info;
}
