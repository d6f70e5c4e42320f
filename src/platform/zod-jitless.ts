/**
 * zod checks whether `new Function` is allowed by trying it, the first time it validates an
 * object. Under our Content-Security-Policy (no 'unsafe-eval') that try is refused and reported
 * as a violation; telling zod up front that it must run without generated code avoids both.
 * Imported first by the worker (see src/worker/db.worker.ts).
 */
import * as z from 'zod';

z.config({ jitless: true });
