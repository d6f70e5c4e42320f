import type { ChangesByPerson } from '../../core/team-sync/changes-since';
import { plural } from '../common/format';

/** The words of a team restore's preview (also read by the tests). */
export const TEAM_RESTORE_WORDS = {
  replaces: 'This replaces the team’s database for every teammate’s browser.',
  how: 'Each browser keeps a “Before restore” snapshot of its data first, and the team is told who restored what.',
  nothing: 'No teammate changed anything since this file was made.',
  changed: 'What teammates changed since this file — replacing removes it for everyone:',
  confirm:
    'Replacing removes what every teammate’s browser holds now. A snapshot is taken first in each, and Undo restore undoes it for the whole team.',
} as const;

/**
 * In a browser that joined the team database, Replace is the team's: the preview says so in plain
 * words and names what teammates changed since the file, by person (the original procedures'
 * "check with the team before restoring").
 */
export function TeamRestorePreview({ changedSince }: { changedSince: readonly ChangesByPerson[] }) {
  return (
    <div className="notice notice-warning team-restore-preview" role="group" aria-label="Team restore">
      <p>
        <strong>{TEAM_RESTORE_WORDS.replaces}</strong> {TEAM_RESTORE_WORDS.how}
      </p>
      {changedSince.length === 0 ? (
        <p>{TEAM_RESTORE_WORDS.nothing}</p>
      ) : (
        <>
          <p>{TEAM_RESTORE_WORDS.changed}</p>
          <ul aria-label="Changes by teammates since this file">
            {changedSince.map((person) => (
              <li key={person.device ?? person.person}>{describePerson(person)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The engine names at most this many examples per person (core/team-sync/changes-since.ts). */
const MAX_EXAMPLES = 5;

/** "Ben (Desk 2): 1 edit, 2 history rows — configuration “Daily loads”, upload “bob.csv”". */
export function describePerson(person: ChangesByPerson): string {
  const who = person.browserName ? `${person.person} (${person.browserName})` : person.person;
  const counts = [
    person.edited > 0 ? plural(person.edited, 'edit') : null,
    person.added > 0 ? plural(person.added, 'history row') : null,
  ].filter((part) => part !== null);
  const more = person.examples.length >= MAX_EXAMPLES ? ' and more' : '';
  const examples = person.examples.length > 0 ? ` — ${person.examples.join(', ')}${more}` : '';
  return `${who}: ${counts.join(', ')}${examples}`;
}
