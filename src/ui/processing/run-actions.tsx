import { useState } from 'react';
import type { RunView } from '../../worker/processing/processing-types';
import { useDatabase } from '../common/database-context';
import { FileDropZone } from './file-drop-zone';

export type RunAction = 'report' | 'failed-rows' | 'successful-rows' | 'rest' | 'failed' | 'uncertain';

/**
 * A run's buttons. Row downloads and resends need the run's own file: when it is not loaded (after
 * a reload), the user chooses it again first — the worker accepts only the very same file.
 */
export function RunActions({
  run,
  fileId,
  isBusy,
  onAction,
}: {
  run: RunView;
  fileId: string | null;
  isBusy: boolean;
  onAction: (action: RunAction, fileId: string | null) => void;
}) {
  const { api } = useDatabase();
  const [chosenFileId, setChosenFileId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const attached = fileId ?? run.attachedFileId ?? chosenFileId;
  // Nothing of a run being sent (here or from another tab) is sent a second time alongside it.
  const isGoingOn = run.isActive || run.standing === 'sending' || run.standing === 'sending-elsewhere';
  const canSendRest = !isGoingOn && run.notSent > 0 && run.state !== 'finished';
  const canResendFailed = !isGoingOn && run.apiFailed > 0;
  // Claimed loads of a run nobody is sending: their POST may or may not have arrived.
  const canResendUncertain = !isGoingOn && run.claimed > 0;
  const needsFile =
    attached === null && (canSendRest || canResendFailed || canResendUncertain || run.failed > 0 || run.sent > 0);

  const chooseFile = async (file: File) => {
    setProblem(null);
    const read = await api.readProcessingFile(file, file.name, null);
    if (!read.ok) setProblem(read.error.message);
    else setChosenFileId(read.value.fileId);
  };

  return (
    <div>
      <div className="button-row">
        <button type="button" disabled={isBusy} onClick={() => onAction('report', attached)}>
          Download report
        </button>
        {run.failed > 0 ? (
          <button
            type="button"
            disabled={isBusy || attached === null}
            onClick={() => onAction('failed-rows', attached)}
          >
            Download failed rows
          </button>
        ) : null}
        {run.sent > 0 ? (
          <button
            type="button"
            disabled={isBusy || attached === null}
            onClick={() => onAction('successful-rows', attached)}
          >
            Download successful rows
          </button>
        ) : null}
        {canSendRest ? (
          <button
            type="button"
            className="primary"
            disabled={isBusy || attached === null}
            onClick={() => onAction('rest', attached)}
          >
            Send the rest
          </button>
        ) : null}
        {canResendFailed ? (
          <button type="button" disabled={isBusy || attached === null} onClick={() => onAction('failed', attached)}>
            Resend failed rows
          </button>
        ) : null}
        {canResendUncertain ? (
          <button type="button" disabled={isBusy || attached === null} onClick={() => onAction('uncertain', attached)}>
            Resend uncertain rows
          </button>
        ) : null}
      </div>
      {canResendUncertain ? (
        <p className="caption">
          Uncertain loads are resent with the same Idempotency-Key as their first POST, so an API that honours keys
          creates each once; check with the load API first if yours does not.
        </p>
      ) : null}
      {needsFile ? (
        <FileDropZone
          label={`Choose the same file to continue (${run.fileName})`}
          disabledReason={null}
          isBusy={isBusy}
          onFile={(file) => void chooseFile(file)}
        />
      ) : null}
      {problem ? (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
