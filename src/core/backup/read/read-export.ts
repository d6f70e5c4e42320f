import { anything, checkFields, optionalText, text } from './fields';
import { convertOriginalUpload, readSecrets, tidyName, type LegacyContext, type NewConfiguration } from './legacy-rows';
import { MAX_TEXT_LENGTH } from '../format/limits';
import type { ReadContext } from './parsed';
import { ProblemLog, WarningTally } from './problems';
import { convertAll, finishLegacyRead, readArraySection, readFileTime, type LegacyRead } from './read-original';
import { REPAIRS } from './repairs';
import { parseTimestamp } from '../format/timestamps';
import { Bad, checkCredentialObject, checkMappingObject, isPlainObject } from '../format/values';

/**
 * Reads the original FF2API's data export (reference/ff2api-original.md §2.5): `export_info` +
 * `customer_mappings` + `upload_history` (+ `learning_data`). Customer mappings were the
 * per-customer configurations before brokerages existed; they hold no credentials, so each
 * becomes a configuration "Imported mapping" of brokerage = customer name, needing credentials.
 * Its history is complete and its upload times are real.
 */

/** The configuration name given to each legacy customer mapping. */
export const IMPORTED_MAPPING_NAME = 'Imported mapping';

const customerMappingSpec = {
  customer_name: text(MAX_TEXT_LENGTH),
  /** Parsed JSON in exports; JSON text is accepted too. */
  field_mappings: anything,
  api_credentials: anything,
  created_at: optionalText(100),
  updated_at: optionalText(100),
};

/** Reads a file with the original export's sections. */
export function readOriginalExport(top: Record<string, unknown>, context: ReadContext): LegacyRead {
  const problems = new ProblemLog();
  const warnings = new WarningTally();
  const fileTime = readFileTime(top.export_info, 'export_info', context, problems, warnings);
  const mappingRows = readArraySection(top, 'customer_mappings', problems);
  const uploadRows = readArraySection(top, 'upload_history', problems);
  if (top.learning_data !== undefined) warnings.add(REPAIRS.learningDataIgnored, countLearningRows(top.learning_data));
  // With an unreadable file date the file is refused, but its rows are still checked so that
  // every problem is reported at once.
  const legacy: LegacyContext = { fileTime: fileTime ?? context.now, problems, warnings };
  const configurations = convertAll(mappingRows, convertCustomerMapping, legacy);
  const uploads = convertAll(uploadRows, convertOriginalUpload, legacy);
  context.progress(0.6);

  return finishLegacyRead({
    configurations,
    uploads,
    fileTime: legacy.fileTime,
    uploadsNewestFirst: false,
    warnings,
    problems,
    shape: 'ff2api-export',
    shapeLabel: 'FF2API data export',
    secrets: 'omitted',
  });
}

/** One legacy customer mapping as a configuration needing credentials. */
function convertCustomerMapping(raw: unknown, index: number, context: LegacyContext): NewConfiguration | null {
  const section = 'customer_mappings';
  const fields = checkFields(customerMappingSpec, raw, section, index, context.problems);
  if (!fields) return null;
  const at = (field: string, bad: Bad) => context.problems.add(section, index, field, bad.message);

  const brokerageName = tidyName(fields.customer_name, context);
  const mappings = checkMappingObject(
    typeof fields.field_mappings === 'string' ? parseJsonOr(fields.field_mappings) : fields.field_mappings,
  );
  const credentials =
    fields.api_credentials === undefined || fields.api_credentials === null
      ? {}
      : checkCredentialObject(fields.api_credentials);
  const createdAt = readTime(fields.created_at, context);
  const updatedAt = readTime(fields.updated_at, context);
  if (brokerageName instanceof Bad) at('customer_name', brokerageName);
  if (mappings instanceof Bad) at('field_mappings', mappings);
  if (credentials instanceof Bad) at('api_credentials', credentials);
  if (createdAt instanceof Bad) at('created_at', createdAt);
  if (updatedAt instanceof Bad) at('updated_at', updatedAt);
  if (
    brokerageName instanceof Bad ||
    mappings instanceof Bad ||
    credentials instanceof Bad ||
    createdAt instanceof Bad ||
    updatedAt instanceof Bad
  ) {
    return null;
  }

  context.warnings.add(REPAIRS.legacyMappings);
  // The legacy warning already names the default address; count no separate repair for it.
  const secrets = readSecrets('api_key', { base_url: credentials.base_url ?? null }, null, new WarningTally());
  return {
    brokerage_name: brokerageName,
    configuration_name: IMPORTED_MAPPING_NAME,
    field_mappings: mappings,
    api_credentials: secrets.credentials,
    auth_type: 'api_key',
    bearer_token: null,
    file_headers: null,
    created_at: createdAt ?? context.fileTime,
    updated_at: updatedAt ?? createdAt ?? context.fileTime,
    last_used_at: null,
    version: 1,
    is_active: 1,
    description: null,
    needs_credentials: 1,
  };
}

/** A time, null when absent, Bad when not a time. */
function readTime(value: string | null | undefined, context: LegacyContext): string | null | Bad {
  if (value === undefined || value === null || value.trim() === '') return null;
  const parsed = parseTimestamp(value.trim());
  if (parsed === null) return new Bad(`is not a time: "${value.slice(0, 40)}"`);
  if (parsed.zone === 'local') context.warnings.add(REPAIRS.localTimes);
  return parsed.iso;
}

/** Rows in learning_data's three lists (or 1 when it is something else). */
function countLearningRows(value: unknown): number {
  if (!isPlainObject(value)) return 1;
  const lists = ['mapping_interactions', 'mapping_decisions', 'brokerage_patterns'].map((key) =>
    Object.hasOwn(value, key) ? value[key] : undefined,
  );
  const rows = lists.reduce<number>((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
  return Math.max(rows, 1);
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
