import { describe, it } from 'vitest';
import type { ObjectStore } from '../../src/core/team-store/object-store';
import { objectStoreChecks } from './object-store-checks';

/**
 * The object-store checks under Vitest: the in-memory store (unit tests) and the S3 client against
 * Ceph (store tests) — so the unit tests' stand-in behaves like the real thing. The shared-folder
 * store runs the same checks in Chromium (tests/e2e/folder-object-store.spec.ts).
 */
export function objectStoreContract(label: string, make: () => { store: ObjectStore; prefix: string }): void {
  describe(`object store contract: ${label}`, () => {
    for (const check of objectStoreChecks) {
      it(check.name, async () => {
        const { store, prefix } = make();
        await check.run(store, prefix);
      });
    }
  });
}
