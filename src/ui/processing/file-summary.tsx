import { memo } from 'react';
import type { FileSummary } from '../../worker/processing/processing-types';
import { formatBytes, plural } from '../common/format';

/** What was read: file name, rows, size, encoding, and the first 10 rows under their headers. */
export const FileSummaryPanel = memo(function FileSummaryPanel({ summary }: { summary: FileSummary }) {
  return (
    <section className="card" aria-label="File read">
      <p role="status">
        <strong>{summary.name}</strong> loaded: {plural(summary.rowCount, 'row')} · {formatBytes(summary.size)}
      </p>
      {summary.encoding === 'windows-1252' ? (
        <p className="caption">
          This file is not UTF-8; it was read as Windows-1252 (Excel’s usual CSV on Windows), so accented letters are
          kept.
        </p>
      ) : null}
      <details>
        <summary>{summary.rowCount === 1 ? 'The row' : `First ${Math.min(10, summary.rowCount)} rows`}</summary>
        <div className="table-scroll">
          <table className="preview-table">
            <caption className="visually-hidden">First rows of {summary.name}</caption>
            <thead>
              <tr>
                {summary.rawHeaders.map((header, i) => (
                  <th key={i} scope="col" title={summary.headers[i]}>
                    {header || summary.headers[i]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.firstRows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
});
