import { describe, expect, it } from 'vitest';
import { checkFolder } from '../../../src/platform/team-store/folder/folder-check';
import { MemoryObjectStore } from '../../support/memory-object-store';

/**
 * `Test connection` for a shared folder, over the in-memory store standing in for the folder: each
 * step in order, a failure said with the store's own message and the later steps skipped, and no
 * test file left behind.
 */

const statuses = (report: Awaited<ReturnType<typeof checkFolder>>) =>
  Object.fromEntries(report.steps.map((step) => [step.id, step.status]));

describe('the shared folder check', () => {
  it('a usable folder passes every step and keeps nothing of the check', async () => {
    const store = new MemoryObjectStore();
    const report = await checkFolder(store, 'ff2api/', 'a'.repeat(32));
    expect(statuses(report)).toEqual({ reach: 'ok', list: 'ok', write: 'ok', read: 'ok', delete: 'ok' });
    expect(report.ok).toBe(true);
    expect(report.corsRule.json).toBe('');
    expect(store.objects.size).toBe(0);
  });

  it('access withdrawn: the folder step fails with what to do, the rest is skipped, nothing is written', async () => {
    const store = new MemoryObjectStore();
    store.failNext('denied', (op) => op === 'list');
    const report = await checkFolder(store, 'ff2api/', 'b'.repeat(32));
    expect(statuses(report)).toEqual({
      reach: 'failed',
      list: 'skipped',
      write: 'skipped',
      read: 'skipped',
      delete: 'skipped',
    });
    expect(report.ok).toBe(false);
    expect(store.calls.filter((call) => call.startsWith('put'))).toEqual([]);
  });

  it('a write the folder refuses fails the write step; read and delete are skipped', async () => {
    const store = new MemoryObjectStore();
    store.failNext('server', (op) => op === 'put');
    const report = await checkFolder(store, 'ff2api/', 'c'.repeat(32));
    expect(statuses(report)).toMatchObject({ reach: 'ok', write: 'failed', read: 'skipped', delete: 'skipped' });
  });
});
