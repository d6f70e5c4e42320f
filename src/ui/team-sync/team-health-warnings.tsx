import type { TeamHealthWarning } from '../../core/team-sync/team-health';
import { formatLocalTime, plural } from '../common/format';

/**
 * Team health's warnings, the same in every browser of the team: a teammate silent for a day
 * with changes only it holds, and a teammate's log this browser cannot read on from. The sidebar
 * shows them short, with the way to the Team view; the Team view says what to do.
 */
export function TeamHealthWarnings({ warnings, short = false }: { warnings: TeamHealthWarning[]; short?: boolean }) {
  if (warnings.length === 0) return null;
  return (
    <>
      {warnings.map((w) => (
        <p key={`${w.kind}-${w.device}`} role="status" className="notice notice-warning">
          {short ? shortText(w) : fullText(w)}
        </p>
      ))}
    </>
  );
}

function shortText(w: TeamHealthWarning): string {
  return w.kind === 'silent'
    ? `Warning: ${w.person}’s browser “${w.browserName}” silent since ${formatLocalTime(w.since)} holding ${plural(w.pending, 'change')} the team does not have.`
    : `Warning: ${w.person}’s changes from “${w.browserName}” cannot be applied here (objects missing in the team store).`;
}

function fullText(w: TeamHealthWarning): string {
  if (w.kind === 'silent')
    return `Warning: ${w.person}’s browser “${w.browserName}” has not been seen since ${formatLocalTime(w.since)} and holds ${plural(w.pending, 'change')} the team does not have. Ask ${w.person} to open the app.`;
  const missing = w.nextThere - 1 > w.missingFrom ? `${w.missingFrom}–${w.nextThere - 1}` : String(w.missingFrom);
  return `Warning: since ${formatLocalTime(w.since)}, changes from ${w.person}’s browser “${w.browserName}” cannot be applied here: its log objects ${missing} are missing from the team store and no snapshot covers them, so its later changes wait. Ask ${w.person} to open the app and make a backup; if the missing objects cannot be put back in the store, restore the team database from a recent backup.`;
}
