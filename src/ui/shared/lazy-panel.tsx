import { useEffect, useState, type ComponentType } from 'react';
import { MODULE_LOAD_FAILED } from '../../worker/lazy/lazy-module';
import { importWhenReachable } from '../../worker/lazy/reachable';

/**
 * A panel whose code loads the first time it is shown (dynamic `import()`, a chunk of its own),
 * so what a user does not need to open the app stays out of what every start downloads. While
 * it loads (a moment; the chunk is precached for offline use) a plain "Opening…" status stands
 * in its place, never a blank. A failed load (offline before the app was saved for offline use)
 * says so and offers `Try again`; the next attempt loads again. Once loaded, every later use
 * renders at once.
 */
export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => {
    loading ??= importWhenReachable(load).then(
      (component) => (loaded = component),
      (thrown: unknown) => {
        loading = null;
        throw thrown;
      },
    );
    return loading;
  };

  function LazyPanel(props: P) {
    const [attempt, setAttempt] = useState(0);
    const [failure, setFailure] = useState<string | null>(null);
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let isCurrent = true;
      start().then(
        () => isCurrent && setReady(true),
        (thrown: unknown) => isCurrent && setFailure(thrown instanceof Error ? thrown.message : String(thrown)),
      );
      return () => {
        isCurrent = false;
      };
    }, [attempt]);

    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (failure !== null) {
      return (
        <div role="alert" className="notice notice-error">
          <p>{MODULE_LOAD_FAILED.message}</p>
          <details>
            <summary>Technical details</summary>
            <code>{failure}</code>
          </details>
          <button type="button" onClick={() => { setFailure(null); setAttempt((n) => n + 1); }}>Try again</button>
        </div>
      );
    }
    return <p role="status" className="caption">Opening…</p>;
  }

  /** Starts loading ahead of the first render (tests, or a hover); resolves when loaded. */
  return Object.assign(LazyPanel, { preload: () => start() });
}
