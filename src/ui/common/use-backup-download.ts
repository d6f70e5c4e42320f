import { useCallback, useContext, useRef, useState } from 'react';
import { ok, type Result } from '../../core/result';
import type { BackupFile, BackupReceipt, BackupTrigger } from '../../worker/backup-files/backup-file-types';
import { useBackups } from './backups-context';
import { saveBackupToFolder } from './lazy-folder-backup';
import { useDatabase } from './database-context';
import { DownloadContext } from './download-context';
import { describeCounts, formatBytes } from './format';
import type { NoticeContent } from './notice';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem, useBackupSettings } from './backup-settings';
import { copyToStore as sendToStore, STORE_COPY_SENDING } from './lazy-store-copy';

const MESSAGES = {
  tooShort: `Encrypted backups need a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters. Enter it under “Backup file options”, or choose another option. No file was made.`,
  mismatch:
    'The two passphrases under “Backup file options” differ. Type the same passphrase in both fields. No file was made.',
  notRecorded:
    'The file was downloaded, but the backup time could not be recorded in this browser, so the banners may still ask for a backup.',
  folderRefused:
    'The browser did not allow writing into the backup folder, so the backup was downloaded instead. Press “Reconnect backup folder” to write there next time.',
  downloadedInstead: 'The backup was downloaded instead: move it into the backup folder yourself.',
};

const SECRETS_NOTES = {
  plain: ' It holds API keys in plain text: store it only in the team’s protected folder.',
  encrypted: ' It is encrypted: keep the passphrase somewhere safe, apart from the file.',
  omitted: ' It holds no API keys: after restoring it, the configurations will ask for their credentials.',
} as const;

/**
 * Builds a backup in the worker and saves it: into the backup folder when one is connected
 * (read back and checked there before it counts), otherwise as a download; then records the
 * backup point. Used by the sidebar buttons, the banners and "back up first" warnings.
 */
export function useBackupDownload() {
  const { api, notifyChanged } = useDatabase();
  const { folder, refresh, overview } = useBackups();
  const hasStore = Boolean(overview?.store);
  /** Which run's result is on screen: a late store copy never overwrites a newer run's words. */
  const currentRun = useRef(0);
  const download = useContext(DownloadContext);
  const settings = useBackupSettings();
  const { secrets, passphrase } = settings;
  const [busy, setBusy] = useState<BackupTrigger | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  /** The last backup saved from here: for "Copy note for the team". */
  const [saved, setSaved] = useState<BackupReceipt | null>(null);
  const clearNotice = useCallback(() => setNotice(null), []);

  /** Makes and saves one backup; true when it is saved and counts as the backup point. */
  async function run(trigger: BackupTrigger): Promise<boolean> {
    if (busy) return false;
    const runId = ++currentRun.current;
    const problem = passphraseProblem(settings);
    if (problem) {
      setSaved(null);
      setNotice({ kind: 'error', text: problem === 'mismatch' ? MESSAGES.mismatch : MESSAGES.tooShort });
      return false;
    }
    setBusy(trigger);
    setNotice(null);
    setSaved(null);
    try {
      // Asked first, while the click still counts as the user's: browsers ask only then.
      const toFolder = folder.handle !== null && (await folder.ensureAccess());
      const built = await api.createBackup({ trigger, secrets, ...(secrets === 'encrypted' ? { passphrase } : {}) });
      if (!built.ok) {
        setNotice({
          kind: 'error',
          text: built.error.message,
          ...(built.error.detail ? { detail: built.error.detail } : {}),
        });
        return false;
      }
      const { fileName, receipt } = built.value;
      const label = trigger === 'emergency' ? 'Emergency backup' : 'Backup';
      const what = `${describeCounts(receipt.counts)}, ${formatBytes(receipt.sizeBytes)}`;
      let isSaved: boolean;
      let result: NoticeContent;
      if (toFolder && folder.handle) {
        const written = await saveBackupToFolder(api, folder.handle, built.value, {
          now: new Date(),
          ...(secrets === 'encrypted' ? { passphrase } : {}),
        });
        if (written.ok) {
          isSaved = true;
          result = {
            kind: 'success',
            text: `${label} saved in the backup folder and checked: ${folder.handle.name}/${written.path} (${what}).${SECRETS_NOTES[secrets]}${written.retention ? ` ${written.retention}` : ''}`,
          };
        } else {
          const handed = await downloadAndRecord(built.value);
          isSaved = handed.ok && handed.value;
          const after = !handed.ok ? handed.error.message : isSaved ? MESSAGES.downloadedInstead : MESSAGES.notRecorded;
          result = {
            kind: 'error',
            text: `${written.message} ${after}`,
            ...(written.detail ? { detail: written.detail } : {}),
          };
        }
      } else {
        const handed = await downloadAndRecord(built.value);
        isSaved = handed.ok && handed.value;
        const refused = folder.handle !== null;
        result = !handed.ok
          ? { kind: 'error', text: handed.error.message }
          : !isSaved
            ? { kind: 'error', text: MESSAGES.notRecorded }
            : refused
              ? { kind: 'error', text: MESSAGES.folderRefused }
              : { kind: 'success', text: `${label} ready: ${fileName} (${what}).${SECRETS_NOTES[secrets]}` };
      }
      // The result shows once everything it reports is recorded (status, health, the eviction marker).
      await notifyChanged();
      await refresh();
      if (isSaved) setSaved(receipt);
      setNotice(isSaved && hasStore ? { ...result, text: `${result.text} ${STORE_COPY_SENDING}` } : result);
      // The team store's copy follows the local file and never holds up its result.
      if (isSaved && hasStore) void copyToStore(built.value, result, runId);
      return isSaved;
    } finally {
      setBusy(null);
    }
  }

  /** The copy for the team store; the notice then says what became of it. */
  async function copyToStore(file: BackupFile, local: NoticeContent, runId: number): Promise<void> {
    const words = await sendToStore(api, file, file.receipt.trigger === 'emergency' ? 'emergency' : 'manual');
    if (runId === currentRun.current) setNotice({ ...local, text: `${local.text}${words}` });
    await notifyChanged();
    await refresh();
  }

  /**
   * Hands the file to the browser's downloads and records the backup point: whether it was
   * recorded, or why the download could not start (then nothing is recorded).
   */
  async function downloadAndRecord(file: BackupFile): Promise<Result<boolean>> {
    const handed = await download(file.blob, file.fileName);
    if (!handed.ok) return handed;
    return ok((await api.confirmBackupSaved(file.receipt)).ok);
  }

  return { run, busy, notice, clearNotice, saved };
}
