import { measureMappingProgress } from '../../core/csv/mapping-progress';
import { useApiRead } from '../common/use-api-read';
import { useCanWrite } from '../common/use-write-action';
import { Notice } from '../common/notice';
import { AlreadyProcessed } from './already-processed';
import { ConfigurationFitHint } from './configuration-fit-hint';
import { ConfigurationPicker } from './configuration-picker';
import { FileDropZone } from './file-drop-zone';
import { useLoneChoice } from './use-lone-choice';
import { FileSummaryPanel } from './file-summary';
import { HeaderCheckPanel } from './header-check-panel';
import { MappingStep } from './mapping-step';
import { OpenRuns } from './open-runs';
import { PayloadPreview } from './payload-preview';
import { ProcessingResults } from './processing-results';
import { SendControls } from './send-controls';
import { SendProgressPanel } from './send-progress';
import { useProcessFile } from './use-process-file';
import { ValidationPanel } from './validation-panel';
import { useDatabase } from '../common/database-context';
import './processing.css';

const MESSAGES = {
  alreadyProcessed:
    'This file was already processed with this configuration: choose Send again anyway above to send it again.',
  beingSent: 'This file is being sent right now: wait for that run to end.',
  otherRunSending: 'Another run is being sent from this tab: Process data is possible once it ends.',
} as const;

/**
 * The `Process file` view itself (loaded lazily by process-file-page.tsx). A run this tab is
 * sending is shown first, whenever the view is opened; a file that may belong to another
 * configuration, or was already processed with this one, is said before anything else about it.
 */
export function ProcessFileView() {
  const { revision } = useDatabase();
  const canWrite = useCanWrite();
  const flow = useProcessFile();
  const { summary, validation, sending, shown, configurationId } = flow;
  const { data: brokerages } = useApiRead((a) => a.listBrokerages(), []);
  const { data: configurations } = useApiRead(
    (a) => (flow.brokerageName ? a.listConfigurations(flow.brokerageName) : Promise.resolve([])),
    [flow.brokerageName],
  );
  const configuration = configurations?.find((candidate) => candidate.id === configurationId) ?? null;
  useLoneChoice(brokerages, flow.brokerageName !== '', (only) => flow.chooseBrokerage(only.name));
  useLoneChoice(configurations, configurationId !== null, (only) => flow.chooseConfiguration(only.id));

  const progress = summary ? measureMappingProgress(configuration?.field_mappings ?? {}, summary.headers) : null;
  const headersReady = summary?.headerCheck?.kind !== 'changed' || flow.headersDecided;
  // Once shown, the mapping step stays until Continue: a save that completes the mapping must
  // not close it under the user's hands (the next keystroke would be lost).
  if (summary && configuration && headersReady && !validation && !progress?.isComplete && !flow.isEditingMapping)
    flow.setEditingMapping(true);
  const needsMapping = Boolean(summary && configuration && headersReady && flow.isEditingMapping && !validation);
  const readyToSend =
    validation !== null &&
    validation.valid > 0 &&
    (validation.invalid === 0 || flow.acceptedInvalid) &&
    validation.canContinue;
  const earlierRuns = summary?.earlierRuns ?? [];
  const isBeingSent = earlierRuns.some((run) => run.standing === 'sending' || run.standing === 'sending-elsewhere');
  const blockedReason = isBeingSent
    ? MESSAGES.beingSent
    : earlierRuns.length > 0 && !flow.sendAgain
      ? MESSAGES.alreadyProcessed
      : sending
        ? MESSAGES.otherRunSending
        : null;
  const showsResults = shown !== null && (sending === null || sending.runId !== shown.run.id);

  return (
    <section className="catalog-section process-file" aria-labelledby="process-heading">
      <h2 id="process-heading">Process file</h2>
      {sending ? <SendProgressPanel sending={sending} onCancel={flow.cancel} /> : null}
      <OpenRuns currentRunId={shown?.run.id ?? null} refresh={revision} onOpen={flow.openRun} />
      <ConfigurationPicker
        brokerages={brokerages ?? []}
        brokerageName={flow.brokerageName}
        configurations={configurations ?? []}
        configurationId={configurationId}
        onBrokerage={flow.chooseBrokerage}
        onConfiguration={flow.chooseConfiguration}
      />
      {configuration?.needsCredentials ? (
        <p className="notice notice-warning">
          This configuration has no usable credentials: add them under Brokerages before sending.
        </p>
      ) : null}
      {configuration?.addressProblem ? (
        <p className="notice notice-warning">
          Nothing can be sent with this configuration until its API address is corrected under Brokerages:{' '}
          {configuration.addressProblem}
        </p>
      ) : null}
      <FileDropZone
        disabledReason={
          !canWrite
            ? 'Another tab is editing the database: take over editing to process a file here.'
            : configuration === null
              ? 'Choose a brokerage and a configuration first.'
              : null
        }
        isBusy={flow.isReading}
        onFile={(file) => void flow.readFile(file)}
      />
      {summary?.fit && configuration ? (
        <ConfigurationFitHint
          fit={summary.fit}
          configurationName={configuration.configuration_name}
          onUse={(better) => void flow.switchToConfiguration(better)}
        />
      ) : null}
      {summary && earlierRuns.length > 0 ? (
        <AlreadyProcessed
          runs={earlierRuns}
          fileName={summary.name}
          isAccepted={flow.sendAgain}
          onSendAgain={() => flow.setSendAgain(true)}
          onOpenRun={flow.openRun}
        />
      ) : null}
      {flow.notice ? <Notice notice={flow.notice} /> : null}
      {summary ? <FileSummaryPanel summary={summary} /> : null}
      {summary?.headerCheck && !validation ? (
        <HeaderCheckPanel
          check={summary.headerCheck}
          isDecided={flow.headersDecided}
          isBusy={flow.isBusy}
          isLikelyWrong={summary.fit?.isLikelyWrong === true}
          onUpdate={() => void flow.updateHeaders()}
          onContinue={() => flow.setHeadersDecided(true)}
        />
      ) : null}
      {needsMapping && summary && configuration ? (
        <MappingStep
          key={`${summary.fileId}-${configuration.id}`}
          summary={summary}
          configuration={configuration}
          onContinue={() => void flow.validate()}
        />
      ) : null}
      {summary && headersReady && !needsMapping && !validation ? (
        <div className="button-row">
          <button type="button" className="primary" disabled={flow.isBusy} onClick={() => void flow.validate()}>
            Validate
          </button>
          <button type="button" onClick={() => flow.setEditingMapping(true)}>
            Edit mapping
          </button>
        </div>
      ) : null}
      {validation ? (
        <ValidationPanel
          validation={validation}
          isAccepted={flow.acceptedInvalid}
          onContinueAnyway={() => flow.setAcceptedInvalid(true)}
        />
      ) : null}
      {validation && !validation.canContinue ? (
        <button
          type="button"
          onClick={() => {
            flow.setValidation(null);
            flow.setEditingMapping(true);
          }}
        >
          Fix mapping
        </button>
      ) : null}
      {readyToSend && validation?.preview ? <PayloadPreview preview={validation.preview} /> : null}
      {readyToSend && validation ? (
        <SendControls
          concurrency={flow.concurrency}
          onConcurrency={flow.setConcurrency}
          onProcess={() => void flow.process()}
          isBusy={flow.isBusy || !canWrite}
          count={validation.valid}
          blockedReason={blockedReason}
        />
      ) : null}
      {showsResults && shown ? (
        <ProcessingResults
          run={shown.run}
          fileId={shown.fileId}
          isBusy={flow.isBusy || sending !== null}
          onAction={(action, fileId) => void flow.act(action, fileId)}
        />
      ) : null}
    </section>
  );
}
