import { deriveKey } from '../backup/seal/seal';
import { IV_BYTES, LOCK_KDF_ITERATIONS, SALT_BYTES } from '../lock/lock-header';
import { asBuffer } from '../lock/passphrase-keys';
import { randomBytes } from '../lock/random-bytes';
import { fail, ok, type Result } from '../result';
import { newObjectId } from './object-names';
import { parseRecoveryKey, recoveryKeyText, RECOVERY_KEY_BYTES } from './recovery-key';
import { TEAM_FORMAT, type TeamManifest, type WrappedTeamKey } from './team-manifest';

/**
 * The team key: 32 random bytes every object's key is derived from (object-envelope.ts). It is
 * stored only wrapped (AES-GCM, the team id and the purpose bound as additional data) — once under
 * a key from the team passphrase (PBKDF2-SHA256), once under the recovery key. Opened, it is a
 * non-extractable HKDF key: no code can read its bytes back out.
 */

export const TEAM_PASSPHRASE_MIN_LENGTH = 12;

export interface TeamKey {
  teamId: string;
  /** HKDF-SHA256 base key. */
  key: CryptoKey;
}

const subtle = () => globalThis.crypto.subtle;
type Purpose = 'passphrase' | 'recovery';

/**
 * A new team: its manifest, its opened key, the key's raw bytes (for the browser that keeps it:
 * the passphrase is asked once per browser) and the recovery key's printable text.
 */
export async function createTeam(
  passphrase: string,
  now: string,
  iterations = LOCK_KDF_ITERATIONS,
): Promise<Result<{ manifest: TeamManifest; teamKey: TeamKey; teamKeyBytes: Uint8Array; recoveryKey: string }>> {
  const short = passphraseProblem(passphrase);
  if (short) return short;
  const teamId = newObjectId();
  const raw = randomBytes(32);
  const recovery = randomBytes(RECOVERY_KEY_BYTES);
  const salt = randomBytes(SALT_BYTES);
  const manifest: TeamManifest = {
    format: TEAM_FORMAT,
    version: 1,
    teamId,
    createdAt: now,
    changedAt: now,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
    passphraseKey: await wrap(raw, await deriveKey(passphrase, asBuffer(salt), iterations), teamId, 'passphrase'),
    recoveryKey: await wrap(raw, await recoveryWrappingKey(recovery), teamId, 'recovery'),
  };
  const teamKey = await importTeamKey(teamId, raw);
  const recoveryKey = await recoveryKeyText(recovery);
  const teamKeyBytes = raw.slice();
  raw.fill(0);
  recovery.fill(0);
  return ok({ manifest, teamKey, teamKeyBytes, recoveryKey });
}

/**
 * The team key's raw bytes, unwrapped with the passphrase or the printed recovery key, for the
 * browser that keeps it (in its database, sealed by the app lock): a wrong passphrase is the value
 * 'wrong-passphrase', a wrong or mistyped recovery key its own value.
 */
export async function openTeamKeyBytes(
  manifest: TeamManifest,
  secret: { passphrase: string } | { recoveryKey: string },
): Promise<Result<Uint8Array>> {
  if ('recoveryKey' in secret) return unwrapWithRecovery(manifest, secret.recoveryKey);
  const raw = await unwrapWithPassphrase(manifest, secret.passphrase);
  return raw ? ok(raw) : wrongPassphrase();
}

/** Opens the team key with the passphrase; a wrong one is the value 'wrong-passphrase'. */
export async function openWithPassphrase(manifest: TeamManifest, passphrase: string): Promise<Result<TeamKey>> {
  const raw = await unwrapWithPassphrase(manifest, passphrase);
  if (!raw) return wrongPassphrase();
  return ok(await importAndForget(manifest.teamId, raw));
}

/** Opens the team key with the printed recovery key. */
export async function openWithRecoveryKey(manifest: TeamManifest, typed: string): Promise<Result<TeamKey>> {
  const raw = await unwrapWithRecovery(manifest, typed);
  if (!raw.ok) return raw;
  return ok(await importAndForget(manifest.teamId, raw.value));
}

/**
 * The manifest with the team key wrapped under a new passphrase (a new salt). `current` is the
 * old passphrase or the recovery key; the team key and every object stay as they are.
 */
export async function changeTeamPassphrase(
  manifest: TeamManifest,
  current: { passphrase: string } | { recoveryKey: string },
  nextPassphrase: string,
  now: string,
): Promise<Result<TeamManifest>> {
  const short = passphraseProblem(nextPassphrase);
  if (short) return short;
  let raw: Uint8Array;
  if ('passphrase' in current) {
    const opened = await unwrapWithPassphrase(manifest, current.passphrase);
    if (!opened) return wrongPassphrase();
    raw = opened;
  } else {
    const opened = await unwrapWithRecovery(manifest, current.recoveryKey);
    if (!opened.ok) return opened;
    raw = opened.value;
  }
  const salt = randomBytes(SALT_BYTES);
  const iterations = manifest.kdf.iterations;
  const wrapping = await deriveKey(nextPassphrase, asBuffer(salt), iterations);
  const passphraseKey = await wrap(raw, wrapping, manifest.teamId, 'passphrase');
  raw.fill(0);
  return ok({ ...manifest, changedAt: now, kdf: { ...manifest.kdf, salt }, passphraseKey });
}

function passphraseProblem(passphrase: string): Result<never> | null {
  if ([...passphrase.normalize('NFC')].length >= TEAM_PASSPHRASE_MIN_LENGTH) return null;
  return fail(
    'team-passphrase-short',
    `The team passphrase needs at least ${TEAM_PASSPHRASE_MIN_LENGTH} characters: ` +
      'it protects every copy in the store. ' +
      'Several random words are easy to type and hard to guess. Nothing was changed.',
  );
}

function wrongPassphrase(): Result<never> {
  return fail(
    'wrong-passphrase',
    'That is not the team passphrase. Nothing was changed. Try again, or open the team with the printed recovery key.',
  );
}

async function unwrapWithPassphrase(manifest: TeamManifest, passphrase: string): Promise<Uint8Array | null> {
  const wrapping = await deriveKey(passphrase, asBuffer(manifest.kdf.salt), manifest.kdf.iterations);
  return unwrap(manifest.passphraseKey, wrapping, manifest.teamId, 'passphrase');
}

async function unwrapWithRecovery(manifest: TeamManifest, typed: string): Promise<Result<Uint8Array>> {
  const parsed = await parseRecoveryKey(typed);
  if (!parsed.ok) return parsed;
  const raw = await unwrap(manifest.recoveryKey, await recoveryWrappingKey(parsed.value), manifest.teamId, 'recovery');
  parsed.value.fill(0);
  if (raw) return ok(raw);
  return fail(
    'wrong-recovery-key',
    "This recovery key is well-formed but is not this team's. Nothing was changed. " +
      'Check that it is the key printed for this team.',
  );
}

async function recoveryWrappingKey(bytes: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('raw', asBuffer(bytes), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

// The team id and the purpose are bound: a wrapped key cannot be moved to another team or slot.
function wrapLabel(teamId: string, purpose: Purpose): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`ff2api-team-key:${teamId}:${purpose}`);
}

async function wrap(raw: Uint8Array, wrapping: CryptoKey, teamId: string, purpose: Purpose): Promise<WrappedTeamKey> {
  const iv = randomBytes(IV_BYTES);
  const params = { name: 'AES-GCM', iv: asBuffer(iv), additionalData: wrapLabel(teamId, purpose) };
  const wrapped = new Uint8Array(await subtle().encrypt(params, wrapping, asBuffer(raw)));
  return { iv, wrapped };
}

async function unwrap(
  key: WrappedTeamKey,
  wrapping: CryptoKey,
  teamId: string,
  purpose: Purpose,
): Promise<Uint8Array | null> {
  try {
    const params = { name: 'AES-GCM', iv: asBuffer(key.iv), additionalData: wrapLabel(teamId, purpose) };
    return new Uint8Array(await subtle().decrypt(params, wrapping, asBuffer(key.wrapped)));
  } catch {
    return null;
  }
}

/** The team key as a non-extractable HKDF key (`raw` is left as it is: the caller owns it). */
export async function importTeamKey(teamId: string, raw: Uint8Array): Promise<TeamKey> {
  return { teamId, key: await subtle().importKey('raw', asBuffer(raw), 'HKDF', false, ['deriveKey']) };
}

async function importAndForget(teamId: string, raw: Uint8Array): Promise<TeamKey> {
  const teamKey = await importTeamKey(teamId, raw);
  raw.fill(0);
  return teamKey;
}
