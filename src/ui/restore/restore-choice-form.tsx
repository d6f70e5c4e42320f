import { useId, type FormEvent } from 'react';
import { MERGE_CONFLICT_RULE } from '../../core/backup/restore/plan';
import type { RestoreMode } from '../../core/backup/restore/changes';
import type { RestorePreview } from '../../worker/restore/restore-types';
import { BackUpFirst } from '../common/back-up-first';
import { formatLocalTime, plural } from '../common/format';
import { RestorePreviewDetails } from './restore-preview';
import { TEAM_RESTORE_WORDS, TeamRestorePreview } from './team-restore-preview';

/** The word a user types before a replace removes what is in this browser. */
export const CONFIRM_WORD = 'RESTORE';

const MESSAGES = {
  older: (changes: number, since: string) =>
    `Replacing undoes ${plural(changes, 'change')} made here since ${formatLocalTime(since)}: the file is older than ${changes === 1 ? 'that change' : 'those changes'}.`,
  unsaved: 'What is in this browser now has changes that are in no backup file yet, and replacing removes them.',
  safe: 'They are all in your latest backup (nothing changed since it), so nothing is lost for good.',
};

export interface RestoreChoiceProps {
  preview: RestorePreview;
  /** What replacing makes the database: "the file’s content", "this copy". */
  subject: string;
  mode: RestoreMode;
  onModeChange: (mode: RestoreMode) => void;
  confirmText: string;
  onConfirmTextChange: (text: string) => void;
  /** True when the database had changes in no backup file when the preview was made. */
  hadUnsavedChanges: boolean;
  isApplying: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** The form's accessible name. */
  label: string;
}

/**
 * The one restore step for anything previewed — a chosen file, a snapshot, the latest file of the
 * backup folder: the preview in names, Replace or Merge, the warning with its own "back up first"
 * button when replacing would lose changes, the typed RESTORE when replacing data, and
 * `Restore database`.
 */
export function RestoreChoiceForm(props: RestoreChoiceProps) {
  const { preview, mode, confirmText, isApplying } = props;
  const confirmId = useId();
  // In a team database a replace is the team's: always confirmed by typing, whatever is here.
  const isTeamRestore = mode === 'replace' && preview.team !== null;
  const needsTypedConfirm = mode === 'replace' && (preview.liveHasData || isTeamRestore);
  const canRestore = !isApplying && (!needsTypedConfirm || confirmText.trim() === CONFIRM_WORD);
  const risk = describeRestoreRisk(preview, mode, props.hadUnsavedChanges);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canRestore) props.onSubmit();
  };
  return (
    <form onSubmit={submit} className="restore-form" aria-label={props.label}>
      <RestorePreviewDetails preview={preview} mode={mode} />
      <fieldset>
        <legend>How to restore</legend>
        <label className="radio">
          <input
            type="radio"
            name={`${confirmId}-mode`}
            value="replace"
            checked={mode === 'replace'}
            onChange={() => props.onModeChange('replace')}
          />
          Replace: {preview.team ? 'the team’s' : 'the'} database becomes exactly {props.subject}
        </label>
        <label className="radio">
          <input
            type="radio"
            name={`${confirmId}-mode`}
            value="merge"
            checked={mode === 'merge'}
            onChange={() => props.onModeChange('merge')}
          />
          Merge: add what is missing, delete nothing
        </label>
        {mode === 'merge' ? <p className="caption">{MERGE_CONFLICT_RULE}</p> : null}
      </fieldset>
      {isTeamRestore && preview.team ? <TeamRestorePreview changedSince={preview.team.changedSince} /> : null}
      {risk?.needsBackup ? <BackUpFirst risk={risk.text} /> : null}
      {risk && !risk.needsBackup ? <p className="notice notice-info">{risk.text}</p> : null}
      {preview.settingChanges[mode].length > 0 ? (
        <p className="caption">
          The file also carries settings this restore takes:{' '}
          {preview.settingChanges[mode].map((c) => `${c.label} ${c.from} → ${c.to}`).join('; ')}.
        </p>
      ) : null}
      {needsTypedConfirm ? (
        <div className="field">
          <label htmlFor={confirmId}>Type RESTORE to confirm</label>
          <input
            id={confirmId}
            value={confirmText}
            autoComplete="off"
            aria-describedby={`${confirmId}-note`}
            onChange={(e) => props.onConfirmTextChange(e.target.value)}
          />
          <span className="caption" id={`${confirmId}-note`}>
            {isTeamRestore
              ? TEAM_RESTORE_WORDS.confirm
              : 'Replacing removes what is in this browser now. A snapshot is taken first so you can undo.'}
          </span>
        </div>
      ) : null}
      <div className="button-row">
        {/* Busy is aria-disabled, not disabled, so keyboard focus stays here until the result takes it. */}
        <button type="submit" className="primary" disabled={!canRestore && !isApplying} aria-disabled={isApplying}>
          {isApplying ? 'Restoring…' : 'Restore database'}
        </button>
        <button type="button" onClick={props.onCancel} disabled={isApplying}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * What replacing would undo (a merge never undoes anything), and whether a backup is needed first:
 * only when changes here are in no backup file. Right after a backup that holds everything (an
 * emergency one, say), what a snapshot restore undoes is safe in that file: said, not asked for again.
 */
export function describeRestoreRisk(
  preview: RestorePreview,
  mode: RestoreMode,
  hadUnsavedChanges: boolean,
): { text: string; needsBackup: boolean } | null {
  if (mode !== 'replace' || !preview.liveHasData) return null;
  const lost = preview.wouldLose.replace;
  if (lost) {
    const older = MESSAGES.older(lost.changes, lost.since);
    return hadUnsavedChanges
      ? { text: older, needsBackup: true }
      : { text: `${older} ${MESSAGES.safe}`, needsBackup: false };
  }
  return hadUnsavedChanges ? { text: MESSAGES.unsaved, needsBackup: true } : null;
}
