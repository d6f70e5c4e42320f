/**
 * Builds the JSON body of one load from a row's typed values: dotted paths become nested
 * objects, numeric segments become array items (`load.route.1.address.city` → the second stop's
 * city). Only catalog paths are ever written, so no file can smuggle a key like `__proto__`.
 */
import { API_FIELDS } from '../api-fields';
import { DEFAULT_RULES, defaultRulesFor } from './defaults';
import type { MappingPlan } from './mapping-plan';
import { layoutOf } from './row-layout';

interface Slot {
  slot: number;
  segments: (string | number)[];
}

const CATALOG_ORDER = new Map(API_FIELDS.map((field, i) => [field.path, i]));

/** A payload builder for one plan; returns the body object for a row read's values. */
export function createPayloadBuilder(plan: MappingPlan): (values: readonly unknown[]) => Record<string, unknown> {
  const root = treeOf(plan);
  return (values) => (build(root, values) as Record<string, unknown> | undefined) ?? {};
}

/**
 * A serializer for one plan: the JSON text of a row's body, exactly
 * `JSON.stringify(createPayloadBuilder(plan)(values))` (a tested law), without building the
 * nested objects. Rows with values in the same slots share one compiled template of literal
 * text and slots, so writing a body is a few concatenations (most rows of a file share one).
 */
export function createPayloadSerializer(plan: MappingPlan): (values: readonly unknown[]) => string {
  const root = treeOf(plan);
  const templates = new Map<string, Template>();
  return (values) => {
    let signature = '';
    for (let i = 0; i < values.length; i++) signature += values[i] === undefined ? '0' : '1';
    let template = templates.get(signature);
    if (!template) {
      template = compileTemplate(root, values);
      templates.set(signature, template);
    }
    let text = template.literals[0] as string;
    for (let i = 0; i < template.slots.length; i++)
      text += writeJson(values[template.slots[i] as number]) + (template.literals[i + 1] as string);
    return text;
  };
}

/** Characters a JSON string must escape (any surrogate too: lone ones are escaped by JSON.stringify). */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what is looked for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A value's JSON, as JSON.stringify writes it; plain strings and numbers without calling it. */
function writeJson(value: unknown): string {
  if (typeof value === 'string') return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return JSON.stringify(value);
}

/** Literal text around the slots whose values are written between them. */
interface Template {
  literals: string[];
  slots: number[];
}

/** The template of one presence pattern: `emit` with each value replaced by its slot. */
function compileTemplate(root: TreeNode, values: readonly unknown[]): Template {
  const MARK = '\u0000';
  const slots: number[] = [];
  const marked = values.map((value, slot) => (value === undefined ? undefined : `${MARK}${slot}${MARK}`));
  const text = emit(root, marked, (value) => String(value)) ?? '{}';
  const literals: string[] = [];
  const pieces = text.split(MARK);
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) literals.push(pieces[i] as string);
    else slots.push(Number(pieces[i]));
  }
  return { literals, slots };
}

/** The body's shape for a plan: objects, arrays (numeric keys) and the slot of each leaf. */
function treeOf(plan: MappingPlan): TreeNode {
  const root: TreeNode = { key: '', children: [] };
  for (const { slot, segments } of slotsOf(plan)) {
    let node = root;
    for (const segment of segments) {
      let child = node.children.find((candidate) => candidate.key === segment);
      if (!child) {
        child = { key: segment, children: [] };
        node.children.push(child);
      }
      node = child;
    }
    node.slot = slot;
  }
  return root;
}

/** Whether a node's children are array items. */
function isArrayNode(node: TreeNode): boolean {
  return node.children.length > 0 && typeof node.children[0]?.key === 'number';
}

/** The value of one node, or undefined when nothing under it has a value (then it is left out). */
function build(node: TreeNode, values: readonly unknown[]): unknown {
  if (node.slot !== undefined) return values[node.slot];
  if (isArrayNode(node)) {
    const items: unknown[] = [];
    for (const child of node.children) {
      const value = build(child, values);
      if (value !== undefined) items[child.key as number] = value;
    }
    return items.length === 0 ? undefined : Array.from(items, (item) => (item === undefined ? null : item));
  }
  let object: Record<string, unknown> | undefined;
  for (const child of node.children) {
    const value = build(child, values);
    if (value !== undefined) (object ??= {})[child.key as string] = value;
  }
  return object;
}

interface TreeNode {
  key: string | number;
  slot?: number;
  children: TreeNode[];
}

/** The JSON of one node, or undefined when nothing under it has a value (then it is left out). */
function emit(node: TreeNode, values: readonly unknown[], write: (value: unknown) => string): string | undefined {
  if (node.slot !== undefined) {
    const value = values[node.slot];
    return value === undefined ? undefined : write(value);
  }
  if (isArrayNode(node)) {
    const items: (string | undefined)[] = [];
    for (const child of node.children) items[child.key as number] = emit(child, values, write);
    let last = items.length - 1;
    while (last >= 0 && items[last] === undefined) last--;
    if (last < 0) return undefined;
    const parts: string[] = [];
    for (let i = 0; i <= last; i++) parts.push(items[i] ?? 'null');
    return `[${parts.join(',')}]`;
  }
  const parts: string[] = [];
  for (const child of node.children) {
    const text = emit(child, values, write);
    if (text !== undefined) parts.push(`${JSON.stringify(String(child.key))}:${text}`);
  }
  return parts.length === 0 ? undefined : `{${parts.join(',')}}`;
}

/** The plan's slots in catalog order, each with its path split into keys and array indexes. */
function slotsOf(plan: MappingPlan): Slot[] {
  const { slotOf } = layoutOf(plan);
  const mapped = plan.fields.map((planned) => planned.field.path);
  const candidates = new Set([...mapped, ...defaultRulesFor(mapped).map((rule) => rule.path)]);
  return [...candidates]
    .sort((a, b) => (CATALOG_ORDER.get(a) ?? 999) - (CATALOG_ORDER.get(b) ?? 999))
    .map((path) => ({
      slot: slotOf.get(path) as number,
      segments: path.split('.').map((part) => (/^\d+$/u.test(part) ? Number(part) : part)),
    }));
}

/** The catalog paths that have defaults, for the preview's legend. */
export const DEFAULTED_PATHS: readonly string[] = DEFAULT_RULES.map((rule) => rule.path);

/** The load number a body carries (for results and messages), or null. */
export function loadNumberOf(body: Record<string, unknown>): string | null {
  const load = body.load;
  if (load && typeof load === 'object' && 'loadNumber' in load) {
    const value = load.loadNumber;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  }
  return null;
}
