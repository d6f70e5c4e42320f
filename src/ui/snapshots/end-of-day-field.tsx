import { useEffect, useId, useState } from 'react';
import { formatTimeOfDay, parseTimeOfDay } from '../../core/snapshots/end-of-day';
import { useAppSettings } from '../common/app-settings-context';
import { useBackups } from '../common/backups-context';
import { Notice, type NoticeContent } from '../common/notice';

/**
 * The end-of-day setting (default 17:00): when the daily snapshot and file are made. Saved when
 * the box is left or Enter is pressed, so one change is one entry in the audit trail.
 */
export function EndOfDayField() {
  const { endOfDay } = useBackups();
  const { updateSettings } = useAppSettings();
  const stored = formatTimeOfDay(endOfDay);
  const [text, setText] = useState(stored);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const inputId = useId();
  useEffect(() => setText(stored), [stored]);
  const parsed = parseTimeOfDay(text);

  async function save() {
    if (!parsed || formatTimeOfDay(parsed) === stored) return;
    const saved = await updateSettings({ endOfDay: formatTimeOfDay(parsed) });
    setNotice(
      saved.ok
        ? { kind: 'success', text: `Saved: the end of day is now ${saved.value.endOfDay}.` }
        : { kind: 'error', text: saved.error.message },
    );
  }

  return (
    <div className="field end-of-day-field">
      <label htmlFor={inputId}>End of day</label>
      <input
        id={inputId}
        type="time"
        value={text}
        aria-describedby={`${inputId}-note`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
        }}
      />
      <span className="caption" id={`${inputId}-note`}>
        {parsed
          ? `At ${formatTimeOfDay(parsed)} every day: a snapshot, and the daily file into the backup folder (or a reminder to download it).`
          : 'Enter a time such as 17:00.'}
      </span>
      {notice ? <Notice notice={notice} /> : null}
    </div>
  );
}
