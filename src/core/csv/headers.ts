/**
 * Header normalisation as the original does it (reference/ff2api-original.md §4.5): trimmed,
 * spaces turned into `_`, lowercased — so `Load #` becomes `load_#` and `load.loadNumber`
 * becomes `load.loadnumber`. Saved mappings name columns by these normalised names.
 */
import { fail, ok, type Result } from '../result';

const MESSAGES = {
  duplicate: (first: number, second: number, name: string, rawFirst: string, rawSecond: string) =>
    rawFirst === rawSecond
      ? `Columns ${first} and ${second} are both named “${rawFirst}”. Nothing was read or sent. Rename one of them in the file and choose it again.`
      : `Columns ${first} (“${rawFirst}”) and ${second} (“${rawSecond}”) both become “${name}” once spaces and capitals are evened out, so a mapping could not tell them apart. Nothing was read or sent. Rename one of them in the file and choose it again.`,
} as const;

/** One header cell normalised: BOM and surrounding space removed, inner spaces → `_`, lowercase. */
export function normalizeHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/u, '')
    .trim()
    .replace(/\s+/gu, '_')
    .toLowerCase();
}

/** The name given to a column whose header cell is empty: its 1-based position. */
export function unnamedColumn(position: number): string {
  return `column_${position}`;
}

/**
 * Normalises a header row. Empty cells get a positional name (`column_2`) so their data stays
 * mappable; two columns that end up with the same name refuse the file, naming both.
 */
export function normalizeHeaderRow(raw: readonly string[]): Result<string[]> {
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    const normalized = normalizeHeader(raw[i] ?? '');
    const name = normalized === '' ? unnamedColumn(i + 1) : normalized;
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      return fail(
        'duplicate-header',
        MESSAGES.duplicate(earlier + 1, i + 1, name, (raw[earlier] ?? '').trim(), (raw[i] ?? '').trim()),
      );
    }
    seen.set(name, i);
    names.push(name);
  }
  return ok(names);
}
