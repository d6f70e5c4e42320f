import * as z from 'zod';
import type { DataTables } from '../../db/rows';
import { DATA_TABLES, SCHEMA_VERSION, type DataTable } from '../../db/schema';
import { computeChecksum } from '../checksum/canonical';
import { canonicalJson } from '../checksum/canonical-json';
import { NameMemo, readSection } from './columns';
import { decodeUtf8Strict, encodeUtf8 } from '../format/encoding';
import { ENCRYPTED_SECTION, FORMAT_MAJOR, FORMAT_NAME } from '../format/format';
import { checkIntegrity } from './integrity';
import { MAX_COUNT, MAX_TEXT_LENGTH } from '../format/limits';
import { READ_MESSAGES, refusal, refusalWithProblems } from './messages';
import { countRowsOf, type ReadContext, type ReadResult } from './parsed';
import { describeIssue, issueField, ProblemLog } from './problems';
import { openSealedData, sealedSchema } from '../seal/seal';
import { isIsoUtc } from '../format/timestamps';
import { matchesWrittenLayout } from '../checksum/written-layout';
import { describeKind, isPlainObject, reservedKeyOf } from '../format/values';

/**
 * Reads our own files, format 2.x: refuses newer versions before anything else, opens encrypted
 * data with the passphrase, checks every row, the counts and the checksum. Nothing is repaired:
 * a file we wrote needs no repair, so anything odd means it was damaged or edited.
 */

const tableCount = z.int().min(0).max(MAX_COUNT);
const infoSchema = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.string().regex(/^2\.\d+$/),
  app_version: z.string().max(MAX_TEXT_LENGTH),
  created_at: z.string().refine(isIsoUtc, 'should be an ISO 8601 UTC time such as 2026-11-22T17:00:03.120Z'),
  trigger: z.string().max(MAX_TEXT_LENGTH),
  schema_version: z.int().min(1),
  counts: z.object({
    brokerages: tableCount,
    brokerage_configurations: tableCount,
    upload_history: tableCount,
    processing_errors: tableCount,
    configuration_changes: tableCount,
  } satisfies Record<DataTable, unknown>),
  checksum: z.object({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/, 'should be 64 hex digits') }),
  secrets: z.enum(['plain', 'encrypted', 'omitted']),
});
type BackupInfo = z.infer<typeof infoSchema>;

/** Reads a file whose backup_info says format "ff2api_backup". */
export async function readOurBackup(top: Record<string, unknown>, context: ReadContext): Promise<ReadResult> {
  const rawInfo = top.backup_info as Record<string, unknown>;
  const newer = refuseNewer(rawInfo);
  if (newer) return newer;

  const problems = new ProblemLog();
  const reserved = reservedKeyOf(rawInfo);
  if (reserved !== undefined) problems.add('backup_info', undefined, reserved, `uses the reserved key "${reserved}"`);
  const parsedInfo = infoSchema.safeParse(rawInfo);
  if (!parsedInfo.success) {
    for (const issue of parsedInfo.error.issues) problems.add('backup_info', undefined, issueField(issue), describeIssue(issue, rawInfo));
  }
  if (!parsedInfo.success || problems.count > 0) return refusalWithProblems(problems);
  const info = parsedInfo.data;
  const shapeLabel = `FF2API Web backup ${info.version}`;

  let source = top;
  if (info.secrets === 'encrypted') {
    const opened = await openEncrypted(top, rawInfo, info, shapeLabel, context);
    if (!('source' in opened)) return opened;
    source = opened.source;
  } else if (Object.hasOwn(top, ENCRYPTED_SECTION)) {
    problems.add(ENCRYPTED_SECTION, undefined, undefined, `is present, but backup_info.secrets says "${info.secrets}"`);
    return refusalWithProblems(problems);
  }
  context.progress(0.4);

  const { tables, countMismatches } = readTables(source, info, problems);
  context.progress(0.7);
  if (problems.count > 0) {
    // Rows that are all fine but fewer or more than stated: the file is incomplete or edited.
    const onlyCounts = problems.count === countMismatches;
    return onlyCounts ? refusalWithProblems(problems, 'counts-mismatch', READ_MESSAGES.counts) : refusalWithProblems(problems);
  }
  checkIntegrity(tables, problems, { ids: true });
  if (problems.count > 0) return refusalWithProblems(problems);

  // A plain file as we wrote it can be checked from its bytes; anything else from its rows.
  const isAsWritten = info.secrets !== 'encrypted' && (await matchesWrittenLayout(context.bytes, info.checksum.value));
  const checksum = isAsWritten ? info.checksum.value : await computeChecksum(tables);
  context.progress(0.95);
  if (checksum !== info.checksum.value) {
    return refusal('checksum-mismatch', READ_MESSAGES.checksum, `backup_info.checksum ${info.checksum.value}, contents ${checksum}`);
  }
  return {
    ok: true,
    backup: { shape: 'ff2api-web-2', shapeLabel, createdAt: info.created_at, secrets: info.secrets, tables, warnings: [], checksum, fileCounts: countRowsOf(tables) },
  };
}

/** Format 3.x and later, or a newer database schema: refused before anything else is looked at. */
function refuseNewer(info: Record<string, unknown>): ReadResult | null {
  const version = typeof info.version === 'number' ? String(info.version) : info.version;
  if (typeof version === 'string') {
    const major = /^(\d+)(?:\.|$)/.exec(version);
    if (major && Number(major[1]) > FORMAT_MAJOR) return refusal('newer-version', READ_MESSAGES.newerVersion(version.slice(0, 20)));
    if (!major || Number(major[1]) < FORMAT_MAJOR) return refusal('unknown-version', READ_MESSAGES.unknownVersion(version.slice(0, 20)));
  }
  const schema = info.schema_version;
  if (typeof schema === 'number' && schema > SCHEMA_VERSION) {
    return refusal('newer-version', READ_MESSAGES.newerSchema(schema, SCHEMA_VERSION));
  }
  return null;
}

/** The sealed data part, opened — or the locked preview, or a refusal. */
async function openEncrypted(
  top: Record<string, unknown>,
  rawInfo: Record<string, unknown>,
  info: BackupInfo,
  shapeLabel: string,
  context: ReadContext,
): Promise<{ source: Record<string, unknown> } | ReadResult> {
  const problems = new ProblemLog();
  for (const table of DATA_TABLES) {
    if (Object.hasOwn(top, table)) problems.add(table, undefined, undefined, 'is in clear text, but backup_info.secrets says "encrypted"');
  }
  const rawSealed = top[ENCRYPTED_SECTION];
  const sealed = sealedSchema.safeParse(rawSealed);
  if (!sealed.success) {
    for (const issue of sealed.error.issues) problems.add(ENCRYPTED_SECTION, undefined, issueField(issue), describeIssue(issue, rawSealed));
  }
  const aad = canonicalJson(rawInfo);
  if (aad === null) problems.add('backup_info', undefined, undefined, 'is nested too deeply');
  if (!sealed.success || aad === null || problems.count > 0) return refusalWithProblems(problems);

  if (context.passphrase === undefined) {
    return { ok: true, locked: { shape: 'ff2api-web-2', shapeLabel, createdAt: info.created_at, counts: info.counts, secrets: 'encrypted' } };
  }
  const opened = await openSealedData(sealed.data, context.passphrase, encodeUtf8(aad), context.maxBytes);
  if (opened === 'wrong') return refusal('wrong-passphrase', READ_MESSAGES.wrongPassphrase);
  if (opened === 'too-big') return refusal('too-big', READ_MESSAGES.sealedTooBig(Math.round(context.maxBytes / 1024 / 1024)));
  const text = opened === 'corrupt' ? null : decodeUtf8Strict(opened);
  let source: unknown = null;
  try {
    source = text === null ? null : JSON.parse(text);
  } catch {
    source = null;
  }
  if (!isPlainObject(source)) return refusal('sealed-corrupt', READ_MESSAGES.sealedCorrupt);
  return { source };
}

/** Every data section's rows, with counts compared to backup_info. */
function readTables(source: Record<string, unknown>, info: BackupInfo, problems: ProblemLog): { tables: DataTables; countMismatches: number } {
  const names = new NameMemo();
  let countMismatches = 0;
  const tables = {} as Record<DataTable, unknown[]>;
  for (const table of DATA_TABLES) {
    const section = Object.hasOwn(source, table) ? source[table] : undefined;
    if (!Array.isArray(section)) {
      problems.add(table, undefined, undefined, section === undefined ? 'is missing' : `should be a list of rows, but is ${describeKind(section)}`);
      tables[table] = [];
      continue;
    }
    if (section.length !== info.counts[table]) {
      countMismatches++;
      problems.add('backup_info', undefined, `counts.${table}`, `says ${info.counts[table].toLocaleString('en-US')} rows, but the ${table} section holds ${section.length.toLocaleString('en-US')}`);
    }
    tables[table] = readSection(table, section, problems, names);
  }
  return { tables: tables as unknown as DataTables, countMismatches };
}
