import { findApiField } from '../../core/api-fields';
import type { MappingRow } from './configuration-draft';

/** "Required fields not mapped yet: 21 of 23", with the list behind a disclosure. */
export function MissingRequiredFields({
  required,
  rows,
}: {
  required: ReadonlySet<string>;
  rows: readonly MappingRow[];
}) {
  const mapped = new Set(rows.filter((row) => row.value.trim() !== '').map((row) => row.path.trim()));
  const missing = [...required].filter((path) => !mapped.has(path));
  if (missing.length === 0) return <p className="caption">All {required.size} required fields are mapped.</p>;
  return (
    <details className="missing-required">
      <summary>
        Required fields not mapped yet: {missing.length} of {required.size}
      </summary>
      <ul>
        {missing.map((path) => (
          <li key={path}>
            <code>{path}</code> — {findApiField(path)?.label ?? path}
          </li>
        ))}
      </ul>
    </details>
  );
}
