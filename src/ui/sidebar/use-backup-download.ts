import { useContext, useState } from 'react';
import type { BackupFile, BackupTrigger } from '../../worker/api';
import { useBackups } from '../backups/backups-context';
import { saveBackupToFolder } from '../backups/folder-backup';
import { useDatabase } from '../database-context';
import { DownloadContext } from '../shared/download-context';
import { formatBytes, plural } from '../shared/format';
import type { NoticeContent } from '../shared/notice';
import { MIN_PASSPHRASE_LENGTH, useBackupSettings } from './backup-settings';

const MESSAGES = {
  needsPassphrase: `Encrypted backups need a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters. Enter it under “Backup file options”, or choose another option. No file was made.`,
  notRecorded:
    'The file was downloaded, but the backup time could not be recorded in this browser, so the banners may still ask for a backup.',
  folderRefused: 'The browser did not allow writing into the backup folder, so the backup was downloaded instead. Press “Reconnect backup folder” to write there next time.',
  downloadedInstead: 'The backup was downloaded instead: move it into the backup folder yourself.',
};

/**
 * Builds a backup in the worker and saves it: into the backup folder when one is connected
 * (read back and checked there before it counts), otherwise as a download; then records the
 * backup point. Used by the sidebar buttons and the banners.
 */
export function useBackupDownload() {
  const { api, notifyChanged } = useDatabase();
  const { folder, refresh } = useBackups();
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
      // Asked first, while the click still counts as the user's: browsers ask only then.
      const toFolder = folder.handle !== null && (await folder.ensureAccess());
      const built = await api.createBackup({ trigger, secrets, ...(secrets === 'encrypted' ? { passphrase } : {}) });
      if (!built.ok) {
        setNotice({ kind: 'error', text: built.error.message, ...(built.error.detail ? { detail: built.error.detail } : {}) });
        return;
      }
      const { what, secretsNote } = describeFile(built.value, secrets);
      if (toFolder && folder.handle) {
        const saved = await saveBackupToFolder(api, folder.handle, built.value, { now: new Date(), ...(secrets === 'encrypted' ? { passphrase } : {}) });
        if (saved.ok) {
          setNotice({ kind: 'success', text: `${trigger === 'emergency' ? 'Emergency backup' : 'Backup'} saved in the backup folder and checked: ${folder.handle.name}/${saved.path} (${what}).${secretsNote}${saved.retention ? ` ${saved.retention}` : ''}` });
        } else {
          const recorded = await downloadAndRecord(built.value);
          setNotice({ kind: 'error', text: `${saved.message} ${recorded ? MESSAGES.downloadedInstead : MESSAGES.notRecorded}`, ...(saved.detail ? { detail: saved.detail } : {}) });
        }
      } else {
        const recorded = await downloadAndRecord(built.value);
        const refused = folder.handle !== null;
        setNotice(
          !recorded ? { kind: 'error', text: MESSAGES.notRecorded }
          : refused ? { kind: 'error', text: MESSAGES.folderRefused }
          : { kind: 'success', text: `${trigger === 'emergency' ? 'Emergency backup' : 'Backup'} ready: ${built.value.fileName} (${what}).${secretsNote}` },
        );
      }
      await notifyChanged();
      await refresh();
    } finally {
      setBusy(null);
    }
  }

  /** Hands the file to the browser's downloads and records the backup point. */
  async function downloadAndRecord(file: BackupFile): Promise<boolean> {
    download(file.blob, file.fileName);
    return (await api.confirmBackupSaved(file.receipt)).ok;
  }

  return { run, busy, notice };
}

/** "2 configurations, 10 uploads, 3.2 kB", and what the file holds of the API keys. */
function describeFile(file: BackupFile, secrets: 'plain' | 'encrypted' | 'omitted'): { what: string; secretsNote: string } {
  const { counts, sizeBytes } = file.receipt;
  const secretsNote =
    secrets === 'plain' ? ' It holds API keys in plain text: store it only in the team’s protected folder.'
    : secrets === 'encrypted' ? ' It is encrypted: keep the passphrase somewhere safe, apart from the file.'
    : ' It holds no API keys: after restoring it, the configurations will ask for their credentials.';
  return { what: `${plural(counts.brokerage_configurations, 'configuration')}, ${plural(counts.upload_history, 'upload')}, ${formatBytes(sizeBytes)}`, secretsNote };
}
