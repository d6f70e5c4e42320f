/**
 * The header check (reference/ff2api-original.md §4.5): a file's normalised headers against the
 * ones saved with the configuration. Order does not matter; names do.
 */
export type HeaderCheck =
  { kind: 'new' } | { kind: 'identical' } | { kind: 'changed'; missing: string[]; added: string[]; common: string[] };

/** Compares a file's headers with the saved ones (null or empty: nothing saved yet). */
export function checkHeaders(saved: readonly string[] | null, current: readonly string[]): HeaderCheck {
  if (!saved || saved.length === 0) return { kind: 'new' };
  const savedSet = new Set(saved);
  const currentSet = new Set(current);
  const missing = saved.filter((name) => !currentSet.has(name));
  const added = current.filter((name) => !savedSet.has(name));
  if (missing.length === 0 && added.length === 0) return { kind: 'identical' };
  return { kind: 'changed', missing, added, common: current.filter((name) => savedSet.has(name)) };
}
