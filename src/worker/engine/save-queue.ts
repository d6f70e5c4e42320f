import type { Result } from '../../core/result';

/**
 * Coalesces saves: while one save is running, any number of new requests are served by the next
 * single save, which starts when the running one ends and captures the database as it is then.
 * Each caller's promise resolves when a save that includes its change has committed (or failed).
 */
export class SaveQueue {
  private running: Promise<void> | null = null;
  private waiting: ((result: Result<void>) => void)[] = [];

  constructor(private readonly saveNow: () => Promise<Result<void>>) {}

  /** Asks for a save that includes everything written so far. */
  request(): Promise<Result<void>> {
    const done = new Promise<Result<void>>((resolve) => this.waiting.push(resolve));
    this.running ??= this.drain();
    return done;
  }

  /** Whether a save is running or queued. */
  get isBusy(): boolean {
    return this.running !== null;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      const result = await this.saveNow();
      for (const resolve of batch) resolve(result);
    }
    this.running = null;
  }
}
