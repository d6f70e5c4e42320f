import type { ConflictView } from '../../core/team-sync/team-views';
import { fieldLabel } from '../../core/team-sync/team-views';
import { useDatabase } from '../common/database-context';
import { formatLocalTime } from '../common/format';
import { Notice } from '../common/notice';
import { useApiRead } from '../common/use-api-read';
import { useWriteAction } from '../common/use-write-action';

/**
 * Conflicts: edits made at the same time as another one (neither had seen the other) that lost,
 * the same list in every browser. `Use the other value` makes the lost value the team's;
 * `Keep this value` keeps the one the field has. Either is a change like any other, and the
 * conflict ends in every browser.
 */
export function TeamConflictsSection() {
  const { api } = useDatabase();
  const { data: conflicts } = useApiRead((a) => a.listTeamConflicts(), []);
  const { run, isBusy, notice } = useWriteAction();
  if (!conflicts) return null;
  return (
    <section aria-label="Conflicts" className="team-conflicts">
      <h3>Conflicts</h3>
      {notice ? <Notice notice={notice} takesFocus /> : null}
      {conflicts.length === 0 ? (
        <p className="empty-state">No conflicts: every edit the team made is in the data.</p>
      ) : (
        <ul className="conflict-list">
          {conflicts.map((c) => (
            <li key={c.id} aria-labelledby={`conflict-${c.id}`}>
              <p id={`conflict-${c.id}`}>
                <strong>{where(c)}</strong>, {fieldLabel(c.field)}
              </p>
              <dl className="conflict-values">
                <dt>
                  {c.kind === 'deleted' ? 'Now' : 'Kept'}
                  {c.kept ? ` (${c.kept.person}, ${formatLocalTime(c.kept.at)})` : ''}
                </dt>
                <dd>{c.kind === 'deleted' ? 'Deleted' : (c.kept?.shown ?? '(empty)')}</dd>
                <dt>
                  Other value ({c.other.person}, {formatLocalTime(c.other.at)})
                </dt>
                <dd>{c.other.shown}</dd>
              </dl>
              <div className="button-row">
                <button
                  type="button"
                  aria-disabled={isBusy}
                  aria-describedby={`conflict-${c.id}`}
                  onClick={() =>
                    void run(
                      () => api.useOtherTeamValue(c.id),
                      () => otherTaken(c),
                    )
                  }
                >
                  Use the other value
                </button>
                <button
                  type="button"
                  aria-disabled={isBusy}
                  aria-describedby={`conflict-${c.id}`}
                  onClick={() =>
                    void run(
                      () => api.keepCurrentTeamValue(c.id),
                      () => 'Kept, for the whole team.',
                    )
                  }
                >
                  Keep this value
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function where(c: ConflictView): string {
  return c.configuration ? `${c.brokerage} / ${c.configuration}` : c.brokerage;
}

function otherTaken(c: ConflictView): string {
  return `${c.other.person}’s value is now the ${fieldLabel(c.field)} of ${where(c)}, for the whole team.`;
}
