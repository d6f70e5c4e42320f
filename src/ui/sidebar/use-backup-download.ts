import { useCallback, useContext, useState } from 'react';
import type { BackupReceipt, BackupTrigger } from '../../worker/api';
import { useDatabase } from '../database-context';
import { DownloadContext } from '../shared/download-context';
import { describeCounts, formatBytes } from '../shared/format';
import type { NoticeContent } from '../shared/notice';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem, useBackupSettings } from './backup-settings';

const MESSAGES = {
  tooShort: `Encrypted backups need a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters. Enter it under “Backup file options”, or choose another option. No file was made.`,
  mismatch: 'The two passphrases under “Backup file options” differ. Type the same passphrase in both fields. No file was made.',
  notRecorded:
    'The file was downloaded, but the backup time could not be recorded in this browser, so the banners may still ask for a backup.',
};

const SECRETS_NOTES = {
  plain: ' It holds API keys in plain text: store it only in the team’s protected folder.',
  encrypted: ' It is encrypted: keep the passphrase somewhere safe, apart from the file.',
  omitted: ' It holds no API keys: after restoring it, the configurations will ask for their credentials.',
} as const;

/**
 * Builds a backup in the worker, hands it to the browser, then records the backup point.
 * Used by the sidebar buttons, the urgent banner and "back up first" warnings.
 */
export function useBackupDownload() {
  const { api, notifyChanged } = useDatabase();
  const download = useContext(DownloadContext);
  const settings = useBackupSettings();
  const { secrets, passphrase } = settings;
  const [busy, setBusy] = useState<BackupTrigger | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  /** The last backup saved from here: for "Copy note for the team". */
  const [saved, setSaved] = useState<BackupReceipt | null>(null);
  const clearNotice = useCallback(() => setNotice(null), []);

  async function run(trigger: BackupTrigger): Promise<boolean> {
    if (busy) return false;
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
      const built = await api.createBackup({ trigger, secrets, ...(secrets === 'encrypted' ? { passphrase } : {}) });
      if (!built.ok) {
        setNotice({ kind: 'error', text: built.error.message, ...(built.error.detail ? { detail: built.error.detail } : {}) });
        return false;
      }
      const { fileName, blob, receipt } = built.value;
      download(blob, fileName);
      const recorded = await api.confirmBackupSaved(receipt);
      const what = `${describeCounts(receipt.counts)}, ${formatBytes(receipt.sizeBytes)}`;
      setNotice(
        recorded.ok
          ? { kind: 'success', text: `${trigger === 'emergency' ? 'Emergency backup' : 'Backup'} ready: ${fileName} (${what}).${SECRETS_NOTES[secrets]}` }
          : { kind: 'error', text: MESSAGES.notRecorded, detail: recorded.error.message },
      );
      if (recorded.ok) setSaved(receipt);
      await notifyChanged();
      return recorded.ok;
    } finally {
      setBusy(null);
    }
  }

  return { run, busy, notice, clearNotice, saved };
}
