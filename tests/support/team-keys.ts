import { createTeam, type TeamKey } from '../../src/core/team-store/team-keys';

/** A team key for tests (a real one, with a fast key derivation: the manifest is not the subject). */
export async function testTeamKey(): Promise<TeamKey> {
  const team = await createTeam('correct horse battery staple', '2026-12-07T10:00:00.000Z', 1000);
  if (!team.ok) throw new Error(team.error.message);
  return team.value.teamKey;
}
