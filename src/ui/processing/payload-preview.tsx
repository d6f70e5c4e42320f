import type { ValidationSummary } from '../../worker/processing/processing-types';

/** The first valid row's body exactly as it will be sent, which values were converted, and which are defaults. */
export function PayloadPreview({ preview }: { preview: NonNullable<ValidationSummary['preview']> }) {
  return (
    <section className="card" aria-label="Payload preview">
      <h3>Load of row {preview.row}, as it will be sent</h3>
      {/* Focusable: a keyboard user can scroll a long body. */}
      <pre className="payload" tabIndex={0} aria-label={`Load of row ${preview.row} as JSON`}>
        {preview.body}
      </pre>
      {preview.conversions.length > 0 ? (
        <div className="caption">
          <p>Values converted for the load API:</p>
          <ul className="conversions">
            {preview.conversions.map((conversion) => (
              <li key={conversion.path}>
                <code>{conversion.path}</code>: “{conversion.from}” → <code>{conversion.to}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.defaulted.length > 0 ? (
        <p className="caption">Defaults used (the row has no value of its own): {preview.defaulted.join(', ')}.</p>
      ) : null}
    </section>
  );
}
