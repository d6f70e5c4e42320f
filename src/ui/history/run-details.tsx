import { useContext, useEffect, useId, useRef, useState } from 'react';
import type { UploadRow } from '../../core/db/rows';
import type { ProcessingErrorRow } from '../../core/db/rows';
import type { RunView } from '../../worker/processing/processing-types';
import { useDatabase } from '../common/database-context';
import { DownloadContext } from '../common/download-context';
import { FieldName } from '../common/field-name';
import { formatCount, formatLocalTime, plural } from '../common/format';
import { describeRunState } from '../common/run-state-text';
import './history.css';

const ERRORS_SHOWN = 100;

/** The file name in a history row, as a button that opens that run's details and errors. */
export function RunDetailsButton({ row }: { row: UploadRow }) {
  const [isOpen, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="link-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {row.filename}
      </button>
      {isOpen ? (
        <RunDetailsDialog
          row={row}
          onClose={() => {
            setOpen(false);
            triggerRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

/** A modal `<dialog>` with the run's counts, its state, its errors and its report. */
function RunDetailsDialog({ row, onClose }: { row: UploadRow; onClose: () => void }) {
  const { api } = useDatabase();
  const download = useContext(DownloadContext);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [run, setRun] = useState<RunView | null>(null);
  const [errors, setErrors] = useState<{ rows: ProcessingErrorRow[]; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
    return () => dialog?.close();
  }, []);
  useEffect(() => {
    void api.getRun(row.id).then(setRun);
    void api.listRunErrors(row.id, ERRORS_SHOWN, 0).then(setErrors);
  }, [api, row.id]);
  const downloadReport = async () => {
    const built = await api.buildRunReport(row.id);
    const handed = built.ok ? await download(built.value.blob, built.value.fileName) : built;
    if (!handed.ok) setProblem(handed.error.message);
  };
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-modal="true"
      className="dialog-content run-details"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        Run details: {row.filename}
      </h2>
      <p>
        {row.brokerage_name} / {row.configuration_name ?? '—'} ·{' '}
        <time dateTime={row.upload_timestamp}>{formatLocalTime(row.upload_timestamp)}</time>
        {row.processing_time_seconds ? ` · ${row.processing_time_seconds.toFixed(1)} s` : ''}
      </p>
      <p>
        {plural(row.total_records, 'row')}: {formatCount(row.successful_records)} sent,{' '}
        {formatCount(row.failed_records)} failed.
      </p>
      {run ? (
        <p className="caption">{describeRunState(run)}</p>
      ) : (
        <p className="caption">Recorded elsewhere (from a backup): only its counts and errors are here.</p>
      )}
      {errors && errors.rows.length > 0 ? (
        <div className="table-scroll">
          <table className="problem-table">
            <caption>
              Errors
              {errors.total > errors.rows.length
                ? ` (first ${errors.rows.length} of ${formatCount(errors.total)})`
                : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Field</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {errors.rows.map((error) => (
                <tr key={error.id}>
                  <td className="number">{error.row_number ?? '—'}</td>
                  <td>{error.field_name ? <FieldName path={error.field_name} /> : ''}</td>
                  <td>{error.error_message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="caption">No errors recorded.</p>
      )}
      {problem ? (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      ) : null}
      <div className="button-row dialog-buttons">
        {run ? (
          <button type="button" onClick={() => void downloadReport()}>
            Download report
          </button>
        ) : null}
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
