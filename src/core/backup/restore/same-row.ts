/** Column-by-column equality of two rows (undefined counts as null, as the database stores it). */
export function sameRow(a: object, b: object, columns: readonly string[]): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const column of columns) if ((left[column] ?? null) !== (right[column] ?? null)) return false;
  return true;
}
