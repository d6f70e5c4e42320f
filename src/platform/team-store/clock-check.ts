/**
 * How far this computer's clock is from the app's own server, from the Date header of a
 * same-origin request (readable, unlike any header of a refused cross-origin answer). From a
 * page, a store that refuses a skewed signature looks unreachable (its 403 may carry no CORS
 * headers), so the connection check asks this instead. Null when the server cannot be asked.
 */
export const MAX_SIGNATURE_SKEW_MS = 15 * 60_000;

export async function clockOffsetFromOrigin(
  origin: string,
  localNow: () => Date = () => new Date(),
): Promise<number | null> {
  try {
    // A query the service worker's precache does not match, so the answer comes from the server.
    const url = `${origin}/?ff2api-clock=${Math.random().toString(36).slice(2)}`;
    const sentAt = localNow().getTime();
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(10_000) });
    const receivedAt = localNow().getTime();
    const serverTime = Date.parse(response.headers.get('date') ?? '');
    if (Number.isNaN(serverTime)) return null;
    // The Date header has whole seconds and was made somewhere between sending and receiving.
    return (sentAt + receivedAt) / 2 - serverTime;
  } catch {
    return null;
  }
}

/** Plain words for a clock this far off, or null when it is close enough for S3's signatures. */
export function clockSkewWords(offsetMs: number | null): string | null {
  if (offsetMs === null || Math.abs(offsetMs) < MAX_SIGNATURE_SKEW_MS) return null;
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return (
    `This computer's clock is ${minutes} minutes ${offsetMs > 0 ? 'ahead' : 'behind'}, and storage services refuse ` +
    'requests signed more than 15 minutes off. Set the date and time to update automatically, then test again.'
  );
}
