import { describeSource } from '../../core/field-mappings';
import { FieldName } from '../common/field-name';
import type { MappingRow } from './configuration-draft';

/**
 * What a configuration maps, read-only, by field label (the API path as detail). Mappings are
 * made in one place, Process file's mapping step, where the file's columns and sample values
 * are at hand; this form only shows them.
 */
export function MappingsSummary({ rows }: { rows: readonly MappingRow[] }) {
  return (
    <section className="mappings-summary" aria-label="Field mappings">
      <h4>Field mappings</h4>
      <p className="caption">
        {rows.length === 0 ? 'None yet. ' : `${rows.length} field${rows.length === 1 ? '' : 's'} mapped. `}
        Fields are mapped in <a href="#/process">Process file</a>: choose this configuration and a file, and map each
        field to one of the file’s columns (with sample values) or to a manual value.
      </p>
      {rows.length > 0 ? (
        <details>
          <summary>Show the mapped fields</summary>
          <ul className="mapping-list">
            {rows.map((row) => (
              <li key={row.key}>
                <FieldName path={row.path} />
                <span className="mapping-source">
                  {row.isManual ? `always “${row.value}”` : `from column “${describeSource(row.value).text}”`}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
