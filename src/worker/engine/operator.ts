/**
 * Who is at the keyboard of this tab, as the person typed their name: recorded with every logged
 * event ("who restored what"). The page tells the worker at start and whenever it changes.
 */
export class Operator {
  private current = '';

  /** The name, trimmed and shortened; '' when none was given. */
  get name(): string {
    return this.current;
  }

  set(name: string): void {
    this.current = name.trim().replace(/\s+/g, ' ').slice(0, 60);
  }

  /** " (by Dana)" when a name was given, for activity summaries. */
  byline(): string {
    return this.current ? ` (by ${this.current})` : '';
  }

  /** The name for an activity entry's details; null when none was given. */
  get nameOrNull(): string | null {
    return this.current || null;
  }
}
