import { findApiField } from '../../core/api-fields';
import type { ValidationSummary } from '../../worker/processing/processing-types';
import { describeSentTime, FieldName } from '../common/field-name';

/**
 * The first valid row's body exactly as it will be sent, which values were converted (by field
 * label, the API path as detail), which are defaults, and the time zone times are sent in.
 */
export function PayloadPreview({ preview }: { preview: NonNullable<ValidationSummary['preview']> }) {
  const hasTimes = preview.conversions.some((c) => findApiField(c.path)?.type === 'date');
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
                <FieldName path={conversion.path} />: “{conversion.from}” → {describeConversion(conversion)}
              </li>
            ))}
          </ul>
          {hasTimes ? (
            <p>
              Times are sent in UTC. A time in the file without a time zone is sent as written, in UTC (as the original
              app did): “8:00 AM” is sent as 08:00 UTC.
            </p>
          ) : null}
        </div>
      ) : null}
      {preview.defaulted.length > 0 ? (
        <div className="caption">
          <p>Defaults used (the row has no value of its own):</p>
          <ul className="conversions">
            {preview.defaulted.map((path) => (
              <li key={path}>
                <FieldName path={path} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** The value sent; a time also as people read it, with its zone. */
function describeConversion(conversion: { path: string; to: string }) {
  if (findApiField(conversion.path)?.type !== 'date') return <code>{conversion.to}</code>;
  const iso = (JSON.parse(conversion.to) as unknown) ?? '';
  return (
    <>
      {typeof iso === 'string' ? describeSentTime(iso) : ''} <code>{conversion.to}</code>
    </>
  );
}
