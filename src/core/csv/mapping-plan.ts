/**
 * A configuration's field mappings compiled against one file's headers: for each mapped catalog
 * field, the column index to read or the constant to use. Compiled once per file, so reading
 * 100k rows does no lookups by name.
 */
import { findApiField, requiredFieldsFor, type ApiField } from '../api-fields';
import { describeSource, isMetadataKey } from '../field-mappings';

/** The original's second constant prefix: understood when reading, never written by this app. */
export const DEFAULT_VALUE_PREFIX = 'DEFAULT_VALUE:';

/** One mapped field: where its value comes from. */
export interface PlannedField {
  field: ApiField;
  /** Index of the column in the file, or null for a constant. */
  column: number | null;
  /** The constant (manual value), or null when read from a column. */
  constant: string | null;
  /** The column's name as mapped (for messages). */
  columnName: string | null;
}

export interface MappingPlan {
  fields: PlannedField[];
  /** Paths that must have a value in every row (after defaults). */
  required: readonly string[];
  /** Mapped to a column this file does not have: treated as not mapped. */
  missingColumns: { path: string; column: string }[];
  /** Mapped paths that are not in the catalog: never sent. */
  unknownPaths: string[];
  /** The mappings the plan was compiled from (kept with a run, so a resend builds the same loads). */
  mappings: Record<string, string>;
}

/** Compiles mappings against a file's normalised headers. */
export function compileMappingPlan(
  mappings: Readonly<Record<string, string>>,
  headers: readonly string[],
): MappingPlan {
  const index = new Map(headers.map((name, i) => [name, i]));
  const fields: PlannedField[] = [];
  const missingColumns: MappingPlan['missingColumns'] = [];
  const unknownPaths: string[] = [];
  const effective: Record<string, string> = {};
  for (const [path, rawSource] of Object.entries(mappings)) {
    if (isMetadataKey(path) || rawSource.trim() === '') continue;
    const field = findApiField(path);
    if (!field) {
      unknownPaths.push(path);
      continue;
    }
    const source = rawSource.startsWith(DEFAULT_VALUE_PREFIX)
      ? { kind: 'manual' as const, text: rawSource.slice(DEFAULT_VALUE_PREFIX.length) }
      : describeSource(rawSource);
    if (source.kind === 'manual') {
      fields.push({ field, column: null, constant: source.text.trim(), columnName: null });
      effective[path] = rawSource;
      continue;
    }
    const column = index.get(source.text.trim());
    if (column === undefined) {
      missingColumns.push({ path, column: source.text.trim() });
      continue;
    }
    fields.push({ field, column, constant: null, columnName: source.text.trim() });
    effective[path] = rawSource;
  }
  return { fields, required: requiredFieldsFor(effective), missingColumns, unknownPaths, mappings: { ...mappings } };
}
