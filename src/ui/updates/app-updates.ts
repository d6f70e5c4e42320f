import { createContext, useContext, useSyncExternalStore } from 'react';

/** Whether a newer build of the app is installed and waiting for a reload. */
export type UpdateState = 'current' | 'ready';

/** What the UI needs from the service worker: the update state and a way to switch to it. */
export interface AppUpdates {
  getState(): UpdateState;
  subscribe(listener: (state: UpdateState) => void): () => void;
  /** Activates the new build and reloads the page into it. */
  reload(): Promise<void>;
}

const NO_UPDATES: AppUpdates = {
  getState: () => 'current',
  subscribe: () => () => undefined,
  reload: async () => undefined,
};

/** The app's update source; tests and builds without a service worker get "never an update". */
export const AppUpdatesContext = createContext<AppUpdates>(NO_UPDATES);

/** The update state, re-rendering when a new build becomes ready. */
export function useAppUpdates(): { state: UpdateState; reload: () => Promise<void> } {
  const updates = useContext(AppUpdatesContext);
  const state = useSyncExternalStore(
    (listener) => updates.subscribe(listener),
    () => updates.getState(),
  );
  return { state, reload: () => updates.reload() };
}
