import type { SqlValue } from '../db/sql-types';
import type { Conflict, ConflictSide } from './conflicts';
import type { DeviceState } from './device-state';
import { membershipEnd, type MembershipEnd } from './membership';
import { SECRET_FIELDS } from './sync-tables';

/**
 * What the Team view shows, worked out from the engine's records: conflicts with credentials
 * masked (a conflict says a key changed, never the key), and the team's browsers with their
 * health (a browser silent for a day while holding unshared changes is a warning for everyone).
 */

export const SILENT_AFTER_MS = 24 * 3_600_000;

/** What people call the fields a conflict can be about. */
const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  configuration_name: 'name',
  field_mappings: 'field mappings',
  api_credentials: 'API credentials',
  auth_type: 'authentication',
  bearer_token: 'bearer token',
  description: 'description',
  file_headers: 'file headers',
  is_active: 'active',
  '~exists': 'existence',
};

/** A field's name as people read it. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replaceAll('_', ' ');
}

export interface ConflictView extends Omit<Conflict, 'other' | 'kept'> {
  other: ConflictSide & { shown: string };
  kept: (ConflictSide & { shown: string }) | null;
  /** True when the values are credentials (shown masked). */
  isSecret: boolean;
}

export interface TeamBrowser {
  device: string;
  browserName: string;
  person: string;
  lastSeen: string;
  joinedAt: string;
  /** Changes made there and not in the team store yet, as it last said. */
  pending: number;
  lastBackupAt: string | null;
  isThisBrowser: boolean;
  /** Silent for 24 hours while holding unshared changes (never for a browser no longer in the team). */
  isSilentWithChanges: boolean;
  /** Removed from the team or left; null while a member. */
  membershipEnd: MembershipEnd | null;
}

/** A conflict as people see it. */
export function conflictView(conflict: Conflict): ConflictView {
  const isSecret = SECRET_FIELDS.has(conflict.field);
  const show = (side: ConflictSide) => ({
    ...side,
    shown: isSecret ? maskSecret(conflict.field, side.value) : shownValue(conflict.field, side.value),
  });
  return { ...conflict, other: show(conflict.other), kept: conflict.kept ? show(conflict.kept) : null, isSecret };
}

/** The team's browsers, this one first, then by last seen. */
export function teamBrowsers(states: readonly DeviceState[], me: string, nowMs: number): TeamBrowser[] {
  return states
    .map((s) => ({ s, end: s.device === me ? null : membershipEnd(s, states) }))
    .map(({ s, end }) => ({
      device: s.device,
      browserName: s.browserName,
      person: s.person,
      lastSeen: s.lastSeen,
      joinedAt: s.joinedAt,
      pending: s.pending,
      lastBackupAt: s.lastBackupAt,
      isThisBrowser: s.device === me,
      isSilentWithChanges:
        s.device !== me && !end && s.pending > 0 && nowMs - Date.parse(s.lastSeen) >= SILENT_AFTER_MS,
      membershipEnd: end,
    }))
    .sort((a, b) => Number(b.isThisBrowser) - Number(a.isThisBrowser) || b.lastSeen.localeCompare(a.lastSeen));
}

function shownValue(field: string, value: SqlValue): string {
  if (field === '~exists') return value === 1 ? 'exists' : 'deleted';
  if (value === null) return '(empty)';
  return String(value);
}

/** Credentials as a conflict shows them: the address in full, any key or token as dots. */
export function maskSecret(field: string, value: SqlValue): string {
  if (value === null || value === '') return '(none)';
  if (field !== 'api_credentials') return '•••• (a token)';
  try {
    const parsed = JSON.parse(String(value)) as { base_url?: unknown; api_key?: unknown };
    const key = typeof parsed.api_key === 'string' && parsed.api_key !== '' ? 'an API key ••••' : 'no API key';
    return `${typeof parsed.base_url === 'string' ? parsed.base_url : '(no address)'}, ${key}`;
  } catch {
    return '•••• (credentials)';
  }
}
