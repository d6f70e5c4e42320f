import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newObjectId, objectKey } from '../../../src/core/team-store/object-names';
import { ownObjectsOnly } from '../../../src/core/team-store/own-objects-guard';
import { MemoryObjectStore } from '../../support/memory-object-store';

/** The guard every upload and retention delete goes through: only this browser's own objects. */

const PREFIX = 'teams/dispatch/';
const ME = newObjectId();
const OTHER = newObjectId();

describe('writes and deletes only under this browser’s own device id', () => {
  it('lets this browser’s own backups, log and state through', async () => {
    const inner = new MemoryObjectStore();
    const guarded = ownObjectsOnly(inner, PREFIX, ME);
    const mine = objectKey(PREFIX, { kind: 'backup', deviceId: ME, objectId: newObjectId() });
    expect((await guarded.put(mine, new Uint8Array([1]))).ok).toBe(true);
    expect((await guarded.put(objectKey(PREFIX, { kind: 'state', deviceId: ME }), new Uint8Array([2]))).ok).toBe(true);
    expect((await guarded.delete(mine)).ok).toBe(true);
    expect(inner.objects.has(mine)).toBe(false);
  });

  it('refuses, without sending anything, every other name: a teammate’s, the manifest, another prefix, a foreign one', async () => {
    const names = [
      objectKey(PREFIX, { kind: 'backup', deviceId: OTHER, objectId: newObjectId() }),
      `${PREFIX}ff2api-team.json`,
      objectKey('teams/other/', { kind: 'backup', deviceId: ME, objectId: newObjectId() }),
      `${PREFIX}devices/${ME}/backups/notes.txt`,
      `${PREFIX}devices/${ME}/backups/${newObjectId()}/../../${OTHER}/state`,
      objectKey(PREFIX, { kind: 'probe', probeId: newObjectId() }),
    ];
    const inner = new MemoryObjectStore();
    const guarded = ownObjectsOnly(inner, PREFIX, ME);
    for (const name of names) {
      const put = await guarded.put(name, new Uint8Array([1]));
      const removed = await guarded.delete(name);
      expect([put.ok ? 'ok' : put.error.code, removed.ok ? 'ok' : removed.error.code]).toEqual([
        'not-own-object',
        'not-own-object',
      ]);
    }
    expect(inner.calls).toEqual([]);
  });

  it('for any key, a write goes through exactly when it parses as an object of this device', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), async (suffix) => {
        const inner = new MemoryObjectStore();
        const put = await ownObjectsOnly(inner, PREFIX, ME).put(`${PREFIX}${suffix}`, new Uint8Array([1]));
        const isOwn = new RegExp(`^devices/${ME}/(backups/[0-9a-f]{32}|log/\\d{12}|state)$`).test(suffix);
        expect(put.ok).toBe(isOwn);
        expect(inner.calls.length).toBe(isOwn ? 1 : 0);
      }),
      { seed: 1919, numRuns: 300 },
    );
  });
});
