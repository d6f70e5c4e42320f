import { logActivity } from '../../core/db/activity';
import type { SqlJsStatic } from '../../core/db/sql-types';
import type { Clock } from '../../core/clock';
import { fail, ok, type Result } from '../../core/result';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { Fact } from '../engine/fact-store';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { Track } from '../engine/progress';
import { classifyCheckFailure, restoreIntoScratch } from '../file-checks/scratch-check';
import type { FileVerification } from './health-types';
import type { RestoreTiming } from './restore-timing';

/**
 * `Verify a backup file`, loaded on first use: a full restore into a scratch database, logged and
 * timed. A file that is no backup at all is that file's result, never a fact about the backups.
 */

/** What verifying a file works with. */
export interface VerifyFileDeps {
  SQL: SqlJsStatic;
  live: LiveDatabase;
  clock: Clock;
  track: Track;
  operator: Operator;
  restoreTiming: Fact<RestoreTiming>;
}

const MESSAGES = {
  locked:
    'This file is encrypted. Enter its passphrase under “Backup file options” and choose the file again to verify it. Nothing was changed.',
  notABackup: (message: string) => `${message} Backup health is not affected: this file is not a backup.`,
};

/** `Verify a backup file`: read, check, build in a scratch database; log and time it. */
export function verifyBackupFile(
  deps: VerifyFileDeps,
  file: BackupSource,
  options: { passphrase?: string } = {},
): Promise<Result<FileVerification>> {
  const { track, clock, live, operator, restoreTiming } = deps;
  return track('check', async (step) => {
    step('Verifying the file in a scratch database', 0, 1)(0);
    const nowIso = clock.now().toISOString();
    const elapsedMs = () => performance.now();
    const result = await restoreIntoScratch(deps.SQL, file.contents, {
      ...options,
      now: nowIso,
      elapsedMs,
    });
    if (result.ok && result.value === 'locked') return fail('needs-passphrase', MESSAGES.locked);
    const report = result.ok && result.value !== 'locked' ? result.value : null;
    const failure = result.ok ? null : result.error;
    const kind = failure ? classifyCheckFailure(failure.code, file.name) : null;
    const by = operator.byline();
    const counts = report?.counts;
    const summary = report
      ? `Verified ${file.name}: sound, ${countWords(counts?.brokerage_configurations ?? 0, 'configuration')} and ${countWords(counts?.upload_history ?? 0, 'upload')} restore in ${Math.round(report.restoreMs)} ms${by}`
      : kind === 'not-a-backup'
        ? `Checked ${file.name}: not a backup file (${failure?.message ?? ''})${by}`
        : `Verification of ${file.name} failed: ${failure?.message ?? ''}${by}`;
    await live.write((db) => {
      logActivity(db, {
        at: nowIso,
        kind: 'verify',
        summary,
        details: {
          fileName: file.name,
          ok: report !== null,
          // A file that is no backup (or could not be judged) is no fact about the backups.
          isBackup: kind === null || kind === 'damaged',
          ...(kind === 'damaged' ? { outcome: 'damaged', problem: failure?.message ?? '' } : {}),
          counts: report?.counts ?? null,
          checksum: report?.checksum ?? null,
          restoreMs: report?.restoreMs ?? null,
          by: operator.nameOrNull,
        },
      });
      return ok(undefined);
    });
    if (failure) {
      const message = kind === 'not-a-backup' ? MESSAGES.notABackup(failure.message) : failure.message;
      return fail(failure.code, message, failure.detail);
    }
    if (!report) return fail('verify-failed', summary);
    const rows = Object.values(report.counts).reduce((sum, n) => sum + n, 0);
    await restoreTiming.write({ ms: report.restoreMs, rows, at: nowIso, what: `verification of ${file.name}` });
    return ok({ fileName: file.name, ...report, verifiedAt: nowIso });
  });
}

/** "1 configuration", "3 configurations". */
function countWords(count: number, singular: string): string {
  return `${count} ${count === 1 ? singular : `${singular}s`}`;
}
