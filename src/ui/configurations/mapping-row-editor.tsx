import { useId } from 'react';
import { findApiField } from '../../core/api-fields';
import type { MappingRow } from './configuration-draft';

export interface MappingRowEditorProps {
  row: MappingRow;
  /** 1-based position, used in the accessible names ("API field 2"). */
  number: number;
  /** The datalist of catalog paths. */
  listId: string;
  isRequired: boolean;
  onChange: (change: Partial<MappingRow>) => void;
  onRemove: () => void;
}

/** One mapping: API field, source kind (CSV column or manual value), source, remove. */
export function MappingRowEditor({ row, number, listId, isRequired, onChange, onRemove }: MappingRowEditorProps) {
  const enumListId = useId();
  const pathId = useId();
  const requiredId = useId();
  const meaningId = useId();
  const field = findApiField(row.path.trim());
  const enumValues = row.isManual ? field?.enum : undefined;
  return (
    <li className="mapping-row">
      <div className="field">
        <label htmlFor={pathId}>API field {number}</label>
        <input
          id={pathId}
          type="text"
          list={listId}
          value={row.path}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={isRequired ? `${meaningId} ${requiredId}` : meaningId}
          onChange={(event) => onChange({ path: event.target.value })}
        />
        <span className="caption field-meaning" id={meaningId}>
          {field
            ? field.label
            : row.path.trim() === ''
              ? 'Choose or type an API field'
              : 'Not in the load API’s field list'}
        </span>
        {isRequired ? (
          <span id={requiredId} className="badge badge-required">
            Required field
          </span>
        ) : null}
      </div>
      <label className="field">
        Source {number}
        <select
          value={row.isManual ? 'manual' : 'column'}
          onChange={(event) => onChange({ isManual: event.target.value === 'manual' })}
        >
          <option value="column">CSV column</option>
          <option value="manual">Manual value</option>
        </select>
      </label>
      <label className="field">
        {row.isManual ? `Manual value ${number}` : `CSV column ${number}`}
        <input
          type="text"
          value={row.value}
          list={enumValues ? enumListId : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={row.isManual ? placeholderFor(field?.type) : 'e.g. load_number'}
          onChange={(event) => onChange({ value: event.target.value })}
        />
      </label>
      {enumValues ? (
        <datalist id={enumListId}>
          {enumValues.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      ) : null}
      <button type="button" className="remove-row" aria-label={`Remove mapping ${number}`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}

/** A hint for the manual value of a field type. */
function placeholderFor(type: string | undefined): string {
  if (type === 'number') return 'e.g. 1000';
  if (type === 'date') return 'e.g. 2026-01-15T14:00';
  return 'same value for every row';
}
