import * as z from 'zod/mini';

/**
 * The shapes of the load API's answers this app relies on, as schemas: the API is a server nobody
 * here wrote, so its JSON is outside input. Each schema accepts what real APIs send (extra keys
 * are ignored) and nothing this app would misread: a token that is not a non-empty string, or a load
 * number that is an object, is no token or load number at all.
 */

/** `POST /token/refresh` → `{ accessToken }`. */
export const TokenAnswer = z.object({ accessToken: z.string().check(z.minLength(1)) });

const LoadNumber = z.union([z.string(), z.number()]);

/**
 * `POST /v2/loads` → the created load's number, under `loadNumber`, `load.loadNumber` or `id`
 * (APIs differ; the first one present wins). Each is optional: an answer without one is still a
 * created load, only without a number to show.
 */
export const LoadCreatedAnswer = z.object({
  loadNumber: z.optional(z.unknown()),
  load: z.optional(z.unknown()),
  id: z.optional(z.unknown()),
});

const NestedLoad = z.object({ loadNumber: LoadNumber });

/** A refusal's body: the API's own words under `message`, `error`, `errors` or `detail`. */
export const RefusalAnswer = z.object({
  message: z.optional(z.unknown()),
  error: z.optional(z.unknown()),
  errors: z.optional(z.unknown()),
  detail: z.optional(z.unknown()),
});

/** The access token in a refresh answer, or null when the answer holds none. */
export function tokenIn(json: unknown): string | null {
  const read = TokenAnswer.safeParse(json);
  return read.success ? read.data.accessToken : null;
}

/** The load number a created load's answer names, as text, or null. */
export function loadNumberIn(json: unknown): string | null {
  const read = LoadCreatedAnswer.safeParse(json);
  if (!read.success) return null;
  const { loadNumber, load, id } = read.data;
  const candidates = [loadNumber, NestedLoad.safeParse(load).data?.loadNumber, id];
  const found = candidates.find((value) => value !== undefined && value !== null);
  const number = LoadNumber.safeParse(found);
  return number.success ? String(number.data) : null;
}

/** The API's own words in a refusal's JSON body; undefined when the body is not such an object. */
export function refusalWordsIn(json: unknown): unknown {
  const read = RefusalAnswer.safeParse(json);
  if (!read.success) return undefined;
  const { message, error, errors, detail } = read.data;
  return message ?? error ?? errors ?? detail ?? json;
}
