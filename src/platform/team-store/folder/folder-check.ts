import { probeName } from '../../../core/team-store/object-names';
import { readAllBytes, type ObjectStore } from '../../../core/team-store/object-store';
import type { StoreError } from '../../../core/team-store/store-errors';
import type { CheckStep, CheckStepId, ConnectionReport } from '../connection-check';

/**
 * `Test connection` for a shared folder: the folder answers (it is there and the browser allows
 * access), a listing, a test file written, read back and deleted. There is no signature, CORS rule
 * or bucket protection to check, and create-only writes are only as good as a folder's (see
 * folder-object-store.ts), which the protocol never relies on.
 */
export async function checkFolder(store: ObjectStore, prefix: string, probeId: string): Promise<ConnectionReport> {
  const steps: CheckStep[] = [];
  const add = (id: CheckStepId, status: CheckStep['status'], message: string, error?: StoreError) =>
    steps.push({ id, status, message, ...(error?.detail ? { detail: error.detail } : {}) });
  const report = (): ConnectionReport => ({
    ok: steps.every((s) => s.status !== 'failed'),
    steps,
    corsRule: { json: '', xml: '' },
  });
  const skip = (ids: CheckStepId[]) => {
    for (const id of ids) add(id, 'skipped', 'Not checked: an earlier step failed.');
    return report();
  };

  const listed = await store.list(prefix, { pageSize: 1 });
  if (!listed.ok) {
    add('reach', 'failed', listed.error.message, listed.error);
    return skip(['list', 'write', 'read', 'delete']);
  }
  add('reach', 'ok', 'The shared folder is there and this browser may use it.');
  add('list', 'ok', 'The app can list the files in the folder.');
  const name = probeName(prefix, probeId);
  const bytes = new TextEncoder().encode(`FF2API Web folder check ${probeId}`);
  const written = await store.put(name, bytes);
  if (!written.ok) {
    add('write', 'failed', written.error.message, written.error);
    return skip(['read', 'delete']);
  }
  add('write', 'ok', 'A test file was written.');
  const read = await store.get(name);
  const back = read.ok ? await readAllBytes(read.value.body) : null;
  if (!read.ok) add('read', 'failed', read.error.message, read.error);
  else if (back?.join() === bytes.join()) add('read', 'ok', 'It read back exactly as written.');
  else add('read', 'failed', 'It read back different from what was written: this folder cannot be trusted.');
  const deleted = await store.delete(name);
  if (deleted.ok) add('delete', 'ok', 'The test file was deleted.');
  else add('delete', 'failed', deleted.error.message, deleted.error);
  return report();
}
