import { describe, expect, it } from 'vitest';
import { lazyInstance, lazyModule, MODULE_LOAD_FAILED, withLoaded } from '../../src/platform/lazy-import';
import { ok } from '../../src/core/result';

/** A loader that fails its first `failures` calls (as a chunk request does while offline). */
function flakyLoader(failures: number) {
  let calls = 0;
  const load = async () => {
    calls++;
    if (calls <= failures) throw new TypeError('Failed to fetch dynamically imported module: /assets/restore-x.js');
    return { answer: 42 };
  };
  return { load, calls: () => calls };
}

describe('parts of the worker loaded on first use', () => {
  it('a failed load is a plain failure, nothing is kept of it, and the next use loads again', async () => {
    const loader = flakyLoader(1);
    const part = lazyModule(loader.load);
    const first = await part();
    expect(first).toEqual({
      ok: false,
      error: {
        code: MODULE_LOAD_FAILED.code,
        message: MODULE_LOAD_FAILED.message,
        detail: expect.stringContaining('Failed to fetch dynamically imported module'),
      },
    });
    expect(MODULE_LOAD_FAILED.message).toMatch(/could not be loaded.*Nothing was changed.*try again/);
    expect(await part()).toEqual(ok({ answer: 42 }));
    expect(loader.calls()).toBe(2);
  });

  it('a module is loaded once, however many calls wait for it at the same time', async () => {
    const loader = flakyLoader(0);
    const part = lazyModule(loader.load);
    const results = await Promise.all([part(), part(), part()]);
    expect(results.every((r) => r.ok)).toBe(true);
    await part();
    expect(loader.calls()).toBe(1);
  });

  it('an instance is built once from its module; until then there is none, and withLoaded passes a failure on', async () => {
    const loader = flakyLoader(1);
    let built = 0;
    const instance = lazyInstance(lazyModule(loader.load), (m) => ({ id: ++built, answer: m.answer }));
    expect(instance.current()).toBeNull();
    const refused = await withLoaded(instance.get, async (i) => ok(i.answer));
    expect(refused.ok ? null : refused.error.code).toBe(MODULE_LOAD_FAILED.code);
    expect(instance.current()).toBeNull();
    expect(await withLoaded(instance.get, async (i) => ok(i.answer))).toEqual(ok(42));
    expect((await instance.get()).ok && instance.current()).toEqual({ id: 1, answer: 42 });
    expect(built).toBe(1);
  });
});
