import { memo, useId, useState } from 'react';
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
  /**
   * A new source for the field; `isFinished` is false while a manual value is being typed (it
   * counts for the progress, but is saved only once the user leaves the box or presses Enter).
   */
  onChange: (path: string, source: string | undefined, isFinished: boolean) => void;
}

/** One API field: a column (with 3 sample values) or a manual value (enums as a select). */
export const MappingFieldRow = memo(function MappingFieldRow({
  field,
  source,
  headers,
  samples,
  suggested,
  state,
  onChange,
}: FieldRowProps) {
  const selectId = useId();
  const manualId = useId();
  const parsed = source === undefined ? null : describeSource(source);
  const choice = parsed === null ? NOT_MAPPED : parsed.kind === 'manual' ? MANUAL : `col:${parsed.text}`;
  const isMissingColumn = parsed?.kind === 'column' && !headers.includes(parsed.text);
  const choose = (value: string) => {
    if (value === NOT_MAPPED) onChange(field.path, undefined, true);
    // An empty manual value is not saved (it would be refused): it is saved once typed.
    else if (value === MANUAL)
      onChange(field.path, `${MANUAL_VALUE_PREFIX}${field.enum?.[0] ?? ''}`, field.enum !== undefined);
    else onChange(field.path, value.slice(4), true);
  };
  return (
    <div className={`mapping-field mapping-${state ?? 'optional'}`}>
      <label htmlFor={selectId}>{field.label}</label>
      <code className="caption">{field.path}</code>
      <select
        id={selectId}
        value={isMissingColumn ? NOT_MAPPED : choice}
        onChange={(event) => choose(event.target.value)}
      >
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
        <ManualValue
          id={manualId}
          field={field}
          value={parsed.text}
          onChange={(text, isFinished) => onChange(field.path, `${MANUAL_VALUE_PREFIX}${text}`, isFinished)}
        />
      ) : null}
      <span className="caption">
        {suggested !== undefined && choice !== NOT_MAPPED ? `Suggested (${Math.round(suggested * 100)} % sure)` : ''}
        {isMissingColumn ? `Mapped to “${parsed?.text}”, which this file does not have.` : ''}
        {state === 'default' && choice === NOT_MAPPED ? 'Has a default' : ''}
        {state === 'missing' && choice === NOT_MAPPED && !isMissingColumn
          ? 'Required: choose a column or a manual value'
          : ''}
      </span>
    </div>
  );
});

/**
 * The manual value input: a select for enum fields (a choice is finished at once), a typed input
 * otherwise — finished when the user leaves it or presses Enter, never after a pause in typing.
 */
function ManualValue({
  id,
  field,
  value,
  onChange,
}: {
  id: string;
  field: ApiField;
  value: string;
  onChange: (text: string, isFinished: boolean) => void;
}) {
  const label = `${field.label} manual value`;
  const [typed, setTyped] = useState(value);
  if (field.enum && field.type !== 'array') {
    return (
      <select id={id} aria-label={label} value={value} onChange={(event) => onChange(event.target.value, true)}>
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
      type={field.type === 'number' ? 'text' : field.type === 'date' ? 'datetime-local' : 'text'}
      inputMode={field.type === 'number' ? 'decimal' : undefined}
      value={typed}
      onChange={(event) => {
        setTyped(event.target.value);
        onChange(event.target.value, false);
      }}
      onBlur={() => onChange(typed, true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onChange(typed, true);
      }}
    />
  );
}
