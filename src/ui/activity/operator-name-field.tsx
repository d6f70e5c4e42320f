import { useEffect, useId, useState } from 'react';
import { useAppSettings } from '../common/app-settings-context';
import { Notice, type NoticeContent } from '../common/notice';

/**
 * "Your name", one of the app's settings, so the audit trail says who backed up or restored. It is
 * saved when the box is left or Enter is pressed (one audited change, not one per keystroke).
 */
export function OperatorNameField() {
  const { settings, updateSettings } = useAppSettings();
  const stored = settings?.operatorName ?? '';
  const [text, setText] = useState(stored);
  const [problem, setProblem] = useState<NoticeContent | null>(null);
  const inputId = useId();
  // Another tab, or a restored file, may have set the name.
  useEffect(() => setText(stored), [stored]);

  async function save() {
    if (text.trim() === stored) return;
    const saved = await updateSettings({ operatorName: text });
    setProblem(saved.ok ? null : { kind: 'error', text: saved.error.message });
  }

  return (
    <div className="field">
      <label htmlFor={inputId}>Your name</label>
      <input
        id={inputId}
        value={text}
        maxLength={60}
        autoComplete="name"
        placeholder="for the audit trail"
        disabled={settings === null}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
        }}
      />
      {problem ? <Notice notice={problem} /> : null}
    </div>
  );
}
