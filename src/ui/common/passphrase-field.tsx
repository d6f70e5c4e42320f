import { useId, useState, type InputHTMLAttributes } from 'react';

export interface PassphraseFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange' | 'id'
> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Text under the field (requirements, strength, mismatch), read with the field. */
  hint?: React.ReactNode;
  inputRef?: React.Ref<HTMLInputElement>;
}

/** A passphrase input with its label, a `Show passphrase` toggle and a hint tied to it. */
export function PassphraseField({ label, value, onChange, hint, inputRef, ...inputProps }: PassphraseFieldProps) {
  const [isShown, setShown] = useState(false);
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="passphrase-row">
        <input
          {...inputProps}
          ref={inputRef}
          id={id}
          type={isShown ? 'text' : 'password'}
          value={value}
          spellCheck={false}
          autoCapitalize="off"
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="button" aria-pressed={isShown} aria-controls={id} onClick={() => setShown(!isShown)}>
          Show <span className="visually-hidden">passphrase</span>
        </button>
      </div>
      {hint ? (
        <div className="caption" id={hintId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
