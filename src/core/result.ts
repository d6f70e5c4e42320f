/**
 * Expected failures are values, not exceptions: `message` is for people (what happened, what was
 * kept, what to do), `detail` is for developers. Raw exceptions never reach the screen.
 */
export interface AppError {
  /** Stable code for the cases the UI treats differently. */
  code: string;
  /** Plain words for the user. */
  message: string;
  /** Internal detail (stack, SQL error, path); shown only in a "details" disclosure. */
  detail?: string;
  /** For files: each problem located (section, row, field) — the first ones in full. */
  problems?: readonly LocatedProblem[];
  /** How many more problems there were beyond `problems`. */
  moreProblems?: number;
}

/** One problem in an input file, located as precisely as possible. */
export interface LocatedProblem {
  section: string;
  row?: number;
  field?: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function fail<T = never>(code: string, message: string, detail?: string): Result<T> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

/** Turns anything thrown into a developer detail string. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  return String(thrown);
}
