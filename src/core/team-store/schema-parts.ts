import * as z from 'zod/mini';

/*
 * Schema parts the team store's records share, built from what the worker's start already holds of
 * zod. The worker's zod code sits in the chunk loaded at start (its own records need it there), so
 * whatever part of zod a lazily loaded feature uses is loaded at start too: z.iso, z.record and
 * z.prettifyError would add about 1 kB gzip to a budget of 150 kB, for checks these few lines make.
 */

/** An ISO 8601 time in UTC as `Date.prototype.toISOString` writes it (seconds, optional fraction, `Z`). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export const isoUtcTime = () =>
  z.string().check(
    z.regex(ISO_UTC, 'should be a UTC time like 2026-01-31T17:00:00.000Z'),
    z.refine((text) => !Number.isNaN(Date.parse(text)), 'should be a real date and time'),
  );

/** An object whose every own key holds a `value` (a JSON object read as a map). */
export const stringKeyed = <V extends z.ZodMiniType>(value: V) => z.catchall(z.object({}), value);

/** A refusal's detail: each problem with where it was, on one line. */
export function describeIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
