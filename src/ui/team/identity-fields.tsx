import { TextField } from './text-field';

/** `This browser's name` and `Your name`: what teammates see beside this browser's backups. */
export function IdentityFields({
  browserName,
  person,
  onChange,
}: {
  browserName: string;
  person: string;
  onChange: (names: { browserName: string; person: string }) => void;
}) {
  return (
    <>
      <TextField
        label="This browser's name"
        value={browserName}
        maxLength={100}
        onChange={(next) => onChange({ browserName: next, person })}
        hint="e.g. Dispatch desk 2 — teammates see it beside this browser's backups."
      />
      <TextField
        label="Your name"
        value={person}
        maxLength={100}
        autoComplete="name"
        onChange={(next) => onChange({ browserName, person: next })}
      />
    </>
  );
}
