import { useContext, useState } from 'react';
import type { BetterFit } from '../../core/csv/configuration-fit';
import { describeThrown } from '../../core/result';
import type { FileSummary, RunView, ValidationSummary } from '../../worker/processing/processing-types';
import { useDatabase } from '../common/database-context';
import { DownloadContext } from '../common/download-context';
import type { NoticeContent } from '../common/notice';
import type { RunAction } from './run-actions';
import { useSending } from './sending-context';
import { useSendRun } from './use-send-run';

const MESSAGES = {
  readFailed:
    'The file could not be read. Nothing was sent. Choose it again; ' +
    'if it keeps failing, save it again from your system (CSV UTF-8) and retry.',
} as const;

/**
 * The Process file workflow's state and steps: the chosen configuration, the file read, the
 * header decision, the mapping step, validation, the already-processed choice, and the runs
 * (started, resent, shown). The run being sent and the one shown live in the SendingProvider.
 */
export function useProcessFile() {
  const { api, notifyChanged } = useDatabase();
  const download = useContext(DownloadContext);
  const { shown, setShown } = useSending();
  const { sending, send, cancel } = useSendRun(api);
  const [brokerageName, setBrokerageName] = useState('');
  const [configurationId, setConfigurationId] = useState<number | null>(null);
  const [summary, setSummary] = useState<FileSummary | null>(null);
  const [isReading, setReading] = useState(false);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [headersDecided, setHeadersDecided] = useState(false);
  const [isEditingMapping, setEditingMapping] = useState(false);
  const [validation, setValidation] = useState<ValidationSummary | null>(null);
  const [acceptedInvalid, setAcceptedInvalid] = useState(false);
  const [sendAgain, setSendAgain] = useState(false);
  const [concurrency, setConcurrency] = useState(4);
  const [isBusy, setBusy] = useState(false);

  const resetFile = () => {
    setSummary(null);
    setValidation(null);
    setAcceptedInvalid(false);
    setHeadersDecided(false);
    setEditingMapping(false);
    setSendAgain(false);
    setNotice(null);
  };
  const chooseBrokerage = (name: string) => {
    setBrokerageName(name);
    setConfigurationId(null);
    resetFile();
  };
  const chooseConfiguration = (id: number | null) => {
    setConfigurationId(id);
    resetFile();
  };
  const readFile = async (file: File) => {
    resetFile();
    // A finished run's results make way for the new file; a run still being sent stays shown.
    if (!sending) setShown(null);
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
  /** Switches to a configuration that fits the file better; the file stays read. */
  const switchToConfiguration = async (better: BetterFit) => {
    if (!summary) return;
    const fileId = summary.fileId;
    resetFile();
    setBrokerageName(better.brokerageName);
    setConfigurationId(better.id);
    const summarized = await api.summarizeLoadedFile(fileId, better.id);
    if (summarized.ok) setSummary(summarized.value);
    else setNotice({ kind: 'error', text: summarized.error.message });
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
    // A first file's columns are kept with the configuration — not a file that may belong elsewhere.
    if (summary.headerCheck?.kind === 'new' && !summary.fit?.isLikelyWrong)
      await api.saveFileHeaders(configurationId, summary.fileId);
    const checked = await api.validateProcessingFile(summary.fileId, configurationId);
    setBusy(false);
    if (checked.ok) setValidation(checked.value);
    else setNotice({ kind: 'error', text: checked.error.message });
  };
  const sendPass = async (run: RunView, rows: number, fileId: string | null) => {
    setShown({ run: { ...run, isActive: true, standing: 'sending' }, fileId });
    const ended = await send(run.id, run.fileName, rows, concurrency);
    if (ended.ok) setShown({ run: ended.value, fileId });
    else
      setNotice({
        kind: 'error',
        text: ended.error.message,
        ...(ended.error.detail ? { detail: ended.error.detail } : {}),
      });
    await notifyChanged();
  };
  const process = async () => {
    if (!summary || configurationId === null || !validation) return;
    setNotice(null);
    setBusy(true);
    const started = await api.startProcessingRun(summary.fileId, configurationId, { sendAgain });
    setBusy(false);
    if (!started.ok) return setNotice({ kind: 'error', text: started.error.message });
    const fileId = summary.fileId;
    resetFile();
    await sendPass(started.value, validation.valid, fileId);
  };
  const act = async (action: RunAction, fileId: string | null) => {
    if (!shown) return;
    const { run } = shown;
    setNotice(null);
    if (action === 'report' || action === 'failed-rows' || action === 'successful-rows') {
      const built =
        action === 'report'
          ? await api.buildRunReport(run.id)
          : await api.buildRunRowsCsv(run.id, fileId ?? '', action === 'failed-rows' ? 'failed' : 'successful');
      const handed = built.ok ? await download(built.value.blob, built.value.fileName) : built;
      if (!handed.ok) setNotice({ kind: 'error', text: handed.error.message });
      return;
    }
    const prepared = await api.prepareResend(run.id, action, fileId);
    if (!prepared.ok) return setNotice({ kind: 'error', text: prepared.error.message });
    await sendPass(run, prepared.value.rows, fileId);
  };
  const openRun = (run: RunView) => {
    resetFile();
    setShown({ run, fileId: run.attachedFileId });
  };

  return {
    brokerageName,
    configurationId,
    summary,
    isReading,
    notice,
    headersDecided,
    isEditingMapping,
    validation,
    acceptedInvalid,
    sendAgain,
    concurrency,
    isBusy,
    sending,
    shown,
    chooseBrokerage,
    chooseConfiguration,
    readFile,
    switchToConfiguration,
    updateHeaders,
    validate,
    process,
    act,
    openRun,
    cancel,
    setHeadersDecided,
    setEditingMapping,
    setValidation,
    setAcceptedInvalid,
    setSendAgain,
    setConcurrency,
  };
}
