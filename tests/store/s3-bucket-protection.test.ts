import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { readBucketProtection, describeProtection } from '../../src/platform/team-store/s3-bucket-settings';
import { freshPrefix, testStore } from '../support/s3-test-store';

/** Versioning and Object Lock are detected, described, and a refused delete is a value. */

describe('bucket versioning and Object Lock against Ceph RGW', () => {
  it('a plain bucket has neither', async () => {
    const protection = await readBucketProtection(testStore().requester);
    expect(protection.ok && protection.value).toEqual({ versioning: 'off', objectLock: { enabled: false } });
    expect(protection.ok && describeProtection(protection.value)).toEqual([]);
  });

  it('a bucket created with Object Lock reports versioning and the lock, in plain words', async () => {
    const store = testStore({ bucket: inject('s3').S3_BUCKET_LOCKED });
    const protection = await readBucketProtection(store.requester);
    if (!protection.ok) throw new Error(protection.error.detail);
    expect(protection.value.versioning).toBe('enabled');
    expect(protection.value.objectLock.enabled).toBe(true);
    const words = describeProtection(protection.value).join(' ');
    expect(words).toMatch(/keeps old versions/);
    expect(words).toMatch(/Object Lock is on/);
  });

  it('deleting a locked version is refused as "denied", a value — and the object stays', async () => {
    const store = testStore({ bucket: inject('s3').S3_BUCKET_LOCKED });
    const name = `${freshPrefix('locked')}backup`;
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const body = new TextEncoder().encode('locked backup');
    const md5 = (await import('node:crypto')).createHash('md5').update(body).digest('base64');
    const put = await store.requester.send({
      method: 'PUT',
      key: name,
      body,
      headers: {
        'x-amz-object-lock-mode': 'GOVERNANCE',
        'x-amz-object-lock-retain-until-date': until,
        'content-md5': md5,
      },
    });
    if (!put.ok) throw new Error(put.error.detail);
    const versionId = put.response.headers.get('x-amz-version-id') ?? '';
    expect(versionId).not.toBe('');
    const refused = await store.delete(name, { versionId });
    expect(refused.ok ? 'deleted' : refused.error.code).toBe('denied');
    const still = await store.head(name);
    expect(still.ok && still.value.size).toBe(body.byteLength);
  });

  it('a plain delete in a versioned bucket hides the object (a delete marker) and succeeds', async () => {
    const store = testStore({ bucket: inject('s3').S3_BUCKET_LOCKED });
    const name = `${freshPrefix('versioned')}backup`;
    expect((await store.put(name, new TextEncoder().encode('v1'))).ok).toBe(true);
    expect((await store.delete(name)).ok).toBe(true);
    const gone = await store.head(name);
    expect(gone.ok ? 'found' : gone.error.code).toBe('not-found');
  });
});
