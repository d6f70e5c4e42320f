import { localCalendar, weekIndex, type Calendar } from './calendar';
import { isPinned, type SnapshotManifest } from './manifest';

/**
 * Which snapshots to keep (grandfather-father-son, docs/design.md "Retention"), and why. Pure: the
 * caller deletes what is not kept. Rules, in order:
 * - pinned snapshots are always kept; so is the newest verified one, and any not yet verified;
 * - of the verified ones: every one of the last 24 h, automatic ones (After changes, Hourly)
 *   thinned to the newest of each hour — a snapshot someone took by hand, or one taken at end of
 *   day, is never thinned away within the day; then the newest of each of the last 30 calendar
 *   days, 12 weeks (Monday to Sunday) and 12 months, today's counted;
 * - a failed snapshot never fills a slot; it stays (for inspection) until a newer one verified
 *   and it is a week old;
 * - over the storage budget, the oldest kept ones go first — never a pinned one, never the
 *   newest verified, never one not yet verified.
 * Nothing is deleted unless a newer snapshot was verified.
 */

export type KeepReason =
  'pinned' | 'newest' | 'last-24h' | 'hourly' | 'daily' | 'weekly' | 'monthly' | 'verifying' | 'failed';

export type RetentionItem = Pick<SnapshotManifest, 'id' | 'takenAt' | 'storedBytes' | 'verification' | 'pin'> &
  Partial<Pick<SnapshotManifest, 'trigger'>>;

/** The triggers that fire by themselves, often: the only ones thinned within the last 24 h. */
const THINNED_TRIGGERS: ReadonlySet<string> = new Set(['after-changes', 'hourly']);

export interface RetentionDecision {
  id: string;
  /** Empty when the snapshot is to be deleted. */
  keptFor: KeepReason[];
  /** Set when deleted: past every class, or removed to stay within the storage budget. */
  deleteBecause: 'expired' | 'budget' | null;
}

export interface RetentionInput {
  snapshots: readonly RetentionItem[];
  now: Date;
  budgetBytes: number;
  calendar?: Calendar;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FAILED_KEPT_MS = 7 * DAY;

/** Each class: how many buckets back it reaches, and the bucket of a moment. */
const CLASSES: readonly {
  reason: KeepReason;
  isInWindow: (c: Calendar, ms: number, nowMs: number) => boolean;
  bucket: (c: Calendar, ms: number) => string | number;
}[] = [
  { reason: 'hourly', isInWindow: (_c, ms, nowMs) => nowMs - ms < DAY, bucket: (c, ms) => c.hourKey(ms) },
  {
    reason: 'daily',
    isInWindow: (c, ms, nowMs) => c.dayIndex(nowMs) - c.dayIndex(ms) < 30,
    bucket: (c, ms) => c.dayIndex(ms),
  },
  {
    reason: 'weekly',
    isInWindow: (c, ms, nowMs) => weekIndex(c, nowMs) - weekIndex(c, ms) < 12,
    bucket: (c, ms) => weekIndex(c, ms),
  },
  {
    reason: 'monthly',
    isInWindow: (c, ms, nowMs) => c.monthIndex(nowMs) - c.monthIndex(ms) < 12,
    bucket: (c, ms) => c.monthIndex(ms),
  },
];

/** Decides, for every snapshot, whether it is kept and why. */
export function planRetention({
  snapshots,
  now,
  budgetBytes,
  calendar = localCalendar,
}: RetentionInput): RetentionDecision[] {
  const nowMs = now.getTime();
  const byNewest = [...snapshots].sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt));
  const verified = byNewest.filter((s) => s.verification.state === 'verified');
  const newestVerifiedMs = verified[0] ? Date.parse(verified[0].takenAt) : null;
  const reasons = new Map<string, KeepReason[]>(byNewest.map((s) => [s.id, []]));
  const add = (id: string, reason: KeepReason) => reasons.get(id)?.push(reason);

  for (const s of byNewest) {
    if (isPinned(s.pin, now)) add(s.id, 'pinned');
    if (s.verification.state === 'pending') add(s.id, 'verifying');
    const hasNewerVerified = newestVerifiedMs !== null && newestVerifiedMs > Date.parse(s.takenAt);
    if (s.verification.state === 'failed' && (!hasNewerVerified || nowMs - Date.parse(s.takenAt) < FAILED_KEPT_MS))
      add(s.id, 'failed');
  }
  if (verified[0]) add(verified[0].id, 'newest');
  for (const s of verified) {
    if (nowMs - Date.parse(s.takenAt) < DAY && s.trigger !== undefined && !THINNED_TRIGGERS.has(s.trigger))
      add(s.id, 'last-24h');
  }
  // byNewest order: the first snapshot seen in a bucket is the newest of it.
  for (const { reason, isInWindow, bucket } of CLASSES) {
    const seen = new Set<string | number>();
    for (const s of verified) {
      const ms = Date.parse(s.takenAt);
      if (!isInWindow(calendar, ms, nowMs)) continue;
      const key = bucket(calendar, ms);
      if (!seen.has(key)) add(s.id, reason);
      seen.add(key);
    }
  }

  const decisions = byNewest.map((s): RetentionDecision => {
    const keptFor = reasons.get(s.id) ?? [];
    // The one rule above all: nothing goes unless a newer snapshot was verified.
    if (keptFor.length === 0 && !(newestVerifiedMs !== null && newestVerifiedMs > Date.parse(s.takenAt)))
      keptFor.push('newest');
    return { id: s.id, keptFor, deleteBecause: keptFor.length === 0 ? 'expired' : null };
  });
  return withinBudget(decisions, byNewest, budgetBytes, newestVerifiedMs);
}

/** Drops the oldest kept snapshots that may go until the kept ones fit the budget. */
function withinBudget(
  decisions: RetentionDecision[],
  byNewest: readonly RetentionItem[],
  budgetBytes: number,
  newestVerifiedMs: number | null,
): RetentionDecision[] {
  const sizes = new Map(byNewest.map((s) => [s.id, s.storedBytes]));
  const hasNewerVerified = new Map(
    byNewest.map((s) => [s.id, newestVerifiedMs !== null && newestVerifiedMs > Date.parse(s.takenAt)]),
  );
  let used = decisions.reduce((sum, d) => sum + (d.keptFor.length > 0 ? (sizes.get(d.id) ?? 0) : 0), 0);
  const protectedReasons: ReadonlySet<KeepReason> = new Set(['pinned', 'newest', 'verifying']);
  for (let i = decisions.length - 1; i >= 0 && used > budgetBytes; i--) {
    const decision = decisions[i];
    if (!decision || decision.keptFor.length === 0 || decision.keptFor.some((r) => protectedReasons.has(r))) continue;
    if (!hasNewerVerified.get(decision.id)) continue;
    used -= sizes.get(decision.id) ?? 0;
    decisions[i] = { id: decision.id, keptFor: [], deleteBecause: 'budget' };
  }
  return decisions;
}

/** "kept: pinned, daily" — what the Backups view shows in its "Why kept" column. */
export function describeKeepReasons(keptFor: readonly KeepReason[]): string {
  const words: Record<KeepReason, string> = {
    pinned: 'pinned',
    newest: 'newest',
    'last-24h': 'taken in the last 24 h',
    hourly: 'hourly',
    daily: 'daily',
    weekly: 'weekly',
    monthly: 'monthly',
    verifying: 'being verified',
    failed: 'failed, kept for inspection',
  };
  return keptFor.length === 0 ? 'to be deleted' : `kept: ${keptFor.map((r) => words[r]).join(', ')}`;
}
