/**
 * Tells this browser's other tabs that the app lock changed here (turned on or off, passphrase
 * changed, locked now), so they reload: a reload drops every decrypted byte they hold and shows
 * the unlock screen when the lock is on. One channel per page, used both ways: a channel never
 * hears its own messages, while a second one in the same page would.
 */
const CHANNEL_NAME = 'ff2api-web-lock';

type LockMessage = { type: 'lock-changed' };

let channel: BroadcastChannel | null | undefined;

function pageChannel(): BroadcastChannel | null {
  channel ??= typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
  return channel;
}

/** Announces a lock change to the other tabs (no-op where BroadcastChannel is missing). */
export function announceLockChange(): void {
  pageChannel()?.postMessage({ type: 'lock-changed' } satisfies LockMessage);
}

/** Calls `listener` when another tab changed the lock; returns the unsubscribe function. */
export function onLockChangedElsewhere(listener: () => void): () => void {
  const shared = pageChannel();
  if (!shared) return () => undefined;
  const onMessage = (event: MessageEvent<LockMessage>) => {
    if (event.data?.type === 'lock-changed') listener();
  };
  shared.addEventListener('message', onMessage);
  return () => shared.removeEventListener('message', onMessage);
}

/** Reloads the page: the only sure way to drop what the page and its worker hold in memory. */
export function reloadPage(): void {
  window.location.reload();
}
