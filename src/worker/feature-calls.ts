/**
 * How a feature of the worker declares the calls the page may make: two maps of handlers, each
 * taking the feature's state first and the page's arguments after. `reads` only read and are
 * cheap, so the page asks them again of a worker restarted under them; `actions` change
 * something, or are heavy enough to have been what stopped the worker (a huge file's check), and
 * are never repeated by themselves. Both the page's typed client (worker/app-calls.ts) and the
 * set of calls safe to repeat come from these maps, so a call is written once, where it is handled.
 */

/** A handler: the feature's state, then the page's arguments. */
export type Handler<S> = (state: S, ...args: never[]) => unknown;

/** A feature's handlers, split by whether they may be repeated after a restart. */
export interface FeatureCalls<S> {
  reads: Record<string, Handler<S>>;
  actions: Record<string, Handler<S>>;
}

/** Handlers as the page calls them: no state, and every answer a promise (calls cross a thread). */
export type BoundCalls<M> = {
  [K in keyof M]: M[K] extends (state: never, ...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** Every call of one feature, as the page makes it. */
export type CallsOf<F extends { reads: object; actions: object }> = BoundCalls<F['reads']> & BoundCalls<F['actions']>;

/** The handlers of `calls` bound to `state`. */
export function bindCalls<S, M extends Record<string, Handler<S>>>(calls: M, state: S): BoundCalls<M> {
  const bound: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(calls)) {
    bound[name] = async (...args: never[]) => handler(state, ...args);
  }
  return bound as BoundCalls<M>;
}

/** Both maps of a feature bound to its state. */
export function bindFeature<S, F extends FeatureCalls<S>>(feature: F, state: S): CallsOf<F> {
  return { ...bindCalls(feature.reads, state), ...bindCalls(feature.actions, state) } as CallsOf<F>;
}
