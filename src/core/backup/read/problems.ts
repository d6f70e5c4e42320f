import type { LocatedProblem } from '../../result';
import { MAX_PROBLEMS_SHOWN } from '../format/limits';

/** A repair or oddity worth telling the user about, with how often it occurred. */
export interface RestoreWarning {
  code: string;
  message: string;
  /** How many rows it touched; null for a warning about the file as a whole. */
  count: number | null;
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
    if (place === this.lastPlace) return; // one bad value is one problem, however many rules it breaks
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
    if (existing) existing.count = (existing.count ?? 0) + count;
    else this.tally.set(code, { code, message, count });
  }

  /** Notes a warning about the file as a whole (shown without a count). */
  note({ code, message }: { code: string; message: string }): void {
    if (!this.tally.has(code)) this.tally.set(code, { code, message, count: null });
  }

  /** One warning per repair kind, in the order first seen. */
  list(): RestoreWarning[] {
    return [...this.tally.values()].map((warning) => ({ ...warning }));
  }
}
