/** `New passphrase` and `Confirm passphrase`, as both the turn-on and the change forms ask them. */
export function NewPassphraseFields({
  next,
  confirmation,
  onNext,
  onConfirmation,
}: {
  next: string;
  confirmation: string;
  onNext: (value: string) => void;
  onConfirmation: (value: string) => void;
}) {
  return (
    <>
      <label className="field">
        New passphrase
        <input
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(event) => onNext(event.target.value)}
        />
      </label>
      <label className="field">
        Confirm passphrase
        <input
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => onConfirmation(event.target.value)}
        />
      </label>
    </>
  );
}
