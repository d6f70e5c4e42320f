import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** A labelled text input with an optional hint read with it (the Team store form's fields). */
export function TextField({
  label,
  value,
  onChange,
  hint,
  ...inputProps
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        type="text"
        spellCheck={false}
        autoCapitalize="off"
        {...inputProps}
        id={id}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <span className="caption" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
