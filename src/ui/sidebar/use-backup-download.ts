import { useContext, useState } from 'react';
import type { BackupTrigger } from '../../worker/api';
import { useDatabase } from '../database-context';
import { DownloadContext } from '../shared/download-context';
import { formatBytes, plural } from '../shared/format';
import type { NoticeContent } from '../shared/notice';
import { MIN_PASSPHRASE_LENGTH, useBackupSettings } from './backup-settings';

const MESSAGES = {
  needsPassphrase: `Encrypted backups need a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters. Enter it under “Backup file options”, or choose another option. No file was made.`,
  notRecorded:
    'The file was downloaded, but the backup time could not be recorded in this browser, so the banners may still ask for a backup.',
};

/**
 * Builds a backup in the worker, hands it to the browser, then records the backup point.
 * Used by both the sidebar buttons and the urgent banner.
 */
export function useBackupDownload() {
  const { api, notifyChanged } = useDatabase();
  const download = useContext(DownloadContext);
  const { secrets, passphrase } = useBackupSettings();
  const [busy, setBusy] = useState<BackupTrigger | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);

  async function run(trigger: BackupTrigger): Promise<void> {
    if (secrets === 'encrypted' && passphrase.length < MIN_PASSPHRASE_LENGTH) {
      setNotice({ kind: 'error', text: MESSAGES.needsPassphrase });
      return;
    }
    setBusy(trigger);
    setNotice(null);
    try {
      const built = await api.createBackup({ trigger, secrets, ...(secrets === 'encrypted' ? { passphrase } : {}) });
      if (!built.ok) {
        setNotice({ kind: 'error', text: built.error.message, ...(built.error.detail ? { detail: built.error.detail } : {}) });
        return;
      }
      const { fileName, blob, receipt } = built.value;
      download(blob, fileName);
      const recorded = await api.confirmBackupSaved(receipt);
      const what = `${plural(receipt.counts.brokerage_configurations, 'configuration')}, ${plural(receipt.counts.upload_history, 'upload')}, ${formatBytes(receipt.sizeBytes)}`;
      const secretsNote =
        secrets === 'plain' ? ' It holds API keys in plain text: store it only in the team’s protected folder.'
        : secrets === 'encrypted' ? ' It is encrypted: keep the passphrase somewhere safe, apart from the file.'
        : ' It holds no API keys: after restoring it, the configurations will ask for their credentials.';
      setNotice(
        recorded.ok
          ? { kind: 'success', text: `${trigger === 'emergency' ? 'Emergency backup' : 'Backup'} ready: ${fileName} (${what}).${secretsNote}` }
          : { kind: 'error', text: MESSAGES.notRecorded, detail: recorded.error.message },
      );
      await notifyChanged();
    } finally {
      setBusy(null);
    }
  }

  return { run, busy, notice };
}
