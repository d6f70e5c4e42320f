import type { TeamBrowser } from '../../core/team-sync/team-views';
import type { TeamSyncStatus } from '../../worker/team-sync/team-sync-types';
import { ConfirmDialog } from '../common/confirm-dialog';
import { useDatabase } from '../common/database-context';
import { formatLocalTime, plural } from '../common/format';
import { Notice } from '../common/notice';
import { useWriteAction } from '../common/use-write-action';

/**
 * Who is in the team: removing a teammate's browser, leaving with this one, and what a browser
 * that was removed or left says. Both are announced to the team; neither deletes anything here.
 */

/** `Remove <name> from the team`, for one teammate's row, behind a confirm that says what it means. */
export function RemoveBrowserButton({ browser }: { browser: TeamBrowser }) {
  const { api } = useDatabase();
  const { run, isBusy, notice } = useWriteAction();
  const remove = () =>
    run(
      () => api.removeTeamBrowser(browser.device),
      ({ announced }) =>
        announced
          ? `${browser.browserName} was removed from the team. It stops syncing the next time it opens the app.`
          : `${browser.browserName} was removed here; the team store cannot be reached now, so the team is told at the next sync.`,
    );
  return (
    <>
      <ConfirmDialog
        trigger="Remove"
        triggerLabel={`Remove ${browser.browserName} from the team`}
        title={`Remove ${browser.browserName} from the team?`}
        description={`${browser.person}’s browser “${browser.browserName}” stops syncing the next time it opens the app, and the team no longer waits for it. Its changes already shared stay in the team database. ${browser.pending > 0 ? `The ${plural(browser.pending, 'change')} it has not shared stay in that browser only. ` : ''}Nothing is deleted there, and it can join again later.`}
        confirmLabel="Remove from the team"
        disabled={isBusy}
        onConfirm={() => void remove()}
      />
      {notice ? <Notice notice={notice} takesFocus /> : null}
    </>
  );
}

/** `Leave the team`: announced, then this browser stops syncing (its data stays). */
export function LeaveTeamButton() {
  const { api } = useDatabase();
  const { run, isBusy, notice } = useWriteAction();
  const leave = () => run(() => api.leaveTeam());
  return (
    <div className="button-row">
      <ConfirmDialog
        trigger="Leave the team"
        title="Leave the team?"
        description="The team is told that this browser left, and it stops syncing: teammates’ changes no longer arrive here and changes made here are no longer shared. Changes not shared yet are shared first if the store can be reached. This browser’s data stays here, and it can join again later."
        confirmLabel="Leave the team"
        disabled={isBusy}
        onConfirm={() => void leave()}
      />
      {notice ? <Notice notice={notice} takesFocus /> : null}
    </div>
  );
}

/** What a browser that was removed from the team, or left it, says in plain words. */
export function DepartureNotice({ departure }: { departure: NonNullable<TeamSyncStatus['departure']> }) {
  const when = formatLocalTime(departure.at);
  const what =
    departure.kind === 'removed'
      ? `${departure.person} removed this browser from the team on ${when}.`
      : `This browser left the team on ${when}.`;
  const unshared =
    departure.unshared > 0
      ? ` ${plural(departure.unshared, 'change')} made here ${departure.unshared === 1 ? 'was' : 'were'} not shared with the team; ${departure.unshared === 1 ? 'it is' : 'they are'} kept here and shared if this browser joins again.`
      : '';
  return (
    <p role="status" className="notice notice-warning">
      {what} It no longer syncs; its data stays here.{unshared}
    </p>
  );
}
