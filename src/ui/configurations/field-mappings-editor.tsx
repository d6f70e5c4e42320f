import { memo, useId, useMemo } from 'react';
import { API_FIELDS, requiredFieldsFor } from '../../core/api-fields';
import { emptyRow, type MappingRow } from './configuration-draft';
import { MappingRowEditor } from './mapping-row-editor';
import { MissingRequiredFields } from './missing-required-fields';

export interface FieldMappingsEditorProps {
  rows: MappingRow[];
  onChange: (rows: MappingRow[]) => void;
}

/**
 * Rows of API field → source (a CSV column, or a manual value applied to every row). The API
 * fields come from the catalog as suggestions; required ones are marked, and the fields still
 * missing are listed.
 */
export const FieldMappingsEditor = memo(function FieldMappingsEditor({ rows, onChange }: FieldMappingsEditorProps) {
  const listId = useId();
  const required = useMemo(() => new Set(requiredFieldsFor(toMappings(rows))), [rows]);
  const update = (key: number, change: Partial<MappingRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <fieldset className="mappings">
      <legend>Field mappings</legend>
      <p className="caption">
        Map each API field to a CSV column, or give a manual value used for every row. Fields marked “Required field”
        must be mapped before a file can be processed.
      </p>
      <datalist id={listId}>
        {API_FIELDS.map((field) => (
          <option key={field.path} value={field.path}>
            {required.has(field.path) ? `${field.label} (required)` : field.label}
          </option>
        ))}
      </datalist>
      {rows.length === 0 ? <p className="caption">No fields mapped yet.</p> : null}
      <ol className="mapping-rows">
        {rows.map((row, index) => (
          <MappingRowEditor
            key={row.key}
            row={row}
            number={index + 1}
            listId={listId}
            isRequired={required.has(row.path.trim())}
            onChange={(change) => update(row.key, change)}
            onRemove={() => onChange(rows.filter((other) => other.key !== row.key))}
          />
        ))}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => onChange([...rows, emptyRow()])}>
          Add mapping
        </button>
      </div>
      <MissingRequiredFields required={required} rows={rows} />
    </fieldset>
  );
});

/** The rows as a mappings object, for working out which groups are in use. */
function toMappings(rows: readonly MappingRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.value.trim() !== '').map((row) => [row.path.trim(), row.value]));
}
