import { useContext, useState } from 'react';
import { measureMappingProgress } from '../../core/csv/mapping-progress';
import type { FileSummary, RunView, ValidationSummary } from '../../worker/processing/processing-api';
import { useDatabase } from '../shared/database-context';
import { DownloadContext } from '../shared/download-context';
import { Notice, type NoticeContent } from '../shared/notice';
import { useApiRead } from '../shared/use-api-read';
import { useCanWrite } from '../shared/use-write-action';
import { ConfigurationPicker } from './configuration-picker';
import { FileDropZone } from './file-drop-zone';
import { FileSummaryPanel } from './file-summary';
import { HeaderCheckPanel } from './header-check-panel';
import { MappingStep } from './mapping-step';
import { OpenRuns } from './open-runs';
import { PayloadPreview } from './payload-preview';
import { ProcessingResults } from './processing-results';
import type { RunAction } from './run-actions';
import { SendControls } from './send-controls';
import { SendProgressPanel } from './send-progress';
import { useSendRun } from './use-send-run';
import { ValidationPanel } from './validation-panel';
import './processing.css';
import { describeThrown } from '../../core/result';

const MESSAGES = {
  readFailed: 'The file could not be read. Nothing was sent. Choose it again; if it keeps failing, save it again from your system (CSV UTF-8) and retry.',
} as const;

/** The `Process file` view itself (loaded lazily by process-file-page.tsx). */
export function ProcessFileView() {
  const { api, notifyChanged, revision } = useDatabase();
  const download = useContext(DownloadContext);
  const canWrite = useCanWrite();
  const [brokerageName, setBrokerageName] = useState('');
  const [configurationId, setConfigurationId] = useState<number | null>(null);
  const { data: brokerages } = useApiRead((a) => a.listBrokerages(), []);
  const { data: configurations } = useApiRead((a) => (brokerageName ? a.listConfigurations(brokerageName) : Promise.resolve([])), [brokerageName]);
  const configuration = configurations?.find((candidate) => candidate.id === configurationId) ?? null;
  const [summary, setSummary] = useState<FileSummary | null>(null);
  const [isReading, setReading] = useState(false);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [headersDecided, setHeadersDecided] = useState(false);
  const [isEditingMapping, setEditingMapping] = useState(false);
  const [validation, setValidation] = useState<ValidationSummary | null>(null);
  const [acceptedInvalid, setAcceptedInvalid] = useState(false);
  const [concurrency, setConcurrency] = useState(4);
  const [run, setRun] = useState<RunView | null>(null);
  const [runFileId, setRunFileId] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { sending, send, cancel } = useSendRun(api);

  const resetFile = () => {
    setSummary(null);
    setValidation(null);
    setAcceptedInvalid(false);
    setHeadersDecided(false);
    setEditingMapping(false);
    setNotice(null);
  };
  const chooseConfiguration = (id: number | null) => {
    setConfigurationId(id);
    resetFile();
  };
  const readFile = async (file: File) => {
    resetFile();
    setRun(null);
    setReading(true);
    try {
      const read = await api.readProcessingFile(file, file.name, configurationId);
      if (read.ok) setSummary(read.value);
      else setNotice({ kind: 'error', text: read.error.message });
    } catch (thrown) {
      setNotice({ kind: 'error', text: MESSAGES.readFailed, detail: describeThrown(thrown) });
    } finally {
      setReading(false);
    }
  };
  const updateHeaders = async () => {
    if (!summary || configurationId === null) return;
    const saved = await api.saveFileHeaders(configurationId, summary.fileId);
    if (!saved.ok) return setNotice({ kind: 'error', text: saved.error.message });
    setHeadersDecided(true);
    await notifyChanged();
  };
  const validate = async () => {
    if (!summary || configurationId === null) return;
    setBusy(true);
    setEditingMapping(false);
    if (summary.headerCheck?.kind === 'new') await api.saveFileHeaders(configurationId, summary.fileId);
    const checked = await api.validateProcessingFile(summary.fileId, configurationId);
    setBusy(false);
    if (checked.ok) setValidation(checked.value);
    else setNotice({ kind: 'error', text: checked.error.message });
  };
  const sendPass = async (runId: number, rows: number, fileId: string | null) => {
    setRunFileId(fileId);
    const ended = await send(runId, rows, concurrency);
    if (ended.ok) setRun(ended.value);
    else setNotice({ kind: 'error', text: ended.error.message, ...(ended.error.detail ? { detail: ended.error.detail } : {}) });
    await notifyChanged();
  };
  const process = async () => {
    if (!summary || configurationId === null || !validation) return;
    setNotice(null);
    setBusy(true);
    const started = await api.startProcessingRun(summary.fileId, configurationId);
    setBusy(false);
    if (!started.ok) return setNotice({ kind: 'error', text: started.error.message });
    setRun(started.value);
    setValidation(null);
    await sendPass(started.value.id, validation.valid, summary.fileId);
  };
  const act = async (action: RunAction, fileId: string | null) => {
    if (!run) return;
    setNotice(null);
    if (action === 'report' || action === 'failed-rows' || action === 'successful-rows') {
      const built = action === 'report'
        ? await api.buildRunReport(run.id)
        : await api.buildRunRowsCsv(run.id, fileId ?? '', action === 'failed-rows' ? 'failed' : 'successful');
      if (built.ok) download(built.value.blob, built.value.fileName);
      else setNotice({ kind: 'error', text: built.error.message });
      return;
    }
    const prepared = await api.prepareResend(run.id, action, fileId);
    if (!prepared.ok) return setNotice({ kind: 'error', text: prepared.error.message });
    setRun({ ...run, isActive: true });
    await sendPass(run.id, prepared.value.rows, fileId);
  };

  const progress = summary ? measureMappingProgress(configuration?.field_mappings ?? {}, summary.headers) : null;
  const headersReady = summary?.headerCheck?.kind !== 'changed' || headersDecided;
  const needsMapping = Boolean(summary && configuration && headersReady && (isEditingMapping || !progress?.isComplete) && !validation);
  const readyToSend = validation !== null && validation.valid > 0 && (validation.invalid === 0 || acceptedInvalid) && validation.canContinue;

  return (
    <section className="catalog-section process-file" aria-labelledby="process-heading">
      <h2 id="process-heading">Process file</h2>
      <OpenRuns currentRunId={run?.id ?? null} refresh={revision} onOpen={(open) => { setRun(open); setRunFileId(open.attachedFileId); }} />
      <ConfigurationPicker
        brokerages={brokerages ?? []} brokerageName={brokerageName} configurations={configurations ?? []} configurationId={configurationId}
        onBrokerage={(name) => { setBrokerageName(name); chooseConfiguration(null); }} onConfiguration={chooseConfiguration}
      />
      {configuration?.needsCredentials ? <p className="notice notice-warning">This configuration has no usable credentials: add them under Brokerages before sending.</p> : null}
      {configuration?.addressProblem ? (
        <p className="notice notice-warning">
          Nothing can be sent with this configuration until its API address is corrected under Brokerages:{' '}
          {configuration.addressProblem}
        </p>
      ) : null}
      <FileDropZone disabled={configuration === null || sending !== null || !canWrite} isBusy={isReading} onFile={(file) => void readFile(file)} />
      {notice ? <Notice notice={notice} /> : null}
      {summary ? <FileSummaryPanel summary={summary} /> : null}
      {summary?.headerCheck && !validation && !run ? (
        <HeaderCheckPanel check={summary.headerCheck} isDecided={headersDecided} isBusy={isBusy}
          onUpdate={() => void updateHeaders()} onContinue={() => setHeadersDecided(true)} />
      ) : null}
      {needsMapping && summary && configuration ? (
        <MappingStep key={`${summary.fileId}-${configuration.id}`} summary={summary} configuration={configuration} onSaved={() => undefined} onContinue={() => void validate()} />
      ) : null}
      {summary && headersReady && !needsMapping && !validation && !run ? (
        <div className="button-row">
          <button type="button" className="primary" disabled={isBusy} onClick={() => void validate()}>
            Validate
          </button>
          <button type="button" onClick={() => setEditingMapping(true)}>
            Edit mapping
          </button>
        </div>
      ) : null}
      {validation ? <ValidationPanel validation={validation} isAccepted={acceptedInvalid} onContinueAnyway={() => setAcceptedInvalid(true)} /> : null}
      {validation && !validation.canContinue ? (
        <button type="button" onClick={() => { setValidation(null); setEditingMapping(true); }}>
          Fix mapping
        </button>
      ) : null}
      {readyToSend && validation?.preview ? <PayloadPreview preview={validation.preview} /> : null}
      {readyToSend && validation ? (
        <SendControls concurrency={concurrency} onConcurrency={setConcurrency} onProcess={() => void process()} isBusy={isBusy || !canWrite} count={validation.valid} />
      ) : null}
      {sending ? <SendProgressPanel sending={sending} onCancel={cancel} /> : null}
      {run && !sending ? <ProcessingResults run={run} fileId={runFileId} isBusy={isBusy} onAction={(action, fileId) => void act(action, fileId)} /> : null}
    </section>
  );
}
