import { useState } from 'react';
import { describeTeamNote, type TeamNote } from './team-note';

/**
 * `Copy note for the team`: puts one line about the backup or restore on the clipboard. Where
 * the browser refuses the clipboard, the line is shown to copy by hand.
 */
export function CopyNoteButton({ note }: { note: TeamNote }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const line = describeTeamNote(note);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(line);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <div className="copy-note">
      <button type="button" onClick={() => void copy()}>
        Copy note for the team
      </button>
      {outcome === 'copied' ? <span className="caption"> Copied. Paste it in the team’s chat.</span> : null}
      {outcome === 'failed' ? (
        <p className="caption">
          The browser did not allow copying. Select this line and copy it:{' '}
          <span className="team-note-line">{line}</span>
        </p>
      ) : null}
    </div>
  );
}
