import { memo, useId } from 'react';
import type { ApiField } from '../../core/api-fields';
import { describeSource, MANUAL_VALUE_PREFIX } from '../../core/field-mappings';

const NOT_MAPPED = '';
const MANUAL = '__manual__';

export interface FieldRowProps {
  field: ApiField;
  source: string | undefined;
  headers: string[];
  samples: string[][];
  /** Confidence of the suggestion that filled this field, if one did. */
  suggested: number | undefined;
  state?: 'mapped' | 'default' | 'missing';
  onChange: (path: string, source: string | undefined) => void;
}

/** One API field: a column (with 3 sample values) or a manual value (enums as a select). */
export const MappingFieldRow = memo(function MappingFieldRow({ field, source, headers, samples, suggested, state, onChange }: FieldRowProps) {
  const selectId = useId();
  const manualId = useId();
  const parsed = source === undefined ? null : describeSource(source);
  const choice = parsed === null ? NOT_MAPPED : parsed.kind === 'manual' ? MANUAL : `col:${parsed.text}`;
  const isMissingColumn = parsed?.kind === 'column' && !headers.includes(parsed.text);
  const choose = (value: string) => {
    if (value === NOT_MAPPED) onChange(field.path, undefined);
    else if (value === MANUAL) onChange(field.path, `${MANUAL_VALUE_PREFIX}${field.enum?.[0] ?? ''}`);
    else onChange(field.path, value.slice(4));
  };
  return (
    <div className={`mapping-field mapping-${state ?? 'optional'}`}>
      <label htmlFor={selectId}>{field.label}</label>
      <code className="caption">{field.path}</code>
      <select id={selectId} value={isMissingColumn ? NOT_MAPPED : choice} onChange={(event) => choose(event.target.value)}>
        <option value={NOT_MAPPED}>None</option>
        {headers.map((header, i) => (
          <option key={header} value={`col:${header}`}>
            {header}
            {samples[i] && samples[i].length > 0 ? ` (${samples[i].join(', ')})` : ''}
          </option>
        ))}
        <option value={MANUAL}>Manual value…</option>
      </select>
      {parsed?.kind === 'manual' ? (
        <ManualValue id={manualId} field={field} value={parsed.text} onChange={(text) => onChange(field.path, `${MANUAL_VALUE_PREFIX}${text}`)} />
      ) : null}
      <span className="caption">
        {suggested !== undefined && choice !== NOT_MAPPED ? `Suggested (${Math.round(suggested * 100)} % sure)` : ''}
        {isMissingColumn ? `Mapped to “${parsed?.text}”, which this file does not have.` : ''}
        {state === 'default' && choice === NOT_MAPPED ? 'Has a default' : ''}
        {state === 'missing' && choice === NOT_MAPPED && !isMissingColumn ? 'Required: choose a column or a manual value' : ''}
      </span>
    </div>
  );
});

/** The manual value input: a select for enum fields, a typed input otherwise. */
function ManualValue({ id, field, value, onChange }: { id: string; field: ApiField; value: string; onChange: (text: string) => void }) {
  const label = `${field.label} manual value`;
  if (field.enum && field.type !== 'array') {
    return (
      <select id={id} aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        {field.enum.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={id}
      aria-label={label}
      type={field.type === 'number' ? 'number' : field.type === 'date' ? 'datetime-local' : 'text'}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
