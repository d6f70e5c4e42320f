/**
 * Web Locks + BroadcastChannel implementation of TabCoordination. The writer lock is held for as
 * long as the tab lives (the lock callback's promise never settles); closing the tab releases it.
 * A tab that could not get the lock queues for it, so it becomes the writer by itself once the
 * writing tab closes. "Take over" steals the lock; the former writer's request then rejects and it
 * turns read-only.
 */
import * as z from 'zod/mini';
import type { TabCoordination } from '../worker/engine/tab-coordination';

const LOCK_NAME = 'ff2api-web-writer';
const CHANNEL_NAME = 'ff2api-web-database';

/**
 * What another tab announces after a save. Checked before use: any page of this origin can post on
 * the channel (an older build of the app still open in a tab, too), and a generation that is not a
 * whole number would make the next save's comparison meaningless.
 */
const SavedMessage = z.object({ type: z.literal('saved'), generation: z.int().check(z.nonnegative()) });
type SavedMessage = z.infer<typeof SavedMessage>;

/** Creates the coordination, or null when this runtime lacks Web Locks. */
export function createWebTabCoordination(): TabCoordination | null {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks || typeof BroadcastChannel === 'undefined') return null;

  const channel = new BroadcastChannel(CHANNEL_NAME);
  const writerListeners: ((isWriter: boolean) => void)[] = [];
  const savedListeners: ((generation: number) => void)[] = [];
  let isWriter = false;
  let isQueued = false;

  const setWriter = (value: boolean) => {
    if (value === isWriter) return;
    isWriter = value;
    for (const listener of writerListeners) listener(value);
  };

  // Holds the lock until the tab goes away; resolves `granted` when it is ours.
  const holdLock = (options: LockOptions): Promise<boolean> =>
    new Promise<boolean>((granted) => {
      locks
        .request(LOCK_NAME, options, (lock) => {
          if (!lock) {
            granted(false);
            return undefined;
          }
          setWriter(true);
          granted(true);
          return new Promise<never>(() => undefined);
        })
        .catch(() => {
          // Stolen by another tab (AbortError): we no longer write.
          setWriter(false);
          granted(false);
          queueForLock();
        });
    });

  // Waits in line for the lock so this tab takes over by itself when the writer closes.
  const queueForLock = () => {
    if (isQueued) return;
    isQueued = true;
    void holdLock({}).then((gotIt) => {
      if (gotIt) isQueued = false;
    });
  };

  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = SavedMessage.safeParse(event.data);
    if (message.success) for (const listener of savedListeners) listener(message.data.generation);
  };

  return {
    async tryAcquire() {
      const gotIt = await holdLock({ ifAvailable: true });
      if (!gotIt) queueForLock();
      return gotIt;
    },
    async takeOver() {
      await holdLock({ steal: true });
    },
    isWriter: () => isWriter,
    onWriterChange: (listener) => writerListeners.push(listener),
    announceSaved: (generation) => channel.postMessage({ type: 'saved', generation } satisfies SavedMessage),
    onOtherTabSaved: (listener) => savedListeners.push(listener),
  };
}
