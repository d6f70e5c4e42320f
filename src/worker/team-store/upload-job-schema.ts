import * as z from 'zod/mini';
import { stringKeyed } from '../../core/team-store/schema-parts';

/** A waiting copy's job as stored (worker/team-store/upload-queue-store.ts): read back through this. */
const timedError = z.object({ code: z.string(), message: z.string(), at: z.string() });

export const storeUploadJobSchema = z.object({
  id: z.string(),
  key: z.string(),
  queuedAt: z.string(),
  state: z.enum(['pending', 'needs-attention', 'done', 'abandoned']),
  attempts: z.int().check(z.gte(0)),
  nextAttemptAt: z.nullable(z.string()),
  lastError: z.nullable(timedError),
  objectId: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
  createdAt: z.string(),
  details: z.object({
    backupKind: z.enum(['daily', 'emergency', 'manual', 'before-risky']),
    fileName: z.string(),
    checksum: z.string(),
    sha256: z.string(),
    sizeBytes: z.int().check(z.gte(0)),
    counts: stringKeyed(z.int()),
    secrets: z.enum(['plain', 'encrypted', 'omitted']),
  }),
});
