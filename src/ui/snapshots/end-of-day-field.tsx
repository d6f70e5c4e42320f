import { useId, useState } from 'react';
import { formatTimeOfDay, parseTimeOfDay } from '../../core/snapshots/end-of-day';
import { useBackups } from '../shared/backups-context';

/** The end-of-day setting (default 17:00): when the daily snapshot and file are made. */
export function EndOfDayField() {
  const { endOfDay, setEndOfDay } = useBackups();
  const [text, setText] = useState(formatTimeOfDay(endOfDay));
  const inputId = useId();
  const parsed = parseTimeOfDay(text);
  return (
    <div className="field end-of-day-field">
      <label htmlFor={inputId}>End of day</label>
      <input
        id={inputId}
        type="time"
        value={text}
        aria-describedby={`${inputId}-note`}
        onChange={(event) => {
          setText(event.target.value);
          const next = parseTimeOfDay(event.target.value);
          if (next) setEndOfDay(next);
        }}
      />
      <span className="caption" id={`${inputId}-note`}>
        {parsed
          ? `At ${formatTimeOfDay(parsed)} every day: a snapshot, and the daily file into the backup folder (or a reminder to download it).`
          : 'Enter a time such as 17:00.'}
      </span>
    </div>
  );
}
