import { useEffect, useState, type ComponentType } from 'react';
import { lazyModule, MODULE_LOAD_FAILED } from '../../platform/lazy-import';

/**
 * A panel whose code loads the first time it is shown (platform/lazy-import.ts), so what a user
 * does not need to open the app stays out of what every start downloads. While it loads (a
 * moment; the chunk is precached for offline use) a plain "Opening…" status stands in its place,
 * never a blank. A failed load says so and offers `Try again`; the next attempt loads again. Once
 * loaded, every later use renders at once.
 */
export function lazyPanel<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  const part = lazyModule(load);
  const start = async (): Promise<string | null> => {
    const result = await part();
    if (!result.ok) return result.error.detail ?? result.error.message;
    loaded = result.value;
    return null;
  };

  function LazyPanel(props: P) {
    const [attempt, setAttempt] = useState(0);
    const [failure, setFailure] = useState<string | null>(null);
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let isCurrent = true;
      void start().then((problem) => {
        if (!isCurrent) return;
        if (problem === null) setReady(true);
        else setFailure(problem);
      });
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
          <button
            type="button"
            onClick={() => {
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </div>
      );
    }
    return (
      <p role="status" className="caption">
        Opening…
      </p>
    );
  }

  /** Starts loading ahead of the first render (tests, or a hover); resolves when loaded. */
  return Object.assign(LazyPanel, { preload: () => start() });
}
