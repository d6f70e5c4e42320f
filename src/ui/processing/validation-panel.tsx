import type { ValidationSummary } from '../../worker/processing/processing-types';
import { FieldName } from '../common/field-name';
import { formatCount, plural } from '../common/format';

/**
 * The validation of every row: counts, each problem located (row, field, value, expected), and —
 * when at least 90 % are valid — `Continue anyway`. Invalid rows will count as failed.
 */
export function ValidationPanel({
  validation,
  isAccepted,
  onContinueAnyway,
}: {
  validation: ValidationSummary;
  isAccepted: boolean;
  onContinueAnyway: () => void;
}) {
  const { valid, invalid, total } = validation;
  return (
    <section className="card" aria-label="Validation">
      {invalid === 0 ? (
        <p role="status" className="notice notice-success">
          {total === 1 ? 'The row is valid.' : `All ${formatCount(total)} rows are valid.`}
        </p>
      ) : (
        <div
          role={validation.canContinue ? 'status' : 'alert'}
          className={`notice ${validation.canContinue ? 'notice-warning' : 'notice-error'}`}
        >
          <p>
            {formatCount(valid)} of {formatCount(total)} rows are valid; {plural(invalid, 'row')}{' '}
            {invalid === 1 ? 'has' : 'have'} problems.{' '}
            {validation.canContinue
              ? 'The invalid rows will not be sent: they are counted as failed and listed in the results and the failed-rows download.'
              : 'Fewer than 90 % are valid, so nothing can be sent. Fix the mapping or the file.'}
          </p>
        </div>
      )}
      {validation.missingColumns.length > 0 ? (
        <p className="caption">
          Mapped columns this file does not have:{' '}
          {validation.missingColumns.map((missing, i) => (
            <span key={missing.path}>
              {i > 0 ? ', ' : ''}“{missing.column}” for <FieldName path={missing.path} />
            </span>
          ))}
          .
        </p>
      ) : null}
      {validation.problems.length > 0 ? (
        <div className="table-scroll">
          <table className="problem-table">
            <caption>
              Validation problems
              {validation.problemCount > validation.problems.length
                ? ` (first ${validation.problems.length} of ${formatCount(validation.problemCount)})`
                : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
                <th scope="col">Expected</th>
              </tr>
            </thead>
            <tbody>
              {validation.problems.map((problem, i) => (
                <tr key={i}>
                  <td className="number">{problem.row}</td>
                  <td>
                    <FieldName path={problem.field} />
                  </td>
                  <td>{problem.value === '' ? <em>empty</em> : problem.value}</td>
                  <td>{problem.expected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {invalid > 0 && validation.canContinue && !isAccepted ? (
        <div className="button-row">
          <button type="button" className="primary" onClick={onContinueAnyway}>
            Continue anyway
          </button>
        </div>
      ) : null}
    </section>
  );
}
