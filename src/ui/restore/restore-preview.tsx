import { DATA_TABLES, type DataTable } from '../../core/db/schema';
import type { RestoreMode } from '../../core/backup/restore/changes';
import type { RestorePreview } from '../../worker/restore/restore-types';
import type { RestoreWarning } from '../../core/backup/read/problems';
import { formatCount, formatLocalTime } from '../common/format';
import { RestoreNamesPreview } from './restore-names';

const TABLE_LABELS: Record<DataTable, string> = {
  brokerages: 'Brokerages',
  brokerage_configurations: 'Configurations',
  upload_history: 'Upload history',
  processing_errors: 'Processing errors',
  configuration_changes: 'Configuration changes',
};

/** What the chosen file holds and what restoring it in the chosen mode will do. */
export function RestorePreviewDetails({ preview, mode }: { preview: RestorePreview; mode: RestoreMode }) {
  const changes = preview.changes[mode];
  return (
    <div className="restore-preview" aria-label="Restore preview" role="group">
      <p>
        <strong>{preview.fileName}</strong>
        <br />
        {describeShape(preview.shapeLabel)}
        {preview.fileCreatedAt ? `, made ${formatLocalTime(preview.fileCreatedAt)}` : ''}
      </p>
      <table className="preview-table">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">In file</th>
            {preview.needsPassphrase ? null : (
              <>
                <th scope="col">Add</th>
                <th scope="col">Update</th>
                <th scope="col">Remove</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {DATA_TABLES.map((table) => (
            <tr key={table}>
              <th scope="row">{TABLE_LABELS[table]}</th>
              <td>{formatCount(preview.fileCounts[table])}</td>
              {preview.needsPassphrase ? null : (
                <>
                  <td>{formatCount(changes[table].add)}</td>
                  <td>{formatCount(changes[table].update)}</td>
                  <td>{formatCount(changes[table].remove)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.names ? <RestoreNamesPreview names={preview.names[mode]} mode={mode} /> : null}
      {preview.secrets === 'plain' ? <p className="caption">This file holds API keys in plain text.</p> : null}
      {preview.secrets === 'omitted' ? (
        <p className="caption">
          This file holds no API keys: restored configurations will be marked “Needs credentials”.
        </p>
      ) : null}
      {preview.warnings.length > 0 ? (
        <div className="notice notice-info">
          <WarningList warnings={preview.warnings} />
        </div>
      ) : null}
    </div>
  );
}

/**
 * The kind of file, without the reader's internal era tag ("FF2API v1.0 sidebar backup (era C)"
 * reads "FF2API v1.0 sidebar backup"): which of the original's three layouts it had matters to
 * the reader, not to the user.
 */
function describeShape(shapeLabel: string): string {
  return shapeLabel.replace(/\s*\(era [^)]*\)\s*$/, '');
}

/** The repairs a file needed, each with how many rows it affected, and warnings about the file as a whole. */
export function WarningList({ warnings }: { warnings: readonly RestoreWarning[] }) {
  return (
    <>
      <p>Repairs and warnings:</p>
      <ul className="warning-list">
        {warnings.map((warning) => (
          <li key={warning.code}>
            {warning.message}
            {warning.count === null ? null : ` (${formatCount(warning.count)} affected)`}
          </li>
        ))}
      </ul>
    </>
  );
}
