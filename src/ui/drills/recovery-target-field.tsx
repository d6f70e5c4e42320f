import { useEffect, useId, useState } from 'react';
import { RECOVERY_TARGET_BOUNDS } from '../../core/settings/app-settings';
import { useAppSettings } from '../common/app-settings-context';
import { Notice, type NoticeContent } from '../common/notice';

/** The recovery-time target (a setting, 5 minutes by default): a drill slower than this fails. */
export function RecoveryTargetField() {
  const { settings, updateSettings } = useAppSettings();
  const stored = settings ? String(settings.recoveryTargetMinutes) : '';
  const [text, setText] = useState(stored);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const id = useId();
  useEffect(() => setText(stored), [stored]);

  async function save() {
    if (text === stored || settings === null) return;
    const saved = await updateSettings({ recoveryTargetMinutes: Number(text) });
    setNotice(saved.ok ? null : { kind: 'error', text: saved.error.message });
    if (!saved.ok) setText(stored);
  }

  return (
    <div className="field">
      <label htmlFor={id}>Recovery-time target (minutes)</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={RECOVERY_TARGET_BOUNDS.min}
        max={RECOVERY_TARGET_BOUNDS.max}
        step={1}
        value={text}
        disabled={settings === null}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />
      {notice ? <Notice notice={notice} /> : null}
    </div>
  );
}
