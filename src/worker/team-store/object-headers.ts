import { readSealedHeader } from '../../core/team-store/envelope-open';
import { METADATA_PROBE_BYTES, type SealedHeader } from '../../core/team-store/envelope-format';
import { readAllBytes, type ObjectStore } from '../../core/team-store/object-store';
import type { StoreError } from '../../core/team-store/store-errors';
import type { TeamKey } from '../../core/team-store/team-keys';

/**
 * A sealed object's header (its metadata: kind, time, browser, person, details) from its first
 * bytes — one ranged GET, a second only for an unusually large header. Objects never change under
 * their name, so headers read once are kept for the session.
 */

export type HeaderRead =
  | { state: 'opened'; header: SealedHeader }
  /** The header did not open with the team key: changed, moved, or another team's. */
  | { state: 'refused'; why: string }
  | { state: 'failed'; error: StoreError };

export class HeaderReader {
  private readonly opened = new Map<string, SealedHeader>();

  constructor(
    private readonly store: ObjectStore,
    private readonly teamKey: TeamKey,
    private readonly prefix: string,
  ) {}

  async read(key: string): Promise<HeaderRead> {
    const known = this.opened.get(key);
    if (known) return { state: 'opened', header: known };
    const relative = key.slice(this.prefix.length);
    let want = METADATA_PROBE_BYTES;
    for (let round = 0; round < 2; round++) {
      const got = await this.store.get(key, { start: 0, end: want - 1 });
      if (!got.ok) return { state: 'failed', error: got.error };
      const bytes = await readAllBytes(got.value.body);
      const header = await readSealedHeader(this.teamKey, relative, bytes);
      if ('needBytes' in header) {
        want = header.needBytes;
        continue;
      }
      if (!header.ok) return { state: 'refused', why: header.error.detail ?? header.error.message };
      this.opened.set(key, header.value);
      return { state: 'opened', header: header.value };
    }
    return { state: 'refused', why: 'the header is longer than it says' };
  }
}
