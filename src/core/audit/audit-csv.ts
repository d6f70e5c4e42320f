import { writeCsv } from '../csv/csv-write';
import type { AuditEntry } from './audit-entry';

/**
 * The audit trail as a CSV file for the team's records (`Export CSV`), through the app's one CSV
 * writer (a summary quoting a customer's file name can never run as a spreadsheet formula).
 */

const HEADER = ['Time (UTC)', 'Local time', 'Who', 'What', 'Kind', 'Outcome', 'Written in'] as const;

/** The CSV text of `entries`, in the order given. */
export function auditCsv(entries: readonly AuditEntry[], formatLocal: (iso: string) => string): string {
  return writeCsv(
    HEADER,
    entries.map((entry) => [
      entry.at,
      formatLocal(entry.at),
      entry.who ?? (entry.isAutomatic ? 'FF2API (automatic)' : ''),
      entry.what,
      entry.kind,
      entry.isFailure ? 'failed' : 'done',
      entry.importedFrom === null ? 'this browser' : `restored from ${entry.importedFrom}`,
    ]),
  );
}

/** `ff2api_audit_YYYYMMDD_HHMMSS.csv`, in the user's local time. */
export function auditFileName(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `ff2api_audit_${date}_${time}.csv`;
}
