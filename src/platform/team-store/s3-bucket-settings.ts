import type { StoreResult } from '../../core/team-store/object-store';
import { storeError } from '../../core/team-store/store-errors';
import type { S3Requester } from './s3-request';
import { parseObjectLock, parseVersioning, type ObjectLockSettings, type VersioningState } from './s3-xml';

/**
 * What the bucket does on its own that retention must respect: versioning (a delete only hides
 * the newest version; older ones stay until the bucket's own rules remove them) and Object Lock
 * (locked versions cannot be deleted before their date — the app says so and never fights it).
 */

export interface BucketProtection {
  versioning: VersioningState;
  objectLock: ObjectLockSettings;
}

export async function readBucketProtection(requester: S3Requester): Promise<StoreResult<BucketProtection>> {
  const versioning = await readVersioning(requester);
  if (!versioning.ok) return versioning;
  const objectLock = await readObjectLock(requester);
  if (!objectLock.ok) return objectLock;
  return { ok: true, value: { versioning: versioning.value, objectLock: objectLock.value } };
}

async function readVersioning(requester: S3Requester): Promise<StoreResult<VersioningState>> {
  const answer = await requester.send({ method: 'GET', query: { versioning: '' } });
  if (!answer.ok) return answer;
  const text = await answer.response.text();
  const state = parseVersioning(text);
  if (state === null)
    return { ok: false, error: storeError('server', `versioning: unreadable answer ${text.slice(0, 200)}`) };
  return { ok: true, value: state };
}

async function readObjectLock(requester: S3Requester): Promise<StoreResult<ObjectLockSettings>> {
  const answer = await requester.send({ method: 'GET', query: { 'object-lock': '' } });
  // A bucket without Object Lock answers 404 (ObjectLockConfigurationNotFoundError).
  if (!answer.ok) return answer.error.code === 'not-found' ? { ok: true, value: { enabled: false } } : answer;
  const text = await answer.response.text();
  const settings = parseObjectLock(text);
  if (settings === null)
    return { ok: false, error: storeError('server', `object lock: unreadable answer ${text.slice(0, 200)}`) };
  return { ok: true, value: settings };
}

/** Plain words for the setup screen and retention's report. */
export function describeProtection(protection: BucketProtection): string[] {
  const lines: string[] = [];
  if (protection.versioning === 'enabled') {
    lines.push(
      'This bucket keeps old versions: when retention deletes a backup, the bucket keeps its earlier version ' +
        "until the bucket's own lifecycle rules remove it.",
    );
  } else if (protection.versioning === 'suspended') {
    lines.push('Versioning is suspended on this bucket: versions kept earlier stay until the bucket removes them.');
  }
  if (protection.objectLock.enabled) {
    const retention = protection.objectLock.defaultRetention;
    const period = retention
      ? ` (${retention.mode}, ${retention.years ? `${retention.years} years` : `${retention.days ?? 0} days`})`
      : '';
    lines.push(
      `Object Lock is on for this bucket${period}: backups cannot be removed before their lock ends. ` +
        'Retention will skip them and say so.',
    );
  }
  return lines;
}
