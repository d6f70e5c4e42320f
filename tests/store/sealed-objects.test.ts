import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ObjectMetadata } from '../../src/core/team-store/envelope-format';
import { METADATA_PROBE_BYTES } from '../../src/core/team-store/envelope-format';
import { openObject, readOpenedBody, readSealedHeader } from '../../src/core/team-store/envelope-open';
import { sealObject } from '../../src/core/team-store/envelope-seal';
import { newObjectId, objectKey, relativeObjectName, type ObjectName } from '../../src/core/team-store/object-names';
import { listAll, readAllBytes } from '../../src/core/team-store/object-store';
import { testTeamKey } from '../support/team-keys';
import { freshPrefix, testStore } from '../support/s3-test-store';

/**
 * Sealed backups through the real S3 server: streamed up (multipart when large), the metadata
 * read with one ranged GET, the body opened as it streams down; the bucket host sees no data;
 * an object changed in the bucket is refused.
 */

const teamKey = await testTeamKey();
const DEVICE = newObjectId();
const SECRET_WORDS = ['Acme Freight Brokers', 'sk_live_TOPSECRET123', 'loads_2026-12-07.csv'];

function backupJson(rows: number): Uint8Array {
  const uploads = Array.from({ length: rows }, (_, i) => ({
    id: i,
    brokerage: SECRET_WORDS[0],
    apiKey: SECRET_WORDS[1],
    file: SECRET_WORDS[2],
    load: `LD${String(i).padStart(7, '0')}`,
    weight: (i * 37) % 45_000,
  }));
  return new TextEncoder().encode(JSON.stringify({ format: 'ff2api-backup', uploads }));
}

function metadata(plain: Uint8Array): ObjectMetadata {
  return {
    kind: 'backup',
    createdAt: new Date().toISOString(),
    deviceId: DEVICE,
    person: 'Dana',
    details: {
      backupKind: 'daily',
      fileName: 'ff2api_backup_20261207_180000.json',
      sha256: createHash('sha256').update(plain).digest('hex'),
    },
  };
}

async function upload(prefix: string, plain: Uint8Array): Promise<{ key: string; relative: string }> {
  const name: ObjectName = { kind: 'backup', deviceId: DEVICE, objectId: newObjectId() };
  const relative = relativeObjectName(name);
  const sealed = sealObject({
    teamKey,
    name: relative,
    metadata: metadata(plain),
    body: new Blob([plain as BlobPart]),
    plainSize: plain.byteLength,
  });
  const put = await testStore().put(objectKey(prefix, name), sealed);
  if (!put.ok) throw new Error(put.error.detail);
  return { key: objectKey(prefix, name), relative };
}

describe('sealed objects in Ceph RGW', () => {
  it('a backup goes up sealed, its metadata reads from one ranged GET, and it opens to the same bytes', async () => {
    const store = testStore();
    const prefix = freshPrefix('sealed');
    const plain = backupJson(5000);
    const { key, relative } = await upload(prefix, plain);

    const first = await store.get(key, { start: 0, end: METADATA_PROBE_BYTES - 1 });
    if (!first.ok) throw new Error(first.error.detail);
    const header = await readSealedHeader(teamKey, relative, await readAllBytes(first.value.body));
    if (!('ok' in header) || !header.ok) throw new Error('header did not open');
    expect(header.value.metadata.details).toMatchObject({
      backupKind: 'daily',
      fileName: 'ff2api_backup_20261207_180000.json',
    });
    expect(header.value.plainSize).toBe(plain.byteLength);

    const whole = await store.get(key);
    if (!whole.ok) throw new Error(whole.error.detail);
    const opened = await openObject(teamKey, relative, whole.value.body);
    if (!opened.ok) throw new Error(opened.error.detail);
    const body = await readOpenedBody(relative, opened.value);
    expect(body.ok && createHash('sha256').update(body.value).digest('hex')).toBe(header.value.metadata.details.sha256);
  });

  it('no stored object holds a brokerage name, an API key or a file name in readable form', async () => {
    const store = testStore();
    const prefix = freshPrefix('grep');
    await upload(prefix, backupJson(200));
    await upload(prefix, backupJson(3));
    const listed = await listAll(store, prefix);
    if (!listed.ok) throw new Error(listed.error.detail);
    expect(listed.value).toHaveLength(2);
    for (const object of listed.value) {
      for (const word of SECRET_WORDS) expect(object.name).not.toContain(word);
      const got = await store.get(object.name);
      if (!got.ok) throw new Error(got.error.detail);
      const raw = Buffer.from(await readAllBytes(got.value.body));
      for (const word of [...SECRET_WORDS, 'ff2api_backup_', 'Dana']) {
        expect(raw.includes(Buffer.from(word))).toBe(false);
      }
    }
  });

  it('an object changed in the bucket is refused, and nothing of it is returned', async () => {
    const store = testStore();
    const prefix = freshPrefix('tampered');
    const { key, relative } = await upload(prefix, backupJson(3000));
    const got = await store.get(key);
    if (!got.ok) throw new Error(got.error.detail);
    const raw = await readAllBytes(got.value.body);
    const at = raw.byteLength - 40;
    raw[at] = (raw[at] ?? 0) ^ 0x01;
    expect((await store.put(key, raw)).ok).toBe(true);
    const again = await store.get(key);
    if (!again.ok) throw new Error(again.error.detail);
    const opened = await openObject(teamKey, relative, again.value.body);
    const body = opened.ok ? await readOpenedBody(relative, opened.value) : opened;
    expect(body.ok ? 'opened' : body.error.code).toBe('object-tampered');
  });

  it('a sealed object copied to another name (another browser, another prefix) does not open there', async () => {
    const store = testStore();
    const prefix = freshPrefix('moved');
    const { key } = await upload(prefix, backupJson(10));
    const got = await store.get(key);
    if (!got.ok) throw new Error(got.error.detail);
    const moved: ObjectName = { kind: 'backup', deviceId: newObjectId(), objectId: newObjectId() };
    await store.put(objectKey(prefix, moved), await readAllBytes(got.value.body));
    const copy = await store.get(objectKey(prefix, moved));
    if (!copy.ok) throw new Error(copy.error.detail);
    const opened = await openObject(teamKey, relativeObjectName(moved), copy.value.body);
    const body = opened.ok ? await readOpenedBody('moved', opened.value) : opened;
    expect(body.ok).toBe(false);
  });
});
