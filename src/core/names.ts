import { fail, ok, type Result } from './result';

/** The longest brokerage or configuration name we store (the original's limit). */
export const MAX_NAME_LENGTH = 100;

/**
 * The one name rule used everywhere (UI, restore, merge): trim, collapse runs of white space to
 * one space, at most 100 characters. Punctuation is kept — the original stripped it on save but
 * not on lookup, and lost every configuration of a brokerage like "Acme, Inc.".
 */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** Normalizes a name and checks it is usable; `what` names the field in the message. */
export function checkName(raw: string, what: string): Result<string> {
  const name = normalizeName(raw);
  if (name === '') return fail('name-empty', `Please provide a ${what}.`);
  if ([...name].length > MAX_NAME_LENGTH) {
    return fail('name-too-long', `The ${what} is too long: at most ${MAX_NAME_LENGTH} characters.`);
  }
  return ok(name);
}
