/**
 * Runs async jobs one at a time, in the order asked: two snapshots never interleave (a tick's
 * After changes and a Before delete, say), and a delete never races a verification.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `job` after every job queued before it; its result (or error) is the caller's. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
