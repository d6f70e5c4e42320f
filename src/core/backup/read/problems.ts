import type * as z from 'zod';
import type { LocatedProblem } from '../../result';
import { MAX_PROBLEMS_SHOWN } from '../format/limits';
import { describeKind } from '../format/values';

/** A repair or oddity worth telling the user about, with how often it occurred. */
export interface RestoreWarning {
  code: string;
  message: string;
  count: number;
}

/** A problem in a file, located by section, row (0-based) and field. */
export type Problem = LocatedProblem;

/**
 * Collects every problem found in a file. All are counted; the first MAX_PROBLEMS_SHOWN are kept
 * in full — a file with a million bad rows must not build a million messages.
 */
export class ProblemLog {
  private readonly kept: Problem[] = [];
  private total = 0;
  private lastPlace = '';

  /** Records one problem; a second one at the same place as the last is the same problem. */
  add(section: string, row: number | undefined, field: string | undefined, message: string): void {
    const place = `${section}\u0000${String(row)}\u0000${String(field)}`;
    if (place === this.lastPlace) return; // zod may report one bad value twice (e.g. too big and unsafe)
    this.lastPlace = place;
    this.total++;
    if (this.kept.length < MAX_PROBLEMS_SHOWN) {
      const problem: Problem = { section, message };
      if (row !== undefined) problem.row = row;
      if (field !== undefined) problem.field = field;
      this.kept.push(problem);
    }
  }

  /** How many problems were found. */
  get count(): number {
    return this.total;
  }

  /** The problems kept in full and how many more there were. */
  summary(): { problems: Problem[]; moreProblems: number } {
    return { problems: [...this.kept], moreProblems: this.total - this.kept.length };
  }
}

/** Counts each kind of repair made while reading, for the restore preview. */
export class WarningTally {
  private readonly tally = new Map<string, RestoreWarning>();

  /** Counts `count` more of a repair kind. */
  add({ code, message }: { code: string; message: string }, count = 1): void {
    if (count <= 0) return;
    const existing = this.tally.get(code);
    if (existing) existing.count += count;
    else this.tally.set(code, { code, message, count });
  }

  /** One warning per repair kind, in the order first seen. */
  list(): RestoreWarning[] {
    return [...this.tally.values()].map((warning) => ({ ...warning }));
  }
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
  null: 'null',
};

/** Turns one zod issue into a located problem message, in plain words. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is missing';
      return `should be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}, but is ${describeKind(value)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `is longer than ${String(issue.maximum)} characters`
        : `should be at most ${String(issue.maximum)}, but is ${describeKind(value)}`;
    case 'too_small':
      return issue.origin === 'string' ? 'is empty' : `should be at least ${String(issue.minimum)}, but is ${describeKind(value)}`;
    case 'invalid_value':
      return `should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, but is ${JSON.stringify(value) ?? 'missing'}`;
    default:
      return issue.message;
  }
}

/** The field name a zod issue points at (nested paths joined with dots). */
export function issueField(issue: z.core.$ZodIssue): string | undefined {
  return issue.path.length === 0 ? undefined : issue.path.map(String).join('.');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, key) ? (current as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return current;
}
