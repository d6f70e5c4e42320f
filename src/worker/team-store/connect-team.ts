import { fail, ok, type Result } from '../../core/result';
import { MANIFEST_NAME } from '../../core/team-store/object-names';
import { readAllBytes, type ObjectStore } from '../../core/team-store/object-store';
import { checkStoreAddress, normalisePrefix, type StoreAddress } from '../../core/team-store/store-address';
import { createTeam, openTeamKeyBytes, TEAM_PASSPHRASE_MIN_LENGTH } from '../../core/team-store/team-keys';
import { parseTeamManifest, serialiseTeamManifest } from '../../core/team-store/team-manifest';
import type { S3Settings } from '../../platform/team-store/s3-request';
import type { StoreTransport } from './store-transport';
import type { ConnectionTest, ConnectOutcome, ConnectRequest, StoreSettingsInput } from './team-store-types';
import { s3SettingsOf } from './team-session';

/**
 * `Test connection` and `Connect`: the address checked first (nothing is signed for a bad one),
 * then the connection check, then the team at the prefix — created when there is none (its
 * manifest written create-only where the store honours it; the recovery key shown once), joined
 * with the passphrase or the recovery key when there is one. Nothing is stored here: the caller
 * keeps the connection only when this succeeds.
 */

export interface JoinedTeam {
  state: 'joined';
  address: StoreAddress;
  teamId: string;
  teamKeyBytes: Uint8Array;
  created: boolean;
  recoveryKey: string | null;
  protection: string[] | null;
}

export interface ConnectContext {
  transport: StoreTransport;
  now: () => Date;
  /** The passphrase's key derivation strength for a new team (tests lower it; joining reads the manifest's). */
  kdfIterations?: number;
}

const MESSAGES = {
  mismatch: 'The two team passphrases differ. Type the same passphrase in both fields. Nothing was changed.',
  raced:
    'Another browser created a team at this prefix a moment ago. Nothing was changed here: connect again to join ' +
    'it with its passphrase.',
  noSecret: 'Type the team passphrase (or use the printed recovery key) to connect. Nothing was changed.',
  unknown:
    'The store passed the check but did not say whether a team already uses this prefix. Nothing was changed. ' +
    'Try again in a moment.',
  noTeamForRecovery:
    'No team uses this prefix yet, so a recovery key cannot open one. Check the bucket and prefix; to start a new ' +
    'team here, type a new team passphrase instead. Nothing was changed.',
  short:
    'No team uses this prefix yet: Connect will create one. Its passphrase needs at least ' +
    `${TEAM_PASSPHRASE_MIN_LENGTH} characters: it protects every copy in the store. ` +
    'Several random words are easy to type and hard to guess. Nothing was changed.',
  folderPrefix:
    'The folder inside the shared folder should be names of letters, digits, dots, dashes or underscores ' +
    'separated by "/", like ff2api/ (or empty for the shared folder itself).',
  noKey:
    'Type the access key ID and the secret access key the bucket owner gave you (a key limited to this bucket). ' +
    'Nothing was changed.',
};

export async function testConnection(
  ctx: ConnectContext,
  input: StoreSettingsInput & { origin: string },
): Promise<Result<ConnectionTest>> {
  const checked = checkInput(input);
  if (!checked.ok) return checked;
  return ok(await runCheck(ctx, checked.value.address, checked.value.settings, input.origin));
}

export async function openOrCreateTeam(
  ctx: ConnectContext,
  request: ConnectRequest,
): Promise<Result<JoinedTeam | Exclude<ConnectOutcome, { state: 'connected' }>>> {
  const checked = checkInput(request);
  if (!checked.ok) return checked;
  const { address, settings } = checked.value;
  const test = await runCheck(ctx, address, settings, request.origin);
  if (!test.report.ok) return ok({ state: 'check-failed', test });
  if (test.team === 'unknown') return fail('team-unknown', MESSAGES.unknown);
  const store = ctx.transport.open(settings);
  const manifestKey = `${address.prefix}${MANIFEST_NAME}`;
  const joined = (teamId: string, teamKeyBytes: Uint8Array, created: boolean, recoveryKey: string | null) =>
    ctx.transport
      .protection(settings)
      .then((protection) =>
        ok<JoinedTeam>({ state: 'joined', address, teamId, teamKeyBytes, created, recoveryKey, protection }),
      );

  if (test.team === 'none') {
    if (request.recoveryKey?.trim()) return fail('team-none', MESSAGES.noTeamForRecovery);
    if ([...request.passphrase.normalize('NFC')].length < TEAM_PASSPHRASE_MIN_LENGTH) {
      return fail('team-passphrase-short', MESSAGES.short);
    }
    if (request.confirmPassphrase === undefined || request.confirmPassphrase === '') {
      return ok({ state: 'needs-confirmation', test });
    }
    if (request.confirmPassphrase !== request.passphrase) return fail('team-passphrase-mismatch', MESSAGES.mismatch);
    const team = await createTeam(request.passphrase, ctx.now().toISOString(), ctx.kdfIterations);
    if (!team.ok) return team;
    const written = await store.put(manifestKey, serialiseTeamManifest(team.value.manifest), {
      ifNoneMatch: '*',
      contentType: 'application/json',
    });
    if (!written.ok && written.error.code === 'precondition-failed') return fail('team-raced', MESSAGES.raced);
    if (!written.ok) return { ok: false, error: written.error };
    return joined(team.value.manifest.teamId, team.value.teamKeyBytes, true, team.value.recoveryKey);
  }

  const manifest = await readManifest(store, manifestKey);
  if (!manifest.ok) return manifest;
  const recoveryKey = request.recoveryKey?.trim() ?? '';
  if (recoveryKey === '' && request.passphrase === '') return fail('team-passphrase-missing', MESSAGES.noSecret);
  const bytes = await openTeamKeyBytes(
    manifest.value,
    recoveryKey !== '' ? { recoveryKey } : { passphrase: request.passphrase },
  );
  if (!bytes.ok) return bytes;
  return joined(manifest.value.teamId, bytes.value, false, null);
}

async function runCheck(
  ctx: ConnectContext,
  address: StoreAddress,
  settings: S3Settings,
  origin: string,
): Promise<ConnectionTest> {
  const report = await ctx.transport.check(settings, { prefix: address.prefix, origin });
  if (!report.ok) return { report, team: 'unknown' };
  const found = await ctx.transport.open(settings).head(`${address.prefix}${MANIFEST_NAME}`);
  if (found.ok) return { report, team: 'exists' };
  return { report, team: found.error.code === 'not-found' ? 'none' : 'unknown' };
}

async function readManifest(store: ObjectStore, key: string) {
  const got = await store.get(key);
  if (!got.ok) return { ok: false as const, error: got.error };
  return parseTeamManifest(await readAllBytes(got.value.body));
}

function checkInput(input: StoreSettingsInput): Result<{ address: StoreAddress; settings: S3Settings }> {
  if (input.kind === 'folder') return checkFolderInput(input);
  const address = checkStoreAddress(input);
  if (!address.ok) return address;
  const accessKeyId = input.accessKeyId.trim();
  const secretAccessKey = input.secretAccessKey.trim();
  if (accessKeyId === '' || secretAccessKey === '') return fail('store-key-missing', MESSAGES.noKey);
  return ok({ address: address.value, settings: s3SettingsOf({ ...address.value, accessKeyId, secretAccessKey }) });
}

/** A shared folder: only the prefix is checked (a folder inside it); there is no address or key. */
function checkFolderInput(input: StoreSettingsInput): Result<{ address: StoreAddress; settings: S3Settings }> {
  const prefix = normalisePrefix(input.prefix);
  if (prefix === null) return fail('store-prefix', MESSAGES.folderPrefix);
  const address: StoreAddress = { endpoint: '', region: '', bucket: input.bucket.trim(), prefix, addressing: 'path' };
  return ok({ address, settings: s3SettingsOf({ ...address, accessKeyId: '', secretAccessKey: '' }) });
}
