import type { AuditQuery } from '../../core/audit/audit-query';

/** The audit trail's filters as the form holds them (dates as the date inputs give them). */
export interface AuditFilters {
  kind: string;
  /** '' for anyone; NOBODY for entries without a name. */
  who: string;
  text: string;
  fromDate: string;
  toDate: string;
  failuresOnly: boolean;
}

export const NOBODY = 'audit:nobody';
export const NO_AUDIT_FILTERS: AuditFilters = {
  kind: '',
  who: '',
  text: '',
  fromDate: '',
  toDate: '',
  failuresOnly: false,
};

/** What each entry kind is called in the filter (the audit trail's own words). */
export const KIND_LABELS: readonly [kind: string, label: string][] = [
  ['backup', 'Backups'],
  ['restore', 'Restores'],
  ['undo', 'Undos'],
  ['verify', 'Verifications'],
  ['drill', 'Drills'],
  ['snapshot', 'Snapshots'],
  ['retention', 'Retention deletions'],
  ['settings', 'Settings changes'],
  ['app-lock', 'App lock'],
  ['team-store', 'Team store'],
  ['database-created', 'Database created'],
];

/** The worker's query for the filters; local dates become the UTC bounds of those local days. */
export function auditQueryOf(filters: AuditFilters): AuditQuery {
  return {
    ...(filters.kind ? { kinds: [filters.kind] } : {}),
    ...(filters.who === NOBODY ? { who: '' } : filters.who ? { who: filters.who } : {}),
    ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
    ...(filters.fromDate ? { from: localDayStart(filters.fromDate).toISOString() } : {}),
    ...(filters.toDate ? { to: new Date(localDayStart(filters.toDate).getTime() + 86_400_000 - 1).toISOString() } : {}),
    ...(filters.failuresOnly ? { failuresOnly: true } : {}),
  };
}

/** Whether any filter is set. */
export function hasAuditFilters(filters: AuditFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_AUDIT_FILTERS);
}

function localDayStart(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}
