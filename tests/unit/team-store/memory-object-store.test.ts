import { describe, expect, it } from 'vitest';
import { listAll, readAllBytes } from '../../../src/core/team-store/object-store';
import { MemoryObjectStore } from '../../support/memory-object-store';
import { objectStoreContract } from '../../support/object-store-contract';

/** The in-memory store keeps the contract, and can behave like the weaker stores the app must survive. */

objectStoreContract('in memory', () => ({ store: new MemoryObjectStore(), prefix: 'team/' }));

describe('in-memory store, simulating weaker stores', () => {
  const bytes = new TextEncoder().encode('x');

  it('without conditional writes, a create-only put overwrites (as B2 or a synced folder may)', async () => {
    const store = new MemoryObjectStore({ honoursConditionalWrites: false });
    await store.put('k', new TextEncoder().encode('first'), { ifNoneMatch: '*' });
    expect((await store.put('k', new TextEncoder().encode('second'), { ifNoneMatch: '*' })).ok).toBe(true);
    const got = await store.get('k');
    expect(got.ok && new TextDecoder().decode(await readAllBytes(got.value.body))).toBe('second');
  });

  it('with a listing lag, a new object reads at once but lists only later', async () => {
    let now = 1_000_000;
    const store = new MemoryObjectStore({ listingLagMs: 5000, now: () => now });
    await store.put('p/new', bytes);
    expect((await store.get('p/new')).ok).toBe(true);
    const early = await listAll(store, 'p/');
    expect(early.ok && early.value).toEqual([]);
    now += 5000;
    const later = await listAll(store, 'p/');
    expect(later.ok && later.value.map((o) => o.name)).toEqual(['p/new']);
  });

  it('fails chosen calls with chosen codes, then recovers', async () => {
    const store = new MemoryObjectStore();
    store.failNext('throttled', (op) => op === 'put', 2);
    const first = await store.put('a', bytes);
    expect(first.ok ? 'ok' : first.error.code).toBe('throttled');
    expect(first.ok ? '' : first.error.message).toMatch(/slow down/);
    expect((await store.put('a', bytes)).ok).toBe(false);
    expect((await store.put('a', bytes)).ok).toBe(true);
    store.failNext('unreachable', () => true, Infinity);
    expect((await store.list('')).ok).toBe(false);
    store.recover();
    expect((await store.list('')).ok).toBe(true);
    expect(store.calls.slice(0, 3)).toEqual(['put a', 'put a', 'put a']);
  });

  it('refuses deletes of locked names, as Object Lock does', async () => {
    const store = new MemoryObjectStore();
    await store.put('locked', bytes);
    store.locked.add('locked');
    const deleted = await store.delete('locked');
    expect(deleted.ok ? 'deleted' : deleted.error.code).toBe('denied');
    expect(store.objects.has('locked')).toBe(true);
  });
});
