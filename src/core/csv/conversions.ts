/**
 * What reading a row changed: each mapped value whose text in the file differs from what is sent
 * (`MC456789` → 456789, `Dry Van` → "DRY_VAN", `1/15/2026` → the API's date), for the payload
 * preview, so nobody has to guess what became of a cell.
 */
import type { MappingPlan } from './mapping-plan';
import { layoutOf } from './row-layout';

export interface Conversion {
  path: string;
  /** The cell (or manual value) as written. */
  from: string;
  /** The value sent, as JSON. */
  to: string;
}

/** The conversions of one row read through a plan (values as the row reader typed them). */
export function describeConversions(
  plan: MappingPlan,
  cells: readonly string[],
  values: readonly unknown[],
): Conversion[] {
  const { slotOf } = layoutOf(plan);
  const found: Conversion[] = [];
  for (const planned of plan.fields) {
    const written = (planned.column === null ? (planned.constant ?? '') : (cells[planned.column] ?? '')).trim();
    const value = values[slotOf.get(planned.field.path) ?? -1];
    if (written === '' || value === undefined || value === written) continue;
    if (typeof value === 'number' && String(value) === written) continue;
    found.push({ path: planned.field.path, from: written, to: JSON.stringify(value) });
  }
  return found;
}
