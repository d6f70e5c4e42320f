import type { ObjectStore } from '../../core/team-store/object-store';
import type { ConnectionReport } from '../../platform/team-store/connection-check';
import type { S3Settings } from '../../platform/team-store/s3-request';

/**
 * How the team store feature reaches a store: open one from its settings, run the connection
 * check, and read the bucket's own protection (versioning, Object Lock) in plain words. The S3
 * implementation is src/platform/team-store/s3-transport.ts, loaded on first use; unit tests use
 * an in-memory store behind the same interface.
 */
export interface StoreTransport {
  open(settings: S3Settings): ObjectStore;
  check(settings: S3Settings, options: { prefix: string; origin: string }): Promise<ConnectionReport>;
  /** The bucket's versioning and Object Lock in words; null when the key may not read them. */
  protection(settings: S3Settings): Promise<string[] | null>;
}
