/**
 * Who is at the keyboard of this browser, as the person typed their name (the app's settings,
 * src/core/settings): recorded with every audited event ("who restored what"). Read from the
 * database each time, so a change made in another tab, or taken from a restored file, counts at once.
 */
export class Operator {
  constructor(private readonly readName: () => string) {}

  /** The name; '' when none was given. */
  get name(): string {
    return this.readName();
  }

  /** " (by Dana)" when a name was given, for activity summaries. */
  byline(): string {
    const name = this.name;
    return name ? ` (by ${name})` : '';
  }

  /** The name for an activity entry's details; null when none was given. */
  get nameOrNull(): string | null {
    return this.name || null;
  }
}
