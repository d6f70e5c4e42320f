import { gunzipSync } from 'node:zlib';
import { openObject, readOpenedBody } from '../../../src/core/team-store/envelope-open';
import { MANIFEST_NAME } from '../../../src/core/team-store/object-names';
import { listAll, readAllBytes, type ObjectStore } from '../../../src/core/team-store/object-store';
import { openWithPassphrase, type TeamKey } from '../../../src/core/team-store/team-keys';
import { parseTeamManifest } from '../../../src/core/team-store/team-manifest';
import { S3ObjectStore } from '../../../src/platform/team-store/s3-object-store';

/**
 * The test's own view of the real S3 server (Ceph RGW, started by Playwright's global setup):
 * what the page wrote, read from Node with the same client — every object's raw bytes, the team
 * manifest opened with the passphrase, a backup object opened into the backup file it holds.
 */

export const TEAM_PASSPHRASE = 'harbor violet seventeen kettles';

export function s3Env() {
  const need = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: the S3 global setup did not run`);
    return value;
  };
  return {
    endpoint: need('S3_ENDPOINT'),
    region: need('S3_REGION'),
    bucket: need('S3_BUCKET'),
    bucketNoCors: need('S3_BUCKET_NO_CORS'),
    bucketLocked: need('S3_BUCKET_LOCKED'),
    accessKeyId: need('S3_ACCESS_KEY'),
    secretAccessKey: need('S3_SECRET_KEY'),
  };
}

/** A prefix no other run uses (the server is shared by every run on this machine). */
export function freshPrefix(label: string): string {
  return `e2e-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}/`;
}

export function nodeStore(bucket = s3Env().bucket): S3ObjectStore {
  const env = s3Env();
  return new S3ObjectStore({ ...env, bucket, addressing: 'path' });
}

/** Every object under `prefix`, with its bytes. */
export async function allObjects(store: ObjectStore, prefix: string): Promise<{ key: string; bytes: Uint8Array }[]> {
  const listed = await listAll(store, prefix);
  if (!listed.ok) throw new Error(listed.error.detail);
  const objects = [];
  for (const { name } of listed.value) {
    const got = await store.get(name);
    if (!got.ok) throw new Error(got.error.detail);
    objects.push({ key: name, bytes: await readAllBytes(got.value.body) });
  }
  return objects;
}

/** The backup objects' keys under `prefix`. */
export async function backupKeys(store: ObjectStore, prefix: string): Promise<string[]> {
  const listed = await listAll(store, `${prefix}devices/`);
  if (!listed.ok) throw new Error(listed.error.detail);
  return listed.value.map((o) => o.name).filter((name) => /\/backups\/[0-9a-f]{32}$/.test(name));
}

/** The team key, opened from the manifest the page wrote, with the passphrase. */
export async function openTeamKey(store: ObjectStore, prefix: string, passphrase = TEAM_PASSPHRASE): Promise<TeamKey> {
  const got = await store.get(`${prefix}${MANIFEST_NAME}`);
  if (!got.ok) throw new Error(got.error.detail);
  const manifest = parseTeamManifest(await readAllBytes(got.value.body));
  if (!manifest.ok) throw new Error(manifest.error.message);
  const key = await openWithPassphrase(manifest.value, passphrase);
  if (!key.ok) throw new Error(key.error.message);
  return key.value;
}

/** The backup file a backup object holds, as text (opened with the team key, as a restore would). */
export async function readBackupObject(
  store: ObjectStore,
  teamKey: TeamKey,
  prefix: string,
  key: string,
): Promise<string> {
  const got = await store.get(key);
  if (!got.ok) throw new Error(got.error.detail);
  const relative = key.slice(prefix.length);
  const opened = await openObject(teamKey, relative, got.value.body);
  if (!opened.ok) throw new Error(opened.error.message);
  const body = await readOpenedBody(relative, opened.value);
  if (!body.ok) throw new Error(body.error.message);
  const bytes = body.value[0] === 0x1f && body.value[1] === 0x8b ? gunzipSync(body.value) : body.value;
  return new TextDecoder().decode(bytes);
}
