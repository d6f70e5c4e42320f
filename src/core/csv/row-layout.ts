/**
 * Where a plan's values live in a row read: one array slot per path the plan can produce (mapped
 * fields, defaults, required fields). Arrays instead of objects keyed by dotted paths: building a
 * dictionary per row was the largest cost of validating 100k rows.
 */
import { defaultRulesFor } from './defaults';
import type { MappingPlan } from './mapping-plan';

export interface RowLayout {
  /** The path of each slot. */
  paths: readonly string[];
  /** The slot of each path. */
  slotOf: ReadonlyMap<string, number>;
}

const LAYOUTS = new WeakMap<MappingPlan, RowLayout>();

/** The layout of a plan's rows (computed once per plan). */
export function layoutOf(plan: MappingPlan): RowLayout {
  const known = LAYOUTS.get(plan);
  if (known) return known;
  const mapped = plan.fields.map((planned) => planned.field.path);
  const paths = [...new Set([...mapped, ...defaultRulesFor(mapped).map((rule) => rule.path), ...plan.required])];
  const layout = { paths, slotOf: new Map(paths.map((path, i) => [path, i])) };
  LAYOUTS.set(plan, layout);
  return layout;
}

/** The value a row read holds for a path (undefined when none). */
export function valueAt(plan: MappingPlan, values: readonly unknown[], path: string): unknown {
  const slot = layoutOf(plan).slotOf.get(path);
  return slot === undefined ? undefined : values[slot];
}
