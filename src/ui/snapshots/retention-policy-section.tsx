import { useEffect, useId, useState } from 'react';
import { RETENTION_BOUNDS, type RetentionPolicy } from '../../core/settings/app-settings';
import { useAppSettings } from '../common/app-settings-context';
import { Notice, type NoticeContent } from '../common/notice';

const TIERS: readonly { key: keyof RetentionPolicy; label: string; keeps: string }[] = [
  { key: 'hourlyDays', label: 'Hourly snapshots, days', keeps: 'the newest snapshot of each hour' },
  { key: 'dailyDays', label: 'Daily snapshots, days', keeps: 'the newest of each day' },
  { key: 'weeklyWeeks', label: 'Weekly snapshots, weeks', keeps: 'the newest of each week (Monday to Sunday)' },
  { key: 'monthlyMonths', label: 'Monthly snapshots, months', keeps: 'the newest of each month' },
];

/**
 * `<section aria-label="Snapshot retention">`: how long each tier of snapshots is kept (the
 * seeds' hourly 7 days, daily 30, weekly 12 weeks, monthly a year by default), adjustable within
 * safe bounds; always within the storage budget shown under the snapshots. One `Save retention`
 * is one audited change.
 */
export function RetentionPolicySection() {
  const { settings, updateSettings } = useAppSettings();
  const stored = settings?.retention ?? null;
  const [draft, setDraft] = useState<Record<keyof RetentionPolicy, string> | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const id = useId();
  // Compared by value: the settings are read again after every change anywhere in the app.
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    const policy = JSON.parse(storedKey) as RetentionPolicy | null;
    setDraft(policy ? textOf(policy) : null);
  }, [storedKey]);
  if (!stored || !draft) return null;

  const isChanged = TIERS.some(({ key }) => draft[key] !== String(stored[key]));

  async function save() {
    if (!draft || !isChanged) return;
    const change = Object.fromEntries(TIERS.map(({ key }) => [key, Number(draft[key])])) as unknown as RetentionPolicy;
    const saved = await updateSettings({ retention: change });
    setNotice(
      saved.ok
        ? {
            kind: 'success',
            text: 'Saved: retention applies from the next snapshot. Older snapshots go only after a newer one was verified.',
          }
        : { kind: 'error', text: saved.error.message },
    );
  }

  return (
    <section aria-label="Snapshot retention" className="catalog-section backups-section">
      <h2>Snapshot retention</h2>
      <p className="caption">
        Pinned snapshots, the newest verified one and the safety copies of the last week are always kept; every snapshot
        of the last 24 hours too. Beyond that:
      </p>
      <form
        className="retention-form"
        aria-label="Retention policy"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {TIERS.map(({ key, label, keeps }) => {
          const bounds = RETENTION_BOUNDS[key];
          return (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>{label}</label>
              <input
                id={`${id}-${key}`}
                type="number"
                inputMode="numeric"
                min={bounds.min}
                max={bounds.max}
                step={1}
                value={draft[key]}
                aria-describedby={`${id}-${key}-note`}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              />
              <span className="caption" id={`${id}-${key}-note`}>
                Keeps {keeps}; {bounds.min} to {bounds.max} {bounds.unit}.
              </span>
            </div>
          );
        })}
        <div className="button-row">
          <button type="submit" className={isChanged ? 'primary' : undefined} aria-disabled={!isChanged}>
            Save retention
          </button>
        </div>
      </form>
      {notice ? <Notice notice={notice} takesFocus /> : null}
    </section>
  );
}

function textOf(policy: RetentionPolicy): Record<keyof RetentionPolicy, string> {
  return {
    hourlyDays: String(policy.hourlyDays),
    dailyDays: String(policy.dailyDays),
    weeklyWeeks: String(policy.weeklyWeeks),
    monthlyMonths: String(policy.monthlyMonths),
  };
}
