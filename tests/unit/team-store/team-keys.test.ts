import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealObject } from '../../../src/core/team-store/envelope-seal';
import { openObject, readOpenedBody } from '../../../src/core/team-store/envelope-open';
import { parseRecoveryKey, recoveryKeyText } from '../../../src/core/team-store/recovery-key';
import {
  changeTeamPassphrase,
  createTeam,
  openWithPassphrase,
  openWithRecoveryKey,
  type TeamKey,
} from '../../../src/core/team-store/team-keys';
import { parseTeamManifest, serialiseTeamManifest } from '../../../src/core/team-store/team-manifest';

/**
 * The team key's life: created with a passphrase and a recovery key, stored in a manifest that
 * is validated when read back, opened by either, re-wrapped on a passphrase change — and every
 * wrong input a clear value, never an exception.
 */

const NOW = '2026-12-07T10:00:00.000Z';
const PASSPHRASE = 'maple tractor lantern ocean';
const NAME = 'probes/0123456789abcdef0123456789abcdef';

/** Proves two opened team keys are the same key: one seals, the other opens. */
async function sameKey(a: TeamKey, b: TeamKey): Promise<boolean> {
  const body = new TextEncoder().encode('same key?');
  const metadata = {
    kind: 'probe',
    createdAt: NOW,
    deviceId: '0123456789abcdef0123456789abcdef',
    person: '',
    details: {},
  };
  const sealed = sealObject({ teamKey: a, name: NAME, metadata, body, plainSize: body.byteLength });
  const opened = await openObject(b, NAME, sealed);
  if (!opened.ok) return false;
  const read = await readOpenedBody(NAME, opened.value);
  return read.ok && new TextDecoder().decode(read.value) === 'same key?';
}

const created = await createTeam(PASSPHRASE, NOW);
if (!created.ok) throw new Error(created.error.message);
const { manifest, teamKey, recoveryKey } = created.value;

describe('team manifest and keys', () => {
  it('a new team writes a manifest that reads back and opens with the passphrase (600,000 iterations)', async () => {
    const read = parseTeamManifest(serialiseTeamManifest(manifest));
    if (!read.ok) throw new Error(read.error.detail);
    expect(read.value.kdf.iterations).toBe(600_000);
    expect(read.value.teamId).toMatch(/^[0-9a-f]{32}$/);
    const opened = await openWithPassphrase(read.value, PASSPHRASE);
    expect(opened.ok && (await sameKey(teamKey, opened.value))).toBe(true);
  });

  it('the manifest holds nothing readable but parameters: no passphrase, no key', () => {
    const text = new TextDecoder().decode(serialiseTeamManifest(manifest));
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain(recoveryKey.replace(/-/g, ''));
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual([
      'changedAt',
      'createdAt',
      'format',
      'kdf',
      'passphraseKey',
      'recoveryKey',
      'teamId',
      'version',
    ]);
  });

  it('a wrong passphrase is a clear value and opens nothing', async () => {
    const opened = await openWithPassphrase(manifest, 'maple tractor lantern oceans');
    expect(opened.ok ? 'opened' : opened.error.code).toBe('wrong-passphrase');
    expect(opened.ok ? '' : opened.error.message).toMatch(/Nothing was changed/);
  });

  it('a too-short passphrase is refused before anything is made', async () => {
    const team = await createTeam('short', NOW);
    expect(team.ok ? 'made' : team.error.code).toBe('team-passphrase-short');
  });

  it('the recovery key opens the same team key; typed with dashes, spaces and lowercase too', async () => {
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    const opened = await openWithRecoveryKey(manifest, typed);
    expect(opened.ok && (await sameKey(teamKey, opened.value))).toBe(true);
  });

  it('a changed passphrase opens the same key; the old one no longer does; the recovery key still does', async () => {
    const changed = await changeTeamPassphrase(
      manifest,
      { passphrase: PASSPHRASE },
      'new passphrase for the team',
      NOW,
    );
    if (!changed.ok) throw new Error(changed.error.message);
    expect(Buffer.from(changed.value.kdf.salt).equals(Buffer.from(manifest.kdf.salt))).toBe(false);
    const withNew = await openWithPassphrase(changed.value, 'new passphrase for the team');
    expect(withNew.ok && (await sameKey(teamKey, withNew.value))).toBe(true);
    expect((await openWithPassphrase(changed.value, PASSPHRASE)).ok).toBe(false);
    expect((await openWithRecoveryKey(changed.value, recoveryKey)).ok).toBe(true);
  });

  it('a forgotten passphrase is replaced with the recovery key', async () => {
    const reset = await changeTeamPassphrase(manifest, { recoveryKey }, 'chosen after losing the old one', NOW);
    expect(reset.ok && (await openWithPassphrase(reset.value, 'chosen after losing the old one')).ok).toBe(true);
    const wrong = await changeTeamPassphrase(
      manifest,
      { passphrase: 'not the passphrase' },
      'whatever passphrase',
      NOW,
    );
    expect(wrong.ok ? 'changed' : wrong.error.code).toBe('wrong-passphrase');
  });

  it("another team's recovery key is 'wrong-recovery-key'; a typo is 'recovery-key-typo'", async () => {
    const other = await createTeam(PASSPHRASE, NOW, 1000);
    if (!other.ok) throw new Error('no team');
    const wrong = await openWithRecoveryKey(manifest, other.value.recoveryKey);
    expect(wrong.ok ? 'opened' : wrong.error.code).toBe('wrong-recovery-key');
    const swapped = recoveryKey.slice(0, 5) + recoveryKey[6] + recoveryKey[5] + recoveryKey.slice(7);
    const typo = await openWithRecoveryKey(manifest, swapped);
    expect(typo.ok ? 'opened' : typo.error.code).toBe(swapped === recoveryKey ? 'opened' : 'recovery-key-typo');
  });

  it('a manifest moved to another team id no longer opens (the id is bound into the wrapping)', async () => {
    const moved = { ...manifest, teamId: 'f'.repeat(32) };
    expect((await openWithPassphrase(moved, PASSPHRASE)).ok).toBe(false);
  });

  it.each([
    ['not JSON', '{'],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 })],
    ['too few iterations (a weakened copy)', 'ITER:1000'],
    ['too many iterations (would freeze the app)', 'ITER:100000000'],
  ])('a damaged manifest is refused as a value: %s', (_, text) => {
    const json = JSON.parse(new TextDecoder().decode(serialiseTeamManifest(manifest))) as {
      kdf: { iterations: number };
    };
    const bytes = text.startsWith('ITER:')
      ? new TextEncoder().encode(JSON.stringify({ ...json, kdf: { ...json.kdf, iterations: Number(text.slice(5)) } }))
      : new TextEncoder().encode(text);
    const read = parseTeamManifest(bytes);
    expect(read.ok ? 'read' : read.error.code).toBe('team-manifest-invalid');
    expect(read.ok ? '' : read.error.message).toMatch(/Nothing was changed/);
  });
});

describe('recovery key text', () => {
  it('reads back the key it was written from; any single changed character is caught', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(), fc.nat(), async (key, at, shift) => {
        const text = await recoveryKeyText(key);
        const read = await parseRecoveryKey(text);
        expect(read.ok && Buffer.from(read.value).equals(Buffer.from(key))).toBe(true);
        const chars = text.replace(/-/g, '');
        const i = at % chars.length;
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const replacement = alphabet[(alphabet.indexOf(chars[i] ?? '0') + 1 + (shift % 31)) % 32];
        const typo = await parseRecoveryKey(chars.slice(0, i) + replacement + chars.slice(i + 1));
        expect(typo.ok ? 'accepted' : typo.error.code).toBe('recovery-key-typo');
      }),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it('a missing group is named as a length problem', async () => {
    const read = await parseRecoveryKey('ABCD-EFGH');
    expect(read.ok ? 'read' : read.error.code).toBe('recovery-key-length');
  });
});
