import { localCalendar, type Calendar } from '../snapshots/calendar';
import { parseObjectName } from './object-names';

/**
 * Which backups in the team store to keep, and why — pure; the caller deletes (store-retention-run.ts).
 * A browser decides only about its own backups (the store's rule: each browser writes, and so
 * deletes, only objects under its own device id). Rules:
 * - daily 30 days (manual downloads and before-risky-step copies count as daily), emergency 90
 *   days, the first verified backup of each calendar month kept 12 months, the first verified of
 *   each year kept 7 years;
 * - the newest verified backup is always kept;
 * - a backup is deleted only when a newer one was verified;
 * - a name that is not exactly ours, an object whose metadata did not open with the team key, or
 *   another browser's backup is never deleted.
 */

export type StoreBackupKind = 'daily' | 'emergency' | 'manual' | 'before-risky';

export interface StoreBackupItem {
  /** The object's full key, as listed. */
  key: string;
  /** From the sealed header; null when it did not open with the team key. */
  metadata: { kind: StoreBackupKind; createdAt: string; deviceId: string } | null;
  /** Read back and checked after upload. */
  verified: boolean;
}

export type StoreKeepReason =
  | 'newest'
  | 'daily'
  | 'emergency'
  | 'monthly'
  | 'yearly'
  | 'no-newer-verified'
  | 'not-ours'
  | 'unreadable'
  | 'other-browser';

export interface StoreRetentionDecision {
  key: string;
  /** Empty exactly when the object is to be deleted. */
  keptFor: StoreKeepReason[];
}

export interface StoreRetentionInput {
  items: readonly StoreBackupItem[];
  prefix: string;
  /** This browser's device id: only its backups are ever deleted. */
  deviceId: string;
  now: Date;
  calendar?: Calendar;
}

export const STORE_KEEP_DAYS = { daily: 30, emergency: 90 } as const;
export const STORE_KEEP_MONTHS = 12;
export const STORE_KEEP_YEARS = 7;

export function planStoreRetention({
  items,
  prefix,
  deviceId,
  now,
  calendar = localCalendar,
}: StoreRetentionInput): StoreRetentionDecision[] {
  const nowMs = now.getTime();
  const reasons = new Map<string, StoreKeepReason[]>(items.map((item) => [item.key, []]));
  const add = (key: string, reason: StoreKeepReason) => reasons.get(key)?.push(reason);
  const own: { key: string; ms: number; kind: StoreBackupKind; verified: boolean }[] = [];
  for (const item of items) {
    const name = parseObjectName(prefix, item.key);
    const createdMs = item.metadata ? Date.parse(item.metadata.createdAt) : NaN;
    if (name?.kind !== 'backup') add(item.key, 'not-ours');
    else if (!item.metadata || Number.isNaN(createdMs) || item.metadata.deviceId !== name.deviceId)
      add(item.key, 'unreadable');
    else if (name.deviceId !== deviceId) add(item.key, 'other-browser');
    else own.push({ key: item.key, ms: createdMs, kind: item.metadata.kind, verified: item.verified });
  }

  const oldestFirst = [...own].sort((a, b) => a.ms - b.ms || (a.key < b.key ? -1 : 1));
  const verified = oldestFirst.filter((b) => b.verified);
  const newest = verified[verified.length - 1];
  if (newest) add(newest.key, 'newest');

  const today = calendar.dayIndex(nowMs);
  for (const b of oldestFirst) {
    const limit = b.kind === 'emergency' ? STORE_KEEP_DAYS.emergency : STORE_KEEP_DAYS.daily;
    if (today - calendar.dayIndex(b.ms) < limit) add(b.key, b.kind === 'emergency' ? 'emergency' : 'daily');
    if (b !== newest && (!newest || newest.ms <= b.ms)) add(b.key, 'no-newer-verified');
  }
  // Oldest first: the first verified backup seen in a month (year) is the one that month keeps.
  const thisMonth = calendar.monthIndex(nowMs);
  const seenMonths = new Set<number>();
  const seenYears = new Set<number>();
  for (const b of verified) {
    const month = calendar.monthIndex(b.ms);
    const year = Math.floor(month / 12);
    if (thisMonth - month < STORE_KEEP_MONTHS && !seenMonths.has(month)) add(b.key, 'monthly');
    if (Math.floor(thisMonth / 12) - year < STORE_KEEP_YEARS && !seenYears.has(year)) add(b.key, 'yearly');
    seenMonths.add(month);
    seenYears.add(year);
  }
  return items.map((item) => ({ key: item.key, keptFor: [...new Set(reasons.get(item.key) ?? [])] }));
}

const REASON_WORDS: Record<StoreKeepReason, string> = {
  newest: 'the newest checked backup',
  daily: `daily, kept ${STORE_KEEP_DAYS.daily} days`,
  emergency: `emergency, kept ${STORE_KEEP_DAYS.emergency} days`,
  monthly: `first of its month, kept ${STORE_KEEP_MONTHS} months`,
  yearly: `first of its year, kept ${STORE_KEEP_YEARS} years`,
  'no-newer-verified': 'no newer backup has been checked yet',
  'not-ours': 'not written by this app here',
  unreadable: "does not open with this team's key",
  'other-browser': "another browser's backup",
};

/** "kept: monthly, yearly" or "deleted: past every period, and a newer backup was checked". */
export function describeDecision(decision: StoreRetentionDecision): string {
  if (decision.keptFor.length === 0) return 'deleted: past every period, and a newer backup was checked';
  return `kept: ${decision.keptFor.map((r) => REASON_WORDS[r]).join('; ')}`;
}
