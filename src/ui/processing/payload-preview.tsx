import type { ValidationSummary } from '../../worker/processing/processing-api';

/** The first valid row's body exactly as it will be sent, and which of its values are defaults. */
export function PayloadPreview({ preview }: { preview: NonNullable<ValidationSummary['preview']> }) {
  return (
    <section className="card" aria-label="Payload preview">
      <h3>Load of row {preview.row}, as it will be sent</h3>
      <pre className="payload">{preview.body}</pre>
      {preview.defaulted.length > 0 ? (
        <p className="caption">
          Defaults used (the row has no value of its own): {preview.defaulted.join(', ')}.
        </p>
      ) : null}
    </section>
  );
}
