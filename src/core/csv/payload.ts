/**
 * Builds the JSON body of one load from a row's typed values: dotted paths become nested
 * objects, numeric segments become array items (`load.route.1.address.city` → the second stop's
 * city). Only catalog paths are ever written, so no file can smuggle a key like `__proto__`.
 */
import { API_FIELDS } from '../api-fields';
import { DEFAULT_RULES, defaultRulesFor } from './defaults';
import type { MappingPlan } from './mapping-plan';

type Json = Record<string, unknown> | unknown[];

interface Slot {
  path: string;
  segments: (string | number)[];
}

const CATALOG_ORDER = new Map(API_FIELDS.map((field, i) => [field.path, i]));

/** A payload builder for one plan; returns the body object for a row's values. */
export function createPayloadBuilder(plan: MappingPlan): (values: Record<string, unknown>) => Record<string, unknown> {
  const mapped = plan.fields.map((planned) => planned.field.path);
  const candidates = new Set([...mapped, ...defaultRulesFor(mapped).map((rule) => rule.path)]);
  const slots: Slot[] = [...candidates]
    .sort((a, b) => (CATALOG_ORDER.get(a) ?? 999) - (CATALOG_ORDER.get(b) ?? 999))
    .map((path) => ({ path, segments: path.split('.').map((part) => (/^\d+$/u.test(part) ? Number(part) : part)) }));
  return (values) => {
    const body: Record<string, unknown> = {};
    for (const slot of slots) {
      const value = values[slot.path];
      if (value !== undefined) place(body, slot.segments, value);
    }
    return body;
  };
}

/** The catalog paths that have defaults, for the preview's legend. */
export const DEFAULTED_PATHS: readonly string[] = DEFAULT_RULES.map((rule) => rule.path);

/** Writes `value` at `segments` inside `root`, creating objects and arrays on the way. */
function place(root: Record<string, unknown>, segments: readonly (string | number)[], value: unknown): void {
  let node: Json = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i] as string | number;
    const nextIsIndex = typeof segments[i + 1] === 'number';
    const holder = node as Record<string | number, unknown>;
    let child = holder[key];
    if (child === undefined) {
      child = nextIsIndex ? [] : {};
      holder[key] = child;
    }
    node = child as Json;
  }
  (node as Record<string | number, unknown>)[segments[segments.length - 1] as string | number] = value;
}

/** The load number a body carries (for results and messages), or null. */
export function loadNumberOf(body: Record<string, unknown>): string | null {
  const load = body.load;
  if (load && typeof load === 'object' && 'loadNumber' in load) {
    const value = (load as { loadNumber: unknown }).loadNumber;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  }
  return null;
}
