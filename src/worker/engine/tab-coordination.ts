/**
 * How tabs agree on who writes. Only the tab holding the writer lock may change the database;
 * the others read and follow its saves. Implemented with Web Locks + BroadcastChannel in
 * src/platform/web-tab-coordination.ts; tests use the same implementation where the runtime has
 * those APIs, or `singleTabCoordination` where it has not.
 */
export interface TabCoordination {
  /** Tries to become the writer without waiting; true when this tab now writes. */
  tryAcquire(): Promise<boolean>;
  /** Takes the lock from whichever tab holds it (the user asked to take over). */
  takeOver(): Promise<void>;
  /** Whether this tab holds the lock now. */
  isWriter(): boolean;
  /** Called when another tab took the lock from us, or when the lock came to us after waiting. */
  onWriterChange(listener: (isWriter: boolean) => void): void;
  /** Tells the other tabs that a new generation was saved. */
  announceSaved(generation: number): void;
  /** Called when another tab saved a new generation. */
  onOtherTabSaved(listener: (generation: number) => void): void;
}

/** For runtimes without Web Locks: one tab, always the writer. */
export function singleTabCoordination(): TabCoordination {
  return {
    tryAcquire: async () => true,
    takeOver: async () => undefined,
    isWriter: () => true,
    onWriterChange: () => undefined,
    announceSaved: () => undefined,
    onOtherTabSaved: () => undefined,
  };
}
