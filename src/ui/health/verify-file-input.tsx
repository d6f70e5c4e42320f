import { useId, useRef, useState } from 'react';
import { MAX_BACKUP_BYTES } from '../../core/backup/format/limits';
import { useBackups } from '../common/backups-context';
import { useDatabase } from '../common/database-context';
import { formatBytes, plural } from '../common/format';
import { FoldingNotice } from '../common/folding-notice';
import type { NoticeContent } from '../common/notice';
import { useBackupSettings } from '../common/backup-settings';

/**
 * `Verify a backup file` (a restore drill): the file is read, checked and built into a scratch
 * database in the worker — the live database is not touched — and the result is logged.
 */
export function VerifyFileInput() {
  const { api, notifyChanged } = useDatabase();
  const { refresh } = useBackups();
  const { passphrase } = useBackupSettings();
  const [isChecking, setChecking] = useState(false);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  async function onChosen(file: File | undefined) {
    if (!file) return;
    setNotice(null);
    if (file.size > MAX_BACKUP_BYTES) {
      setNotice({
        kind: 'error',
        text: `This file is ${formatBytes(file.size)}, over the ${formatBytes(MAX_BACKUP_BYTES)} limit for backup files, so it was not checked.`,
      });
      return;
    }
    setChecking(true);
    try {
      const result = await api.verifyBackupFile({ name: file.name, contents: file }, passphrase ? { passphrase } : {});
      if (result.ok) {
        const { counts, checksum, restoreMs } = result.value;
        setNotice({
          kind: 'success',
          text: `Verified ${file.name}: it restores completely (integrity and links checked, checksum ${checksum.slice(0, 12)}… matches) — ${plural(counts.brokerages, 'brokerage')}, ${plural(counts.brokerage_configurations, 'configuration')}, ${plural(counts.upload_history, 'upload')}, ${plural(counts.processing_errors, 'processing error')}. A restore would take about ${(restoreMs / 1000).toFixed(1)} s. Your database was not touched.`,
        });
      } else {
        setNotice({
          kind: 'error',
          text: `${file.name} failed verification: ${result.error.message}`,
          ...(result.error.detail ? { detail: result.error.detail } : {}),
        });
      }
      await notifyChanged();
      await refresh();
    } finally {
      setChecking(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="sidebar-section">
      <h3 id={`${inputId}-heading`}>Verify</h3>
      <label htmlFor={inputId} className="field">
        Verify a backup file
      </label>
      <input
        id={inputId}
        ref={inputRef}
        type="file"
        accept=".json,.gz,application/json,application/gzip"
        disabled={isChecking}
        onChange={(event) => void onChosen(event.target.files?.[0])}
      />
      <p className="caption">
        A test restore into a scratch database: nothing here changes. The monthly drill (Backups → Drills) picks a
        backup for you.
      </p>
      {isChecking ? <p role="status">Verifying the file…</p> : null}
      {notice ? <FoldingNotice notice={notice} takesFocus /> : null}
    </section>
  );
}
