import { ok, type Result } from '../../core/result';
import type { SnapshotManifest } from '../../core/snapshots/manifest';

/**
 * Content checksums read in the background after a snapshot counted (the long read-back of every
 * row), by snapshot id. Opening a snapshot whose checksum is still being read waits for that read
 * instead of repeating it: the usual case of Undo straight after a restore, whose Before restore
 * snapshot was taken seconds ago. Both reads at once would slow each other down on two cores.
 */
export class BackgroundChecksums {
  private readonly reading = new Map<string, Promise<void>>();

  /** Starts `read` for snapshot `id`; its failure only means the checksum is read again when opened. */
  start(id: string, read: () => Promise<void>): void {
    const work = read().catch(() => undefined);
    this.reading.set(id, work);
    void work.finally(() => {
      if (this.reading.get(id) === work) this.reading.delete(id);
    });
  }

  /** Resolves when the reads started so far are done (tests, the bench). */
  async whenDone(): Promise<void> {
    await Promise.all([...this.reading.values()]);
  }

  /** `manifest` once a checksum being read for it is recorded (`find` reads it again). */
  async settled(
    manifest: SnapshotManifest,
    find: (id: string) => Promise<Result<SnapshotManifest>>,
  ): Promise<Result<SnapshotManifest>> {
    const reading = this.reading.get(manifest.id);
    if (manifest.checksum !== null || reading === undefined) return ok(manifest);
    await reading;
    return find(manifest.id);
  }
}
