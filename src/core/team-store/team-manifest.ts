import * as z from 'zod/mini';
import { describeIssues, isoUtcTime } from './schema-parts';
import { base64ToBytes, bytesToBase64, decodeUtf8Strict, encodeUtf8 } from '../backup/format/encoding';
import { IV_BYTES, MAX_LOCK_KDF_ITERATIONS, MIN_LOCK_KDF_ITERATIONS, SALT_BYTES } from '../lock/lock-header';
import { fail, ok, type Result } from '../result';
import { MANIFEST_NAME } from './object-names';

/**
 * The team manifest, `<prefix>ff2api-team.json`: plain JSON holding nothing secret on its own —
 * the team id, the passphrase's key-derivation parameters and the team key wrapped twice (under
 * the passphrase's key and under the recovery key). It is outside input when read back (anyone
 * with the bucket key can write it), so it is validated, and the iterations are checked within
 * bounds before a key is derived.
 */

export const TEAM_FORMAT = 'ff2api-team';
const MAX_MANIFEST_BYTES = 16 * 1024;
const WRAPPED_KEY_BYTES = 48; // a 32-byte key plus a 16-byte tag

export interface WrappedTeamKey {
  iv: Uint8Array;
  wrapped: Uint8Array;
}

export interface TeamManifest {
  format: typeof TEAM_FORMAT;
  version: 1;
  teamId: string;
  createdAt: string;
  /** When the passphrase was set or last changed. */
  changedAt: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: Uint8Array };
  passphraseKey: WrappedTeamKey;
  recoveryKey: WrappedTeamKey;
}

const bytesOf = (length: number) =>
  z.pipe(
    z.string().check(z.refine((text) => base64ToBytes(text)?.length === length, `should be ${length} bytes in base64`)),
    z.transform((text: string) => base64ToBytes(text) as Uint8Array),
  );
const wrappedSchema = z.object({ iv: bytesOf(IV_BYTES), wrapped: bytesOf(WRAPPED_KEY_BYTES) });
const isoTime = isoUtcTime();
const manifestSchema = z.object({
  format: z.literal(TEAM_FORMAT),
  version: z.literal(1),
  teamId: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
  createdAt: isoTime,
  changedAt: isoTime,
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().check(z.gte(MIN_LOCK_KDF_ITERATIONS), z.lte(MAX_LOCK_KDF_ITERATIONS)),
    salt: bytesOf(SALT_BYTES),
  }),
  passphraseKey: wrappedSchema,
  recoveryKey: wrappedSchema,
});

/** Reads a manifest's bytes; a damaged, foreign or newer manifest is a clear value. */
export function parseTeamManifest(bytes: Uint8Array): Result<TeamManifest> {
  const refuse = (detail: string) =>
    fail<TeamManifest>(
      'team-manifest-invalid',
      `The team file in the store (${MANIFEST_NAME}) is damaged or not from this app, so the team cannot be opened. ` +
        'Nothing was changed. Check the bucket and prefix; if they are right, ask whoever set up the team store.',
      detail,
    );
  if (bytes.byteLength > MAX_MANIFEST_BYTES) return refuse(`${bytes.byteLength} bytes`);
  const text = decodeUtf8Strict(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch (error) {
    return refuse(`not JSON: ${String(error)}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return refuse(describeIssues(parsed.error));
  return ok(parsed.data);
}

/** A manifest's bytes as stored. */
export function serialiseTeamManifest(manifest: TeamManifest): Uint8Array {
  const wrapped = (key: WrappedTeamKey) => ({ iv: bytesToBase64(key.iv), wrapped: bytesToBase64(key.wrapped) });
  const json = {
    format: manifest.format,
    version: manifest.version,
    teamId: manifest.teamId,
    createdAt: manifest.createdAt,
    changedAt: manifest.changedAt,
    kdf: { ...manifest.kdf, salt: bytesToBase64(manifest.kdf.salt) },
    passphraseKey: wrapped(manifest.passphraseKey),
    recoveryKey: wrapped(manifest.recoveryKey),
  };
  return encodeUtf8(JSON.stringify(json, null, 2));
}
